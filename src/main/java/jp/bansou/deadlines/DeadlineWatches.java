package jp.bansou.deadlines;

import static jp.bansou.deadlines.DeadlineWatch.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.Trial;
import jp.bansou.facts.CaseFacts;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The case's one deadline watch, as the models reach it: started by the case, fed by any process of
 * the case, told who accompanies the case, ended with the case. A deadline handed over before the
 * watch runs (a track started on its own) starts the watch.
 */
@ModelApi
@Component("deadlineWatches")
public class DeadlineWatches {

  static final LocalTime DUE_TIME = LocalTime.of(17, 0);

  private final RuntimeService runtimeService;
  private final DecisionService decisionService;
  private final RepositoryService repositoryService;

  public DeadlineWatches(
      RuntimeService runtimeService,
      DecisionService decisionService,
      RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.decisionService = decisionService;
  }

  /** Starts the case's watch, unless it runs already; returns its process instance id. */
  public String start(String caseNumber) {
    return start(caseNumber, null);
  }

  /** The same for a case of this tenant: a trial case's watch is a trial one ({@link Trial}). */
  public String start(String caseNumber, String caseTenant) {
    return find(caseNumber)
        .map(ProcessInstance::getId)
        .orElseGet(
            () -> {
              VariableMap variables = Variables.createVariables();
              CaseFacts.CASE_NUMBER.put(variables, caseNumber);
              return Trial.start(
                      runtimeService,
                      repositoryService,
                      PROCESS_KEY,
                      caseTenant,
                      caseNumber,
                      variables)
                  .getId();
            });
  }

  /**
   * Hands a deadline to the case's watch: its type (reference/deadline-types.csv), the date given
   * (the deadline, or the day it counts from) and a note. A newer deadline of a type that replaces
   * (DMN deadline-types) ends the watch of the earlier one. Nothing happens without a date.
   */
  public void enter(String caseNumber, String type, LocalDate given, String note) {
    enter(caseNumber, null, type, given, note);
  }

  /** The same for a case of this tenant ({@link Trial}). */
  public void enter(
      String caseNumber, String caseTenant, String type, LocalDate given, String note) {
    if (given != null && type != null) {
      enterInto(start(caseNumber, caseTenant), type, given, note);
    }
  }

  /**
   * Hands a deadline to a watch known by its id. The message goes straight to the watch's
   * execution, so that a watch started in the same transaction (at intake) receives it too.
   */
  public void enterInto(String watch, String type, LocalDate given, String note) {
    if (given == null || type == null) {
      return;
    }
    if (replaces(type)) {
      runtimeService
          .createMessageCorrelation(REPLACED_MESSAGE)
          .processInstanceId(watch)
          .localVariableEquals(DEADLINE_TYPE.name(), type)
          .correlateAllWithResult();
    }
    VariableMap payload = Variables.createVariables();
    ENTERED_TYPE.put(payload, type);
    ENTERED_GIVEN.put(payload, given);
    ENTERED_NOTE.put(payload, note);
    runtimeService.messageEventReceived(ENTERED_MESSAGE, watch, payload);
  }

  /**
   * Moves a newly entered deadline into its own sub-process (start listener), so that the next
   * deadline starts its own watch instead of changing this one; also declares the sub-process's
   * other variables there, so that what its steps write stays in it.
   */
  public void takeOver(DelegateExecution watch) {
    DelegateExecution instance = watch.getProcessInstance();
    DEADLINE_TYPE.setLocal(watch, ENTERED_TYPE.orElse(instance, null));
    DEADLINE_GIVEN.setLocal(watch, ENTERED_GIVEN.orElse(instance, null));
    DEADLINE_NOTE.setLocal(watch, ENTERED_NOTE.orElse(instance, null));
    ENTERED_TYPE.remove(instance);
    ENTERED_GIVEN.remove(instance);
    ENTERED_NOTE.remove(instance);
    watch.setVariableLocal(DEADLINE_RULE, null);
    for (var local :
        List.of(DEADLINE_DATE, DEADLINE_NAME, DEADLINE_ADVICE, ALERT_AT, ALERT_RECIPIENTS)) {
      watch.setVariableLocal(local.name(), null);
    }
    APPEALABLE.setLocal(watch, false);
    ALERT_LAWYER.setLocal(watch, false);
  }

  /** The companion accepted the case (the case's support phase starts): alerts go to them too. */
  public void companionAssigned(DelegateExecution caseExecution) {
    String caseNumber = CaseFacts.CASE_NUMBER.get(caseExecution);
    String companion = CaseFacts.COMPANION_ID.orElse(caseExecution, null);
    find(caseNumber)
        .ifPresent(
            watch ->
                runtimeService.setVariable(
                    watch.getId(), CaseFacts.COMPANION_ID.name(), companion));
  }

  /** The case ended (end listener of the case): its watch ends, with every deadline in it. */
  public void caseEnded(DelegateExecution caseExecution) {
    CaseFacts.CASE_NUMBER
        .find(caseExecution)
        .flatMap(this::find)
        .ifPresent(
            watch ->
                runtimeService
                    .createMessageCorrelation(CASE_ENDED_MESSAGE)
                    .processInstanceId(watch.getId())
                    .correlate());
  }

  /** A task due on a day (a form's date): at 17:00 that day, in Japan. */
  public Date dueOn(Object day) {
    return DEADLINE_DATE
        .read(day)
        .map(d -> Date.from(d.atTime(DUE_TIME).atZone(EngineClock.JAPAN).toInstant()))
        .orElse(null);
  }

  /** The running watch of a case. */
  public Optional<ProcessInstance> find(String caseNumber) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber)
        .active()
        .list()
        .stream()
        .findFirst();
  }

  private boolean replaces(String type) {
    Map<String, Object> row =
        Trial.table(decisionService, repositoryService, DECISION_KEY)
            .variables(Map.of(DEADLINE_TYPE.name(), type))
            .evaluate()
            .getFirstResult();
    return row != null && Boolean.TRUE.equals(row.get("replaces"));
  }
}
