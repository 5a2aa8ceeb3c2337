package jp.bansou.accompaniment;

import java.math.BigDecimal;
import java.util.List;
import jp.bansou.engine.Var;

/**
 * The variables of process {@code office-accompaniment}: one visit at a time. It receives the case
 * number and categories from the case ({@link jp.bansou.facts.CaseFacts}), never the person's
 * identifiers.
 */
public final class Visit {

  public static final String PROCESS_KEY = "office-accompaniment";

  // the plan
  public static final Var<String> OFFICE_TYPE = Var.text("officeType");
  public static final Var<String> OFFICE_PREFECTURE = Var.text("officePrefecture");
  public static final Var<String> VISIT_PURPOSE = Var.text("visitPurpose");

  // what DMN visit-eligibility found for the purpose and the person's status, and the companion's
  // confirmation that they read it with the person
  public static final String ELIGIBILITY_FINDING = "eligibilityFinding";
  public static final Var<String> ELIGIBILITY_SUMMARY = Var.text("eligibilitySummary");
  public static final Var<Boolean> ELIGIBILITY_CONFIRMED = Var.flag("eligibilityConfirmed");
  public static final Var<String> ELIGIBILITY_SHOWN_FOR = Var.text("eligibilityShownFor");
  public static final Var<Boolean> ELIGIBILITY_TO_CONFIRM = Var.flag("eligibilityToConfirm");

  /** The deadline type a successful application hands to the watch (e.g. the welfare decision). */
  public static final Var<String> DECISION_WATCH = Var.text("decisionWatch");

  // the checks before the visit (DMN visit-risk-check) and what they mean, for the assessment
  public static final Var<List<String>> REQUIRED_CHECKS = Var.list("requiredChecks");
  public static final Var<String> VISIT_CHECK_SUMMARY = Var.text("visitCheckSummary");

  // the visit
  public static final Var<String> VISIT_TIME = Var.text("visitTime");
  public static final Var<String> VISIT_RESULT = Var.text("visitResult");

  /** What the visit met at the counter (reference/visit-barriers.csv). */
  public static final Var<List<String>> BARRIERS = Var.list("barriers");

  /** The case's visits so far, in categories, shown on the case's own tasks. */
  public static final Var<String> VISIT_RECORD = Var.text("visitRecord");

  // interpretation
  public static final Var<List<String>> INTERPRETER_CANDIDATES =
      Var.collection("interpreterCandidates");
  public static final Var<Long> INTERPRETER_CANDIDATE_COUNT =
      Var.number("interpreterCandidateCount");
  public static final Var<String> INTERPRETATION_MODE = Var.text("interpretationMode");
  public static final Var<String> INTERPRETATION_SUMMARY = Var.text("interpretationSummary");
  public static final Var<String> INTERPRETATION_ANSWER = Var.text("interpretationAnswer");
  public static final Var<List<String>> DECLINED_INTERPRETERS = Var.list("declinedInterpreters");
  public static final Var<String> INTERPRETER_ID = Var.text("interpreterId");

  // outcome and fees
  public static final Var<BigDecimal> HOURS_SPENT = Var.decimal("hoursSpent");
  public static final Var<BigDecimal> INTERPRETER_HOURS = Var.decimal("interpreterHours");
  public static final Var<Long> COMPANION_FEE_YEN = Var.number("companionFeeYen");
  public static final Var<Long> INTERPRETER_FEE_YEN = Var.number("interpreterFeeYen");

  /** Who claims what, by name, for the coordinator who approves (composed, escaped). */
  public static final Var<String> FEE_SUMMARY = Var.text("feeSummary");

  /** The visit's interpreter by name and how they interpret (composed, escaped). */
  public static final Var<String> INTERPRETER_SUMMARY = Var.text("interpreterSummary");

  public static final Var<String> FEE_DECIDED_BY = Var.text("feeDecidedBy");

  private Visit() {}
}
