package jp.bansou.accompaniment;

/**
 * The variables of process {@code office-accompaniment}. It receives the case number and categories
 * from the case (see the call activity in {@code accompaniment-case}), never the person's
 * identifiers.
 */
public final class AccompanimentVariables {

  public static final String PROCESS_KEY = "office-accompaniment";

  // from the case
  public static final String CASE_NUMBER = "caseNumber";
  public static final String COMPANION_ID = "companionId";
  public static final String PREFECTURE = "prefecture";
  public static final String LANGUAGES = "languages";
  public static final String INTERPRETER_NEEDED = "interpreterNeeded";

  // the visit
  public static final String OFFICE_TYPE = "officeType";
  public static final String VISIT_PURPOSE = "visitPurpose";
  public static final String VISIT_DATE = "visitDate";
  public static final String VISIT_TIME = "visitTime";
  public static final String REQUIRED_CHECKS = "requiredChecks";
  public static final String RISK_DECISION = "riskDecision";
  public static final String ADDRESS_PROTECTION = "addressProtection";

  // interpretation
  public static final String INTERPRETER_CANDIDATES = "interpreterCandidates";
  public static final String INTERPRETER_CANDIDATE_COUNT = "interpreterCandidateCount";
  public static final String INTERPRETATION_MODE = "interpretationMode";
  public static final String INTERPRETATION_SUMMARY = "interpretationSummary";
  public static final String INTERPRETATION_ANSWER = "interpretationAnswer";
  public static final String DECLINED_INTERPRETERS = "declinedInterpreters";
  public static final String INTERPRETER_ID = "interpreterId";

  // outcome and fees
  public static final String VISIT_RESULT = "visitResult";
  public static final String HOURS_SPENT = "hoursSpent";
  public static final String INTERPRETER_HOURS = "interpreterHours";
  public static final String COMPANION_FEE_YEN = "companionFeeYen";
  public static final String INTERPRETER_FEE_YEN = "interpreterFeeYen";
  public static final String FEE_DECISION = "feeDecision";
  public static final String FEE_DECIDED_BY = "feeDecidedBy";
  public static final String FOLLOW_UP_NEEDED = "followUpNeeded";

  private AccompanimentVariables() {}
}
