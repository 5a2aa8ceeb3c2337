package jp.bansou.person;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bansou.engine.StartupStep;
import jp.bansou.facts.CaseFacts;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A database from before the identity vault held the person's identifiers as plain process
 * variables and in their history. At start-up they are sealed into the vault (if the case has no
 * sealed record yet) and removed from the engine's tables, variables and history alike, together
 * with the old matching keys; a case without access facts gets them. Nothing to do on a new
 * database.
 */
@Component
public class LegacyIdentityMigration implements StartupStep {

  static final String CASE_PROCESS = "accompaniment-case";

  /** The old matching keys, identifying too. */
  static final List<String> OLD_KEYS = List.of("nameKey", "phoneDigits");

  private static final Logger LOG = LoggerFactory.getLogger(LegacyIdentityMigration.class);

  private final ProcessEngine engine;
  private final IdentityFields fields;
  private final IdentityVault vault;
  private final CaseAccess access;
  private final CaseVisibility visibility;
  private final JdbcTemplate jdbc;

  public LegacyIdentityMigration(
      ProcessEngine engine,
      IdentityFields fields,
      IdentityVault vault,
      CaseAccess access,
      CaseVisibility visibility,
      JdbcTemplate jdbc) {
    this.engine = engine;
    this.fields = fields;
    this.vault = vault;
    this.access = access;
    this.visibility = visibility;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "identifiers of older cases moved into the vault";
  }

  @Override
  public int getOrder() {
    return MODELS + 50;
  }

  @Override
  public void run() {
    Set<String> names = new LinkedHashSet<>(fields.names());
    names.addAll(OLD_KEYS);
    String in = String.join(",", names.stream().map(n -> "?").toList());
    // runtime values first: they are the current ones
    Map<String, Map<String, String>> byInstance = new LinkedHashMap<>();
    for (String table : List.of("ACT_HI_VARINST", "ACT_RU_VARIABLE")) {
      String type = table.equals("ACT_HI_VARINST") ? "VAR_TYPE_" : "TYPE_";
      jdbc.query(
          "select PROC_INST_ID_, NAME_, "
              + type
              + " as TYPE_, TEXT_, LONG_ from "
              + table
              + " where NAME_ in ("
              + in
              + ") and PROC_INST_ID_ is not null",
          rs -> {
            String value = value(rs.getString("TYPE_"), rs.getString("TEXT_"), rs.getLong("LONG_"));
            if (fields.contains(rs.getString("NAME_")) && value != null) {
              byInstance
                  .computeIfAbsent(rs.getString("PROC_INST_ID_"), id -> new LinkedHashMap<>())
                  .put(rs.getString("NAME_"), value);
            }
          },
          names.toArray());
    }
    int sealed = 0;
    for (var entry : byInstance.entrySet()) {
      HistoricProcessInstance instance =
          engine
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processInstanceId(entry.getKey())
              .singleResult();
      if (instance == null
          || instance.getBusinessKey() == null
          || !CASE_PROCESS.equals(instance.getProcessDefinitionKey())) {
        continue;
      }
      String caseNumber = instance.getBusinessKey();
      if (!vault.erased(caseNumber) && vault.open(caseNumber).isEmpty()) {
        vault.seal(caseNumber, entry.getValue());
        sealed++;
      }
      boolean running = instance.getEndTime() == null;
      if (access.find(caseNumber).isEmpty()) {
        access.opened(
            caseNumber,
            variable(entry.getKey(), CaseFacts.PREFECTURE.name()),
            false,
            null,
            "true".equals(variable(entry.getKey(), CaseFacts.CONSENT_SHARING.name())));
        if (!running) {
          access.closed(caseNumber);
        }
      }
      if (running) {
        grantIfMissing(entry.getKey(), caseNumber);
      }
    }
    // every trace in the engine's tables: runtime variables, their history and the submitted
    // form values (all short texts; identity fields never held byte arrays)
    int removed = 0;
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_DETAIL", "ACT_HI_VARINST")) {
      removed +=
          jdbc.update("delete from " + table + " where NAME_ in (" + in + ")", names.toArray());
    }
    if (removed > 0) {
      LOG.info(
          "Older cases: {} identities sealed, {} rows of identifiers removed from the engine.",
          sealed,
          removed);
    }
  }

  private static String value(String type, String text, long number) {
    if (text != null) {
      return text;
    }
    return "date".equals(type)
        ? java.time.Instant.ofEpochMilli(number)
            .atZone(jp.bansou.engine.EngineClock.JAPAN)
            .toLocalDate()
            .toString()
        : null;
  }

  private String variable(String processInstanceId, String name) {
    HistoricVariableInstance variable =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableName(name)
            .singleResult();
    return variable == null || variable.getValue() == null ? null : variable.getValue().toString();
  }

  private void grantIfMissing(String processInstanceId, String caseNumber) {
    boolean granted =
        engine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId)
                .count()
            > 0;
    if (!granted) {
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getCommandExecutorTxRequired()
          .execute(
              context -> {
                visibility.grantFor(processInstanceId, caseNumber);
                return null;
              });
    }
  }
}
