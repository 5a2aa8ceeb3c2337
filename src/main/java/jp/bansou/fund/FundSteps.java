package jp.bansou.fund;

import static jp.bansou.fund.EmergencyFund.*;

import java.time.YearMonth;
import java.util.concurrent.Callable;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Trial;
import jp.bansou.person.CaseVisibility;
import jp.bansou.person.IdentifierCheck;
import jp.bansou.person.PersonRecords;
import jp.bansou.person.PersonRecords.Sight;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * The steps of an emergency aid application (process {@code emergency-fund}): a coordinator applies
 * for the person of an open case; the amount comes from DMN {@code emergency-aid-amount}; the
 * review team decides at its weekly review (approve, reduce, refuse with a reason), or, for a case
 * whose triage says 緊急, a coordinator and a second person who did not apply decide at once.
 * Approvals are committed in the ledger and paid with a reference.
 */
@ModelApi
@Component("emergencyFund")
public class FundSteps {

  static final String WEEKLY = "weekly";

  private final FundApplications applications;
  private final FundLedger ledger;
  private final CaseSummaries cases;
  private final CaseVisibility visibility;
  private final PersonRecords records;
  private final IdentifierCheck identifiers;
  private final RuntimeService runtimeService;
  private final ReferenceData reference;
  private final EngineClock clock;
  private final Texts texts;

  public FundSteps(
      FundApplications applications,
      FundLedger ledger,
      CaseSummaries cases,
      CaseVisibility visibility,
      PersonRecords records,
      IdentifierCheck identifiers,
      RuntimeService runtimeService,
      ReferenceData reference,
      EngineClock clock,
      Texts texts) {
    this.applications = applications;
    this.ledger = ledger;
    this.cases = cases;
    this.visibility = visibility;
    this.records = records;
    this.identifiers = identifiers;
    this.runtimeService = runtimeService;
    this.reference = reference;
    this.clock = clock;
    this.texts = texts;
  }

  /**
   * The application: by a coordinator who sees the case (its region's, or a restricted case's own),
   * for an open case, one at a time, with a note that names nobody.
   */
  public void register(DelegateExecution execution) {
    String caseNumber = AID_CASE_NUMBER.get(execution);
    String applicant = APPLICANT.orElse(execution, null);
    // the same answer whether the case is not there, is closed or is not the applicant's: it
    // tells nobody which case numbers exist, and nothing below (a pending application, a note
    // that names the person) is told about a case the applicant does not see
    CaseSummary found =
        cases
            .find(caseNumber)
            .filter(c -> c.closedAt() == null)
            .filter(c -> applicant != null && records.sightOf(applicant, caseNumber) == Sight.ALL)
            .orElseThrow(() -> new Refusal(texts.get("fund.refused.notThisCase", caseNumber)));
    if (pending(caseNumber) > 0) {
      throw new Refusal(texts.get("fund.refused.pending", caseNumber));
    }
    identifiers.refuseIfIdentifying(
        caseNumber, "fund.refused.identifiers", AID_PURPOSE_NOTE.orElse(execution, ""));
    String region = reference.regionOf(found.prefecture());
    if (region == null) {
      throw new Refusal(texts.get("fund.refused.noRegion", caseNumber));
    }
    String urgency = found.urgency() == null ? "" : found.urgency();
    long id =
        applications.applied(
            region,
            HOUSEHOLD_SIZE.get(execution),
            AID_PURPOSE.get(execution),
            EMERGENCY.equals(urgency) ? EMERGENCY : WEEKLY);
    APPLICATION_NUMBER.set(execution, EmergencyFund.number(id));
    execution.setProcessBusinessKey(EmergencyFund.number(id));
    CASE_URGENCY.set(execution, urgency);
    REGION.set(execution, region);
    AID_CASE_LABEL.set(
        execution,
        visibility.isRestricted(caseNumber) ? texts.get("case.restrictedLabel") : caseNumber);
  }

  /** When a decision task opens: the application and this month's budget of its region. */
  public void showSummary(DelegateTask task) {
    String month = month();
    String region = REGION.get(task);
    FundLedger.Row row =
        ledger.find(month, region).orElse(new FundLedger.Row(month, region, 0, 0, 0));
    AID_SUMMARY.set(
        task.getExecution(),
        texts.get(
            "fund.summary",
            APPLICATION_NUMBER.get(task),
            AID_CASE_LABEL.get(task),
            HOUSEHOLD_SIZE.get(task),
            reference.name(ReferenceList.AID_PURPOSES, AID_PURPOSE.get(task)),
            PROPOSED_YEN.get(task),
            reference.name(ReferenceList.REGIONS, region),
            month,
            row.budgetYen(),
            row.committedYen(),
            row.paidYen(),
            row.remainingYen()));
  }

  /** The coordinator's emergency decision: who made it, and the amount of the table. */
  public void emergencyDecided(DelegateTask task) {
    EMERGENCY_DECIDED_BY.set(task.getExecution(), task.getAssignee());
    APPROVED_YEN.set(task.getExecution(), PROPOSED_YEN.get(task));
  }

  /** The second approval of an emergency payment: never by who applied or who decided. */
  public void checkSecondApprover(DelegateTask task) {
    String approver = task.getAssignee();
    if (approver == null
        || approver.equals(APPLICANT.orElse(task, null))
        || approver.equals(EMERGENCY_DECIDED_BY.orElse(task, null))) {
      throw new Refusal(texts.get("fund.refused.sameApprover"));
    }
    SECOND_APPROVER.set(task.getExecution(), approver);
  }

  /** The weekly review's decision: a reduction is less than the table's amount; a reason given. */
  public void checkReview(DelegateTask task) {
    String decision = AID_DECISION.get(task);
    String reason = DECISION_REASON.orElse(task, null);
    if (!APPROVE.equals(decision) && reason == null) {
      throw new Refusal(texts.get("fund.refused.noReason"));
    }
    identifiers.refuseIfIdentifying(
        AID_CASE_NUMBER.get(task), "fund.refused.identifiers", reason == null ? "" : reason);
    long proposed = PROPOSED_YEN.get(task);
    switch (decision) {
      case APPROVE -> APPROVED_YEN.set(task.getExecution(), proposed);
      case REDUCE -> {
        long reduced = REDUCED_YEN.orElse(task, 0L);
        if (reduced <= 0 || reduced >= proposed) {
          throw new Refusal(texts.get("fund.refused.reduction", proposed));
        }
        APPROVED_YEN.set(task.getExecution(), reduced);
      }
      default -> APPROVED_YEN.set(task.getExecution(), null);
    }
  }

  /** An approval: committed in this month's ledger of the case's region. */
  public void commit(DelegateExecution execution) {
    String month = month();
    long approved = APPROVED_YEN.get(execution);
    // a trial application (jp.bansou.engine.Trial) commits no real money
    if (!Trial.of(execution)) {
      ledger.commit(month, REGION.get(execution), approved);
    }
    LEDGER_MONTH.set(execution, month);
    applications.decided(
        id(execution),
        AID_DECISION.orElse(execution, EMERGENCY),
        PROPOSED_YEN.get(execution),
        approved,
        month);
  }

  /** The payment, with its reference: from committed to paid, in the month of the approval. */
  public void recordPayment(DelegateExecution execution) {
    String reference = PAYMENT_REFERENCE.get(execution);
    identifiers.refuseIfIdentifying(
        AID_CASE_NUMBER.get(execution), "fund.refused.identifiers", reference);
    long approved = APPROVED_YEN.get(execution);
    if (!Trial.of(execution)) {
      ledger.pay(LEDGER_MONTH.get(execution), REGION.get(execution), approved, approved);
    }
    applications.paid(id(execution), approved, PAID_ON.orElse(execution, clock.today()), reference);
  }

  /** A refusal: nothing is committed. */
  public void recordRefusal(DelegateExecution execution) {
    applications.decided(id(execution), REFUSE, PROPOSED_YEN.get(execution), null, null);
  }

  private long pending(String caseNumber) {
    Callable<Long> count =
        () ->
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(AID_CASE_NUMBER.name(), caseNumber)
                .count();
    try {
      // other coordinators' applications count too, whoever may read them
      return Context.getCommandContext() == null
          ? count.call()
          : Context.getCommandContext().runWithoutAuthorization(count);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String month() {
    return YearMonth.now(clock).toString();
  }

  private static long id(VariableScope scope) {
    return EmergencyFund.id(APPLICATION_NUMBER.get(scope));
  }
}
