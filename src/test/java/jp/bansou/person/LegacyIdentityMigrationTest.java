package jp.bansou.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database from before the vault: identifiers as plain variables of a running case and as
 * submitted form values in history. The start-up step seals them and clears the engine's tables.
 */
@CaseEngineTest
class LegacyIdentityMigrationTest {

  @Autowired ProcessEngine engine;
  @Autowired LegacyIdentityMigration migration;
  @Autowired IdentityVault vault;
  @Autowired DataSource dataSource;

  @Test
  void plaintextIdentifiersOfAnOlderCaseMoveIntoTheVault() throws Exception {
    Markers older = Markers.fresh();
    ProcessInstance pi = CaseDriver.start(engine, Markers.fresh().intake());
    String caseNumber = pi.getBusinessKey();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // as an older version left it: no sealed record, the identity as a variable and a form value
    jdbc.update("delete from person_identity where case_number = ?", caseNumber);
    engine
        .getRuntimeService()
        .setVariables(pi.getId(), Map.of("phoneDigits", older.phone().replace("-", "")));
    jdbc.update(
        "insert into ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, PROC_INST_ID_, EXECUTION_ID_,"
            + " TEXT_, VAR_SCOPE_) values (?, 1, 'string', 'personName', ?, ?, ?, ?)",
        "legacy-" + caseNumber,
        pi.getId(),
        pi.getId(),
        older.name(),
        pi.getId());
    jdbc.update(
        "insert into ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, NAME_,"
            + " VAR_TYPE_, TEXT_, STATE_, ROOT_PROC_INST_ID_) values (?, 'accompaniment-case', ?,"
            + " ?, 'personName', 'string', ?, 'CREATED', ?)",
        "legacy-" + caseNumber,
        pi.getId(),
        pi.getId(),
        older.name(),
        pi.getId());
    jdbc.update(
        "insert into ACT_HI_DETAIL (ID_, TYPE_, PROC_INST_ID_, NAME_, TEXT_, TIME_)"
            + " values (?, 'FormProperty', ?, 'email', ?, current_timestamp)",
        "legacy-" + caseNumber,
        pi.getId(),
        older.email());
    assertThat(MarkerScan.find(dataSource, List.of(older.name(), older.email()))).isNotEmpty();

    migration.run();

    assertThat(MarkerScan.find(dataSource, older.all())).isEmpty();
    assertThat(vault.open(caseNumber))
        .hasValueSatisfying(
            identity -> assertThat(identity).containsEntry("personName", older.name()));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "personName")).isNull();
  }
}
