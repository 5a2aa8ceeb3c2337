package jp.bansou.casefile;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Moves a case the way Tasklist does, for tests that need a case at some stage. */
public final class CaseDriver {

  private CaseDriver() {}

  /** Submits the intake start form of the latest {@code accompaniment-case}. */
  public static ProcessInstance start(ProcessEngine engine, Intake intake) {
    String definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(CaseFile.PROCESS_KEY)
            .withoutTenantId()
            .latestVersion()
            .singleResult()
            .getId();
    return engine.getFormService().submitStartForm(definition, intake.variables());
  }

  /** Finds the case's task, lets {@code user} claim it if nobody has, and completes it. */
  public static void complete(
      ProcessEngine engine,
      ProcessInstance pi,
      String taskKey,
      String user,
      Map<String, Object> variables) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    if (task.getAssignee() == null && user != null) {
      engine.getTaskService().claim(task.getId(), user);
    }
    engine.getTaskService().complete(task.getId(), variables);
  }
}
