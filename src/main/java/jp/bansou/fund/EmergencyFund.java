package jp.bansou.fund;

import java.time.LocalDate;
import jp.bansou.engine.Var;

/**
 * The variables of process {@code emergency-fund} (緊急支援金). The application carries the case's
 * number to check it and its urgency, never the person: the reviewers read the household size, the
 * purpose, the amount and the region. A restricted (DV) case is shown to them without its number.
 */
public final class EmergencyFund {

  public static final String PROCESS_KEY = "emergency-fund";

  // the application (start form)
  /**
   * The case the application is for (not named caseNumber: the fund is not a track of the case).
   */
  public static final Var<String> AID_CASE_NUMBER = Var.text("aidCaseNumber");

  public static final Var<Long> HOUSEHOLD_SIZE = Var.number("householdSize");
  public static final Var<String> AID_PURPOSE = Var.text("aidPurpose");
  public static final Var<String> AID_PURPOSE_NOTE = Var.text("aidPurposeNote");

  /** The coordinator who applied (the start event's initiator). */
  public static final Var<String> APPLICANT = Var.text("aidApplicant");

  // what the registration finds out
  /** {@code FA-0012}: the application's business key. */
  public static final Var<String> APPLICATION_NUMBER = Var.text("aidApplicationNumber");

  /** The case number, or a note that the case is restricted: what the reviewers see. */
  public static final Var<String> AID_CASE_LABEL = Var.text("aidCaseLabel");

  /** The case's urgency from its triage; {@code emergency} takes the emergency route. */
  public static final Var<String> CASE_URGENCY = Var.text("aidCaseUrgency");

  public static final Var<String> REGION = Var.text("aidRegion");

  /** What the reviewers read: household, purpose, amount, region and its budget this month. */
  public static final Var<String> AID_SUMMARY = Var.text("aidSummary");

  /** The amount of DMN emergency-aid-amount for the household. */
  public static final Var<Long> PROPOSED_YEN = Var.number("proposedAidYen");

  // decisions
  public static final Var<String> EMERGENCY_DECISION = Var.text("emergencyDecision");
  public static final Var<String> EMERGENCY_DECIDED_BY = Var.text("emergencyDecidedBy");
  public static final Var<String> SECOND_APPROVAL = Var.text("secondApproval");
  public static final Var<String> SECOND_APPROVER = Var.text("secondApprover");

  /** {@code approve}, {@code reduce} or {@code refuse}. */
  public static final Var<String> AID_DECISION = Var.text("aidDecision");

  public static final Var<Long> REDUCED_YEN = Var.number("reducedAidYen");
  public static final Var<String> DECISION_REASON = Var.text("aidDecisionReason");
  public static final Var<Long> APPROVED_YEN = Var.number("approvedAidYen");

  /** The ledger month the approval committed (its payment is booked in the same month). */
  public static final Var<String> LEDGER_MONTH = Var.text("aidLedgerMonth");

  // payment
  public static final Var<String> PAYMENT_REFERENCE = Var.text("paymentReference");
  public static final Var<LocalDate> PAID_ON = Var.date("paidOn");

  public static final String APPROVE = "approve";
  public static final String REDUCE = "reduce";
  public static final String REFUSE = "refuse";

  /** The urgency code (urgency-levels.dmn) that does not wait for the weekly review. */
  public static final String EMERGENCY = "emergency";

  private EmergencyFund() {}

  public static String number(long id) {
    return String.format("FA-%04d", id);
  }

  public static long id(String applicationNumber) {
    try {
      return Long.parseLong(applicationNumber.substring(applicationNumber.indexOf('-') + 1));
    } catch (RuntimeException notANumber) {
      return -1;
    }
  }
}
