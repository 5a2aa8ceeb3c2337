package jp.bansou.intake;

/**
 * The variables of process {@code accompaniment-case}, in one place. The person's identifiers
 * (name, contact, birth date) live only in this process: never in a called process, a policy
 * record, a log line or an e-mail.
 */
public final class CaseVariables {

  public static final String PROCESS_KEY = "accompaniment-case";

  // the person: identifiers, kept in this process only
  public static final String PERSON_NAME = "personName";
  public static final String PHONE = "phone";
  public static final String EMAIL = "email";
  public static final String BIRTH_DATE = "birthDate";
  public static final String CONTACT_NOTE = "contactNote";
  public static final String PROBLEM_DESCRIPTION = "problemDescription";
  public static final String MUNICIPALITY = "municipality";

  // derived matching keys, also identifying: same rule as above
  public static final String NAME_KEY = "nameKey";
  public static final String PHONE_DIGITS = "phoneDigits";

  // categories: may appear in statistics
  public static final String CASE_NUMBER = "caseNumber";
  public static final String PREFECTURE = "prefecture";
  public static final String NATIONALITY = "nationality";
  public static final String RESIDENCE_STATUS = "residenceStatus";
  public static final String STATUS_CATEGORY = "statusCategory";
  public static final String LANGUAGES = "languages";
  public static final String INTERPRETER_NEEDED = "interpreterNeeded";
  public static final String PROBLEM_FIELDS = "problemFields";
  public static final String REFERRED_BY = "referredBy";
  public static final String CASE_OVERVIEW = "caseOverview";

  // urgency signals
  public static final String NO_FOOD_OR_MONEY = "noFoodOrMoney";
  public static final String NO_HOUSING = "noHousing";
  public static final String VIOLENCE = "violence";
  public static final String DETENTION_RISK = "detentionRisk";
  public static final String HEALTH_EMERGENCY = "healthEmergency";
  public static final String LEGAL_DEADLINE_SOON = "legalDeadlineSoon";
  public static final String LEGAL_DEADLINE_DATE = "legalDeadlineDate";
  public static final String LEGAL_DEADLINE_DAYS = "legalDeadlineDays";

  // consent
  public static final String CONSENT_CASE_WORK = "consentCaseWork";
  public static final String CONSENT_SHARING = "consentSharing";
  public static final String CONSENT_STATISTICS = "consentStatistics";
  public static final String CONSENT_LANGUAGE = "consentLanguage";

  // duplicate check
  public static final String POSSIBLE_DUPLICATE_COUNT = "possibleDuplicateCount";
  public static final String POSSIBLE_DUPLICATE_SUMMARY = "possibleDuplicateSummary";
  public static final String POSSIBLE_DUPLICATE_NUMBERS = "possibleDuplicateNumbers";
  public static final String DUPLICATE_DECISION = "duplicateDecision";
  public static final String LINKED_CASE_NUMBER = "linkedCaseNumber";

  // triage
  public static final String TRIAGE_FINDINGS = "triageFindings";
  public static final String URGENCY = "urgency";
  public static final String URGENCY_LABEL = "urgencyLabel";
  public static final String TRIAGE_DEADLINE = "triageDeadline";
  public static final String PROPOSED_URGENCY = "proposedUrgency";
  public static final String PROPOSED_TRACKS = "proposedTracks";
  public static final String TRACKS = "tracks";
  public static final String TRACK_LIST = "trackList";
  public static final String TRIAGE_SUMMARY = "triageSummary";
  public static final String TRIAGE_OVERRIDDEN = "triageOverridden";
  public static final String TRIAGE_DUE_AT = "triageDueAt";

  // matching
  public static final String COMPANION_ID = "companionId";
  public static final String COMPANION_OPTIONS = "companionOptions";
  public static final String CANDIDATE_COUNT = "candidateCount";
  public static final String CANDIDATE_SUMMARY = "candidateSummary";
  public static final String DECLINED_COMPANIONS = "declinedCompanions";
  public static final String CLEAR_DECLINES = "clearDeclines";
  public static final String OFFER_ANSWER = "offerAnswer";
  public static final String DECLINE_REASON = "declineReason";

  // support phase and closure
  public static final String NEXT_STEP = "nextStep";
  public static final String ADDITIONAL_TRACK = "additionalTrack";
  public static final String CLOSURE_DECISION = "closureDecision";
  public static final String OUTCOME = "outcome";
  public static final String SYSTEMIC_PROBLEM = "systemicProblem";
  public static final String ADVOCACY_FIELD = "advocacyField";
  public static final String POLICY_DESCRIPTION = "policyDescription";

  private CaseVariables() {}
}
