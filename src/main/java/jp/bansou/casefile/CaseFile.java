package jp.bansou.casefile;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import jp.bansou.engine.Var;
import jp.bansou.person.PersonFields;

/**
 * The variables of process {@code accompaniment-case} that only the case itself uses; the facts it
 * shares with other processes are in {@link jp.bansou.facts.CaseFacts}. The person's identifiers
 * (name, contact, birth date, where they live, free text about them) arrive with the intake form
 * and are sealed in the identity vault before anything is stored: they never stay a variable.
 */
public final class CaseFile {

  public static final String PROCESS_KEY = "accompaniment-case";

  // the person: read at intake only, then sealed in the identity vault (jp.bansou.person)
  public static final Var<String> PERSON_NAME = Var.text(PersonFields.NAME);
  public static final Var<String> PHONE = Var.text(PersonFields.PHONE);

  /** Ticked at intake for a DV case or the like: only its companion and one coordinator see it. */
  public static final Var<Boolean> RESTRICT_CASE = Var.flag("restrictCase");

  // categories: may appear in statistics
  public static final Var<String> NATIONALITY = Var.text("nationality");
  public static final Var<String> REFERRED_BY = Var.text("referredBy");
  public static final Var<String> CASE_OVERVIEW = Var.text("caseOverview");

  // urgency signals: the inputs of DMN case-triage
  public static final Var<Boolean> NO_FOOD_OR_MONEY = Var.flag("noFoodOrMoney");
  public static final Var<Boolean> NO_HOUSING = Var.flag("noHousing");
  public static final Var<Boolean> VIOLENCE = Var.flag("violence");
  public static final Var<Boolean> DETENTION_RISK = Var.flag("detentionRisk");
  public static final Var<Boolean> HEALTH_EMERGENCY = Var.flag("healthEmergency");
  public static final Var<Boolean> SUICIDE_RISK = Var.flag("suicideRisk");
  public static final Var<Boolean> CHILD_ABUSE = Var.flag("childAbuse");
  public static final Var<Boolean> PREGNANT_WITHOUT_INSURANCE =
      Var.flag("pregnantWithoutInsurance");
  public static final Var<Boolean> INTERN_FLED = Var.flag("internFled");
  public static final Var<Boolean> LEGAL_DEADLINE_SOON = Var.flag("legalDeadlineSoon");
  public static final Var<Long> LEGAL_DEADLINE_DAYS = Var.number("legalDeadlineDays");
  public static final Var<Long> REFUGEE_APPLICATION_COUNT = Var.number("refugeeApplicationCount");

  /** Days counted from the intake's day, for DMN case-triage (the legal periods are in it). */
  public static final Var<Long> REFUGEE_REFUSAL_DAYS = Var.number("refugeeRefusalDays");

  public static final Var<Long> VISA_EXPIRY_DAYS = Var.number("visaExpiryDays");

  public static final List<Var<Boolean>> URGENCY_SIGNALS =
      List.of(
          NO_FOOD_OR_MONEY,
          NO_HOUSING,
          VIOLENCE,
          DETENTION_RISK,
          HEALTH_EMERGENCY,
          SUICIDE_RISK,
          CHILD_ABUSE,
          PREGNANT_WITHOUT_INSURANCE,
          INTERN_FLED);

  // dates the intake learns, handed to the case's deadline watch (jp.bansou.deadlines)
  public static final Var<LocalDate> VISA_EXPIRY = Var.date("visaExpiry");
  public static final Var<LocalDate> NEXT_REPORTING_DATE = Var.date("nextReportingDate");
  public static final Var<LocalDate> SEPARATED_SINCE = Var.date("separatedSince");
  public static final Var<LocalDate> REFUGEE_REFUSAL_NOTIFIED_ON =
      Var.date("refugeeRefusalNotifiedOn");
  public static final Var<LocalDate> PROTECTION_ORDER_ISSUED_ON =
      Var.date("protectionOrderIssuedOn");
  public static final Var<LocalDate> INTERN_LEFT_ON = Var.date("internLeftOn");

  // consent
  public static final Var<Boolean> CONSENT_CASE_WORK = Var.flag("consentCaseWork");
  public static final Var<Boolean> CONSENT_STATISTICS = Var.flag("consentStatistics");

  // duplicate check
  public static final Var<Long> POSSIBLE_DUPLICATE_COUNT = Var.number("possibleDuplicateCount");
  public static final Var<String> POSSIBLE_DUPLICATE_SUMMARY = Var.text("possibleDuplicateSummary");
  public static final Var<List<String>> POSSIBLE_DUPLICATE_NUMBERS =
      Var.list("possibleDuplicateNumbers");
  public static final Var<String> DUPLICATE_DECISION = Var.text("duplicateDecision");

  /** The duplicate review's answer that ends the new case as a duplicate. */
  public static final String CLOSE_AS_DUPLICATE = "closeAsDuplicate";

  // triage
  public static final Var<String> TRIAGE_DEADLINE = Var.text("triageDeadline");
  public static final Var<Date> TRIAGE_DUE_AT = Var.time("triageDueAt");
  public static final Var<String> PROPOSED_URGENCY = Var.text("proposedUrgency");
  public static final Var<List<String>> PROPOSED_TRACKS = Var.list("proposedTracks");
  public static final Var<List<String>> TRACKS = Var.list("tracks");
  public static final Var<List<String>> TRACK_LIST = Var.collection("trackList");
  public static final Var<String> TRIAGE_SUMMARY = Var.text("triageSummary");
  public static final Var<Boolean> TRIAGE_OVERRIDDEN = Var.flag("triageOverridden");

  /** What the coordinator must know at once (reference/triage-flags.csv), from DMN case-triage. */
  public static final Var<List<String>> TRIAGE_FLAGS = Var.list("triageFlags");

  /** The rows DMN case-triage collected, until they are summarised. */
  public static final String TRIAGE_FINDINGS = "triageFindings";

  // matching
  public static final Var<List<jp.bansou.engine.Option>> COMPANION_OPTIONS =
      Var.options("companionOptions");
  public static final Var<Long> CANDIDATE_COUNT = Var.number("candidateCount");
  public static final Var<String> CANDIDATE_SUMMARY = Var.text("candidateSummary");
  public static final Var<List<String>> DECLINED_COMPANIONS = Var.list("declinedCompanions");
  public static final Var<Boolean> CLEAR_DECLINES = Var.flag("clearDeclines");
  public static final Var<String> OFFER_ANSWER = Var.text("offerAnswer");

  private CaseFile() {}
}
