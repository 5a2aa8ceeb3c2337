package jp.bansou.benchmark;

import java.util.List;
import java.util.Map;
import jp.bansou.FormJson;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One complete case, driven the way Tasklist drives it: find the task with a query, claim it,
 * complete it with the form's variables. Intake, triage, one office accompaniment with an
 * interpreter, closure with a policy flag, and the policy team's classification.
 */
final class Lifecycle {

  /** The user tasks one lifecycle completes; the baseline has as many. */
  static final List<String> TASKS =
      List.of(
          "reviewTriage",
          "confirmCompanion",
          "offerCase",
          "planVisit",
          "offerInterpretation",
          "scheduleVisit",
          "recordVisitOutcome",
          "approveFeeClaim",
          "proposeClosure",
          "approveClosure",
          "classifyPolicyIssue");

  private Lifecycle() {}

  static String run(ProcessEngine engine, String definitionId) {
    FormService forms = engine.getFormService();
    ProcessInstance pi =
        forms.submitStartForm(
            definitionId,
            Intake.person()
                .list("problemFields", "medical")
                .with("prefecture", "13")
                .list("languages", "vi")
                .variables());
    // the case number, given as the intake registers the case: Tasklist shows it on every task,
    // nobody looks it up again
    String caseKey =
        pi.getBusinessKey() != null
            ? pi.getBusinessKey()
            : businessKey(engine, pi.getProcessInstanceId());
    inCase(engine, caseKey, "reviewTriage", "coordinator", Map.of());
    inCase(engine, caseKey, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    inCase(engine, caseKey, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    inCase(
        engine,
        caseKey,
        "planVisit",
        "companion",
        Variables.putValue("officeType", "hospital")
            .putValue("officeName", "病院")
            .putValue("visitPurpose", "medical-care")
            .putValue("proposedDates", "来週")
            .putValueTyped("documentsToBring", FormJson.list(List.of("passport"))));
    inCase(
        engine,
        caseKey,
        "offerInterpretation",
        "interpreter",
        Map.of("interpretationAnswer", "accept"));
    inCase(
        engine,
        caseKey,
        "scheduleVisit",
        "companion",
        Map.of(
            "visitDate",
            java.time.LocalDate.now(jp.bansou.engine.EngineClock.JAPAN).toString(),
            "visitTime",
            "10:00",
            "meetingPlace",
            "駅"));
    inCase(
        engine,
        caseKey,
        "recordVisitOutcome",
        "companion",
        Map.of(
            "visitResult",
            "done",
            "visitOutcome",
            "受診できた",
            "hoursSpent",
            2.5,
            "interpreterHours",
            2.5,
            "followUpNeeded",
            false));
    inCase(engine, caseKey, "approveFeeClaim", "coordinator", Map.of("feeDecision", "approve"));
    inCase(
        engine,
        caseKey,
        "proposeClosure",
        "companion",
        Map.of(
            "nextStep",
            "close",
            "outcome",
            "resolved",
            "closureSummary",
            "済み",
            "systemicProblem",
            true,
            "advocacyField",
            "welfare",
            "policyDescription",
            "病院に通訳がいない"));
    inCase(engine, caseKey, "approveClosure", "coordinator", Map.of("closureDecision", "approve"));
    classifyOnePolicyIssue(engine);
    return pi.getProcessInstanceId();
  }

  /** The policy team takes the next unclaimed entry; another thread may have taken it first. */
  private static void classifyOnePolicyIssue(ProcessEngine engine) {
    for (int attempt = 0; attempt < 20; attempt++) {
      List<Task> open =
          engine
              .getTaskService()
              .createTaskQuery()
              .taskDefinitionKey("classifyPolicyIssue")
              .taskUnassigned()
              .listPage(0, 8);
      if (open.isEmpty()) {
        return;
      }
      Task task = open.get((int) (Math.random() * open.size()));
      try {
        claimAndComplete(
            engine,
            task,
            "policy",
            Map.of(
                "advocacyField",
                "welfare",
                "policyIssueId",
                "new",
                "newPolicyIssueTitle",
                "病院の通訳"));
        return;
      } catch (org.camunda.bpm.engine.ProcessEngineException taken) {
        // claimed by another thread in between: take another
      }
    }
  }

  /** As {@link #inCase}, for the case of that process instance. */
  static void work(
      ProcessEngine engine,
      String caseInstanceId,
      String key,
      String user,
      Map<String, Object> variables) {
    inCase(engine, businessKey(engine, caseInstanceId), key, user, variables);
  }

  /**
   * Tasklist's way: a task query (across the case and its tracks, by the case number), then
   * complete.
   */
  static void inCase(
      ProcessEngine engine,
      String caseNumber,
      String key,
      String user,
      Map<String, Object> variables) {
    TaskService tasks = engine.getTaskService();
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskDefinitionKey(key)
            .singleResult();
    claimAndComplete(engine, task, user, variables);
  }

  static void claimAndComplete(
      ProcessEngine engine, Task task, String user, Map<String, Object> variables) {
    IdentityService identity = engine.getIdentityService();
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), user);
    }
    engine.getTaskService().complete(task.getId(), variables);
    identity.clearAuthentication();
  }

  private static String businessKey(ProcessEngine engine, String processInstanceId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .singleResult()
        .getBusinessKey();
  }
}
