package jp.bansou.demo;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.StartupStep;
import jp.bansou.fund.EmergencyFund;
import jp.bansou.fund.FundLedger;
import jp.bansou.reference.CsvRows;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

  private final DemoWork demo;
  private final FundLedger ledger;
  private final CaseSummaries summaries;
  private final EngineClock clock;

  public DemoFund(DemoWork demo, FundLedger ledger, CaseSummaries summaries, EngineClock clock) {
    this.demo = demo;
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
        demo.work(
            pi,
            "decideEmergencyAid",
            "coordinator",
            Variables.putValue("emergencyDecision", "approve"));
        continue;
      }
      demo.fireTimer(pi, "weeklyReviewDue");
      if ("paid".equals(stage)) {
        demo.work(
            pi, "reviewAidApplication", "reviewer", Variables.putValue("aidDecision", "approve"));
        demo.fireTimer(pi, "paymentDay");
        demo.work(
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
    return demo.startAsCoordinator(EmergencyFund.PROCESS_KEY, application);
  }
}
