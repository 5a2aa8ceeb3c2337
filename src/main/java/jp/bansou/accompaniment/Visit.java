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

  // the visit
  public static final Var<String> VISIT_TIME = Var.text("visitTime");
  public static final Var<String> VISIT_RESULT = Var.text("visitResult");

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
