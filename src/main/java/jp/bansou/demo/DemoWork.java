package jp.bansou.demo;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What the demo steps do as people would in Tasklist: a coordinator fills a start form, someone
 * takes a task and answers it, a timer's day comes. One place, so every demo step walks the models
 * the same way.
 */
@Component
class DemoWork {

  private final FormService formService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  DemoWork(
      FormService formService,
      TaskService taskService,
      ManagementService managementService,
      RepositoryService repositoryService,
      IdentityService identityService) {
    this.formService = formService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /** The demo coordinator fills in the start form of the latest version of a process. */
  ProcessInstance startAsCoordinator(String processKey, VariableMap answers) {
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .withoutTenantId()
            .latestVersion()
            .singleResult()
            .getId();
    identityService.setAuthentication("coordinator", List.of("coordinators"));
    try {
      return formService.submitStartForm(definition, answers);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The one open task of that kind in the process. */
  Task task(ProcessInstance pi, String taskKey) {
    return taskService
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** The user takes the task when it is nobody's yet, and answers it. */
  void complete(Task task, String user, VariableMap answers) {
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), user);
    }
    taskService.complete(task.getId(), answers);
  }

  /** {@link #complete} for the one open task of that kind. */
  void work(ProcessInstance pi, String taskKey, String user, VariableMap answers) {
    complete(task(pi, taskKey), user, answers);
  }

  /** The day of the process's one timer at that activity has come. */
  void fireTimer(ProcessInstance pi, String activityId) {
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId(activityId)
            .singleResult()
            .getId());
  }

  /** A list of codes as the JSON value a form's checklist or tag list submits. */
  static TypedValue json(List<String> codes) {
    return SpinValues.jsonValue(Spin.JSON(new ArrayList<>(codes))).create();
  }
}
