package jp.bansou.trial;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.bansou.engine.Trial;
import jp.bansou.negotiation.Counterparties;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes what trial cases left: every instance of the tenant {@value Trial#TENANT} with its
 * history and decisions, every row of ours under a trial case's number (the sealed identity too)
 * and, if asked, the trial deployments themselves. Real cases are never touched: a trial case's
 * number comes from the engine's own record of the trial tenant.
 */
@Service
public class TrialRemoval {

  /** Our tables that hold rows by case number. */
  static final List<String> CASE_TABLES =
      List.of(
          "identity_read",
          "case_access_grant",
          "case_access",
          "person_identity",
          "case_summary",
          "case_statistic",
          "visit_outcome",
          "fee_claim",
          "negotiation",
          "case_hand_over",
          "call_for_help",
          "lesson",
          "consultation_record");

  /** An emergency fund application's number (fund.EmergencyFund.number) in SQL. */
  public static final String FUND_APPLICATION_NUMBER =
      "case when id < 10000 then 'FA-' || lpad(cast(id as varchar), 4, '0')"
          + " else 'FA-' || cast(id as varchar) end";

  /** What was removed, in counts. */
  public record Removed(int cases, int instances, int rows, int deployments) {}

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final JdbcTemplate jdbc;

  public TrialRemoval(
      RuntimeService runtimeService,
      HistoryService historyService,
      RepositoryService repositoryService,
      JdbcTemplate jdbc) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.jdbc = jdbc;
  }

  @Transactional
  public Removed removeAll(boolean deployments) {
    List<HistoricProcessInstance> trial =
        historyService.createHistoricProcessInstanceQuery().tenantIdIn(Trial.TENANT).list();
    Set<String> caseNumbers = new LinkedHashSet<>();
    List<String> ids = new ArrayList<>();
    for (HistoricProcessInstance instance : trial) {
      ids.add(instance.getId());
      if (instance.getBusinessKey() != null) {
        caseNumbers.add(instance.getBusinessKey());
      }
    }
    caseNumbers.addAll(jdbc.queryForList("select business_key from trial_case", String.class));
    List<String> running =
        runtimeService
            .createProcessInstanceQuery()
            .tenantIdIn(Trial.TENANT)
            .rootProcessInstances()
            .list()
            .stream()
            .map(p -> p.getId())
            .toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "試行の削除", true, true, false);
    }
    if (!ids.isEmpty()) {
      historyService.deleteHistoricProcessInstancesIfExists(ids);
    }
    for (HistoricDecisionInstance decision :
        historyService.createHistoricDecisionInstanceQuery().tenantIdIn(Trial.TENANT).list()) {
      historyService.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
    }
    // counterparties named only in trial cases go with their negotiations
    List<Long> trialCounterparties =
        jdbc.queryForList(
            "select c.id from counterparty c where not " + Counterparties.real("c"), Long.class);
    int rows = 0;
    for (String caseNumber : caseNumbers) {
      for (String table : CASE_TABLES) {
        rows += jdbc.update("delete from " + table + " where case_number = ?", caseNumber);
      }
    }
    for (Long id : trialCounterparties) {
      rows +=
          jdbc.update(
              "delete from counterparty where id = ? and not exists"
                  + " (select 1 from negotiation n where n.counterparty_id = ?)",
              id,
              id);
    }
    // rows kept under a trial instance's id or application number rather than a case number
    String trialEvents =
        "select id from consultation_event where not " + Trial.realInstance("process_instance_id");
    rows += jdbc.update("delete from consultation_record where event_id in (" + trialEvents + ")");
    rows +=
        jdbc.update("delete from consultation_event_staff where event_id in (" + trialEvents + ")");
    rows +=
        jdbc.update(
            "delete from consultation_event where not "
                + Trial.realInstance("process_instance_id"));
    rows +=
        jdbc.update(
            "delete from fund_application where not " + Trial.realCase(FUND_APPLICATION_NUMBER));
    jdbc.update("delete from trial_case");
    int removedDeployments = 0;
    if (deployments) {
      for (Deployment deployment :
          repositoryService.createDeploymentQuery().tenantIdIn(Trial.TENANT).list()) {
        repositoryService.deleteDeployment(deployment.getId(), true, true, true);
        removedDeployments++;
      }
    }
    return new Removed(caseNumbers.size(), ids.size(), rows, removedDeployments);
  }
}
