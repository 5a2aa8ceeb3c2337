package jp.bansou.outreach;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.*;
import static jp.bansou.outreach.ConsultationEvent.*;

import java.util.List;
import jp.bansou.casefile.CaseFile;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.Trial;
import jp.bansou.engine.Var;
import jp.bansou.outreach.ConsultationEvents.Seen;
import jp.bansou.person.IdentityFields;
import jp.bansou.person.PersonFields;
import jp.bansou.reference.ReferenceData;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One person seen at a 相談会 (process {@code walk-in-consultation}). Who needs follow-up gets a case
 * of their own, started the way the intake form starts one: the case's first step seals their name,
 * phone and story in the identity vault, in this same transaction, so that neither this process nor
 * the case ever stores them. Everyone is counted for the event's report, by category when they
 * consented to statistics.
 */
@ModelApi
@Component("walkIns")
public class WalkInSteps {

  private static final Logger LOG = LoggerFactory.getLogger(WalkInSteps.class);

  /** The referral source of a case that came from a 相談会 (reference/referral-sources.csv). */
  static final String FROM_EVENT = "consultation-event";

  /** The table that decides from the languages spoken whether a case needs an interpreter. */
  static final String INTERPRETER_NEED = "interpreter-need";

  private final ConsultationEvents events;
  private final IdentityFields identityFields;
  private final RuntimeService runtimeService;
  private final ReferenceData reference;

  public WalkInSteps(
      ConsultationEvents events,
      IdentityFields identityFields,
      RuntimeService runtimeService,
      ReferenceData reference) {
    this.events = events;
    this.identityFields = identityFields;
    this.runtimeService = runtimeService;
    this.reference = reference;
  }

  /** Opens a case for follow-up, linked to the event; the person goes into the vault. */
  public void openCase(DelegateExecution execution) {
    VariableMap intake = Variables.createVariables();
    for (String field : PersonFields.ALWAYS) {
      Object value = execution.getVariable(field);
      if (value != null) {
        intake.putValue(field, value);
      }
    }
    List<String> languages = LANGUAGES.orElse(execution, List.of());
    LANGUAGES.put(intake, languages);
    INTERPRETER_NEEDED.put(intake, interpreterNeeded(execution, languages));
    NATIONALITY.put(intake, NATIONALITY.orElse(execution, null));
    PREFECTURE.put(intake, PREFECTURE.orElse(execution, null));
    RESIDENCE_STATUS.put(intake, RESIDENCE_STATUS.orElse(execution, null));
    PROBLEM_FIELDS.put(intake, PROBLEM_FIELDS.orElse(execution, List.of()));
    List<String> needs = URGENT_NEEDS.orElse(execution, List.of());
    for (Var<Boolean> signal : CaseFile.URGENCY_SIGNALS) {
      signal.put(intake, needs.contains(signal.name()));
    }
    LEGAL_DEADLINE_SOON.put(intake, false);
    REFERRED_BY.put(intake, FROM_EVENT);
    CONSENT_CASE_WORK.put(intake, CONSENT_CASE_WORK.isTrue(execution));
    CONSENT_STATISTICS.put(intake, CONSENT_STATISTICS.isTrue(execution));
    CONSENT_SHARING.put(intake, false);
    intake.putValue("consentLanguage", languages.isEmpty() ? "ja" : languages.get(0));
    EVENT_NUMBER.put(intake, EVENT_NUMBER.get(execution));
    forgetPerson(execution);

    // the case's own first step refuses it without consent or a name, and seals the person
    ProcessInstance opened =
        Trial.start(
            runtimeService,
            execution.getProcessEngineServices().getRepositoryService(),
            CaseFile.PROCESS_KEY,
            Trial.tenant(execution),
            null,
            intake);
    String caseNumber = opened.getBusinessKey();
    OPENED_CASE_NUMBER.set(execution, caseNumber);
    count(execution, caseNumber);
  }

  /**
   * Whether the case needs an interpreter: {@code processes/interpreter-need.dmn} decides from the
   * languages alone. It is evaluated here rather than as a step of the model because no step may
   * run while the person's name is still a variable of the walk-in ({@code IdentityFirst}), and the
   * table is given the languages only.
   */
  private boolean interpreterNeeded(DelegateExecution execution, List<String> languages) {
    Object needed;
    try {
      needed =
          Trial.table(
                  execution.getProcessEngineServices().getDecisionService(),
                  execution.getProcessEngineServices().getRepositoryService(),
                  INTERPRETER_NEED)
              .variables(Variables.createVariables().putValue(LANGUAGES.name(), languages))
              .evaluate()
              .getSingleEntry();
    } catch (ProcessEngineException | DmnEngineException broken) {
      // a table changed so that it gives no single answer (or none at all): the person seen at the
      // event is not turned away for it; the case says an interpreter is needed until the
      // coordinator looks
      LOG.warn(
          "Table {} could not decide for a walk-in ({}); the case is marked as needing an"
              + " interpreter",
          INTERPRETER_NEED,
          broken.getClass().getSimpleName());
      return true;
    }
    return !Boolean.FALSE.equals(needed);
  }

  /** A consultation that ends on the day: counted, nothing else kept. */
  public void recordOnce(DelegateExecution execution) {
    forgetPerson(execution);
    count(execution, null);
  }

  private void count(DelegateExecution execution, String caseNumber) {
    events.seen(
        ConsultationEvent.id(EVENT_NUMBER.get(execution)),
        new Seen(
            CONSENT_STATISTICS.isTrue(execution),
            LANGUAGES.orElse(execution, List.of()),
            NATIONALITY.orElse(execution, null),
            reference.statusCategory(RESIDENCE_STATUS.orElse(execution, "unknown")),
            PROBLEM_FIELDS.orElse(execution, List.of()),
            caseNumber));
  }

  /** Whatever identifies the person leaves this process before anything is written. */
  private void forgetPerson(DelegateExecution execution) {
    for (String field : identityFields.names()) {
      execution.removeVariable(field);
    }
  }
}
