package jp.bansou.legal;

/** The variables of process {@code lawyer-escalation}. */
public final class LegalVariables {

  public static final String PROCESS_KEY = "lawyer-escalation";

  public static final String LAWYER_CANDIDATES = "lawyerCandidates";
  public static final String LAWYER_CANDIDATE_COUNT = "lawyerCandidateCount";
  public static final String LAWYER_ANSWER = "lawyerAnswer";
  public static final String LAWYER_ID = "lawyerId";
  public static final String DECLINED_LAWYERS = "declinedLawyers";
  public static final String CONFLICT_CHECKED = "conflictOfInterestChecked";
  public static final String LEGAL_AID_ROUTE = "legalAidRoute";
  public static final String LEGAL_DEADLINE_DATE = "legalDeadlineDate";
  public static final String LEGAL_OUTCOME = "legalOutcome";

  private LegalVariables() {}
}
