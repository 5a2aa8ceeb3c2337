package jp.bansou.casefile;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Var;
import jp.bansou.person.PersonIntake;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers a new case: checks consent, gives the case its number (also its business key), seals
 * the person's identifiers in the vault and takes them out of the process, and derives the facts
 * that triage reads. It runs in the intake's own transaction: nothing identifying is ever written
 * to the engine's tables.
 */
@Component("registerCase")
public class RegisterCaseDelegate implements JavaDelegate {

  private final CaseNumbers caseNumbers;
  private final ReferenceData reference;
  private final CaseSummaryRecorder summaries;
  private final PersonIntake person;
  private final EngineClock clock;
  private final Texts texts;

  public RegisterCaseDelegate(
      CaseNumbers caseNumbers,
      ReferenceData reference,
      CaseSummaryRecorder summaries,
      PersonIntake person,
      EngineClock clock,
      Texts texts) {
    this.caseNumbers = caseNumbers;
    this.reference = reference;
    this.summaries = summaries;
    this.person = person;
    this.clock = clock;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!CONSENT_CASE_WORK.isTrue(execution)) {
      throw new Refusal(texts.get("intake.refused.noConsent"));
    }
    if (PERSON_NAME.find(execution).isEmpty()) {
      throw new Refusal(texts.get("intake.refused.noName"));
    }
    LocalDate today = clock.today();
    String caseNumber = caseNumbers.next(today.getYear());
    CASE_NUMBER.set(execution, caseNumber);
    execution.setProcessBusinessKey(caseNumber);

    person.takeIn(
        execution,
        caseNumber,
        PREFECTURE.orElse(execution, null),
        RESTRICT_CASE.isTrue(execution),
        CONSENT_SHARING.isTrue(execution));

    String status = RESIDENCE_STATUS.orElse(execution, "");
    STATUS_CATEGORY.set(execution, reference.statusCategory(status));
    // lists as JSON, flags as booleans, whatever shape the form or a script sent
    PROBLEM_FIELDS.set(execution, PROBLEM_FIELDS.orElse(execution, List.of()));
    LANGUAGES.set(execution, LANGUAGES.orElse(execution, List.of()));
    for (Var<Boolean> signal : URGENCY_SIGNALS) {
      signal.set(execution, signal.isTrue(execution));
    }
    INTERPRETER_NEEDED.set(execution, INTERPRETER_NEEDED.isTrue(execution));
    RESTRICT_CASE.set(execution, RESTRICT_CASE.isTrue(execution));
    CASE_OVERVIEW.set(execution, overview(execution));

    LocalDate deadline =
        LEGAL_DEADLINE_SOON.isTrue(execution)
            ? LEGAL_DEADLINE_DATE.find(execution).orElse(null)
            : null;
    LEGAL_DEADLINE_DAYS.set(
        execution, deadline == null ? null : ChronoUnit.DAYS.between(today, deadline));
    LEGAL_DEADLINE_TYPE.set(execution, LEGAL_DEADLINE_TYPE.orElse(execution, null));
    // the triage table reads days; the legal periods (7 days, 30 days) are in the table
    REFUGEE_REFUSAL_DAYS.set(
        execution,
        REFUGEE_REFUSAL_NOTIFIED_ON
            .find(execution)
            .map(notified -> ChronoUnit.DAYS.between(notified, today))
            .orElse(null));
    VISA_EXPIRY_DAYS.set(
        execution,
        VISA_EXPIRY
            .find(execution)
            .map(expiry -> ChronoUnit.DAYS.between(today, expiry))
            .orElse(null));
    REFUGEE_APPLICATION_COUNT.set(execution, REFUGEE_APPLICATION_COUNT.orElse(execution, null));
    summaries.registered(execution);
  }

  /** What a companion reads before accepting: categories only, no identifiers, no place. */
  private String overview(DelegateExecution execution) {
    return texts.get(
        "case.overview",
        reference.name(ReferenceList.PREFECTURES, PREFECTURE.orElse(execution, "")),
        reference.name(ReferenceList.RESIDENCE_STATUSES, RESIDENCE_STATUS.orElse(execution, "")),
        names(ReferenceList.LANGUAGES, LANGUAGES.orElse(execution, List.of()))
            + (INTERPRETER_NEEDED.isTrue(execution) ? texts.get("case.overview.interpreter") : ""),
        names(ReferenceList.PROBLEM_FIELDS, PROBLEM_FIELDS.orElse(execution, List.of())));
  }

  private String names(ReferenceList list, List<String> codes) {
    return codes.isEmpty() ? texts.get("case.overview.none") : reference.names(list, codes);
  }
}
