package jp.bansou.demo;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.StartupStep;
import jp.bansou.fund.EmergencyFund;
import jp.bansou.fund.FundLedger;
import jp.bansou.reference.CsvRows;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The emergency aid fund in demo mode ({@code demo/fund.csv}): this month's budget of each region,
 * and applications for the demo cases — one paid, one waiting for the review team, one emergency
 * waiting for its second approver. Seeded once, when the ledger is empty.
 */
@Component
@ConditionalOnExpression("${bansou.demo-mode:false} and ${bansou.demo-data:true}")
public class DemoFund implements StartupStep {

  static final String ROWS = "demo/fund.csv";

  private static final Logger LOG = LoggerFactory.getLogger(DemoFund.class);

  private final FormService formService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final FundLedger ledger;
  private final CaseSummaries summaries;
  private final EngineClock clock;

  public DemoFund(
      FormService formService,
      TaskService taskService,
      ManagementService managementService,
      RepositoryService repositoryService,
      IdentityService identityService,
      FundLedger ledger,
      CaseSummaries summaries,
      EngineClock clock) {
    this.formService = formService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.ledger = ledger;
    this.summaries = summaries;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "demo emergency aid fund";
  }

  @Override
  public int getOrder() {
    return DEMO + 5;
  }

  @Override
  public void run() {
    if (!ledger.since("2000-01").isEmpty()) {
      return;
    }
    String month = YearMonth.now(clock).toString();
    Set<String> used = new HashSet<>();
    int applications = 0;
    for (Map<String, String> row : CsvRows.read(ROWS)) {
      if ("budget".equals(row.get("kind"))) {
        ledger.setBudget(
            month, row.get("region_or_stage"), Long.parseLong(row.get("amount_or_household")));
        continue;
      }
      String stage = row.get("region_or_stage");
      boolean emergency = "emergency".equals(stage);
      var found =
          summaries.open().stream()
              .filter(c -> c.urgency() != null && !used.contains(c.caseNumber()))
              .filter(c -> emergency == EmergencyFund.EMERGENCY.equals(c.urgency()))
              .findFirst();
      if (found.isEmpty()) {
        continue;
      }
      CaseSummary theCase = found.get();
      used.add(theCase.caseNumber());
      ProcessInstance pi = apply(theCase.caseNumber(), row);
      applications++;
      if (emergency) {
        work(
            pi,
            "decideEmergencyAid",
            "coordinator",
            Variables.putValue("emergencyDecision", "approve"));
        continue;
      }
      execute(pi, "weeklyReviewDue");
      if ("paid".equals(stage)) {
        work(pi, "reviewAidApplication", "reviewer", Variables.putValue("aidDecision", "approve"));
        execute(pi, "paymentDay");
        work(
            pi,
            "recordAidPayment",
            "reviewer",
            Variables.createVariables()
                .putValue("paymentReference", "DEMO-0001")
                .putValue("paidOn", clock.today().toString()));
      }
    }
    LOG.info(
        "Demo data: fund budgets for {} and {} fictional applications seeded.",
        month,
        applications);
  }

  private ProcessInstance apply(String caseNumber, Map<String, String> row) {
    VariableMap application =
        Variables.createVariables()
            .putValue("aidCaseNumber", caseNumber)
            .putValue("householdSize", Integer.parseInt(row.get("amount_or_household")))
            .putValue("aidPurpose", row.get("purpose"))
            .putValue("aidPurposeNote", row.get("note"));
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(EmergencyFund.PROCESS_KEY)
            .latestVersion()
            .singleResult()
            .getId();
    identityService.setAuthentication("coordinator", List.of("coordinators"));
    try {
      return formService.submitStartForm(definition, application);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void execute(ProcessInstance pi, String timer) {
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId(timer)
            .singleResult()
            .getId());
  }

  private void work(ProcessInstance pi, String key, String user, VariableMap variables) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(key)
            .singleResult();
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), user);
    }
    taskService.complete(task.getId(), variables);
  }
}
