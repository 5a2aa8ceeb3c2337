package jp.bansou.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Tasklist's history of a task names each change by the engine's operation type and property,
 * translated through its locale file: every change a coordinator can make to a task reads in
 * Japanese there, not as {@code UpdateComment}.
 */
@CaseEngineTest
class TaskHistoryLabelsTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;

  @Test
  void everyChangeToATaskIsNamedInJapanese() throws IOException {
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    Task triage = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    String id = triage.getId();
    // what a coordinator does with the task they work on
    identityService.setAuthentication("coordinator", List.of("coordinators"));
    try {
      taskService.claim(id, "coordinator");
      String comment = taskService.createComment(id, null, "入管で書類が足りなかった").getId();
      taskService.updateTaskComment(id, comment, "入管で書類が二つ足りなかった");
      taskService.deleteTaskComment(id, comment);
    } finally {
      identityService.clearAuthentication();
    }
    // and what only an administrator may change (Cockpit; coordinators have TASK_WORK only)
    identityService.setAuthentication("demo", List.of("camunda-admin"));
    try {
      taskService.setPriority(id, 60);
      taskService.setDueDate(id, new Date(System.currentTimeMillis() + 86_400_000L));
      taskService.setFollowUpDate(id, new Date(System.currentTimeMillis() + 43_200_000L));
      taskService.setName(id, triage.getName());
      taskService.setDescription(id, "来週までに");
      taskService.setAssignee(id, "coordinator");
      taskService.setVariableLocal(id, "draftNote", "書きかけ");
      ((org.camunda.bpm.engine.impl.TaskServiceImpl) taskService)
          .updateVariablesLocal(id, Map.of("draftNote", "書きかけ2"), List.of());
      taskService.removeVariableLocal(id, "draftNote");
    } finally {
      identityService.clearAuthentication();
    }

    List<UserOperationLogEntry> history =
        historyService.createUserOperationLogQuery().taskId(id).list();
    JsonNode labels = labels();

    assertThat(history)
        .extracting(UserOperationLogEntry::getOperationType)
        .contains("UpdateComment", "DeleteComment", "SetDueDate", "ModifyVariable");
    assertThat(history)
        .extracting(UserOperationLogEntry::getOperationType)
        .allSatisfy(type -> assertThat(labels.has(type)).as(type).isTrue());
    assertThat(history)
        .extracting(UserOperationLogEntry::getProperty)
        .filteredOn(Objects::nonNull)
        .allSatisfy(property -> assertThat(labels.has(property)).as(property).isTrue());
  }

  private static JsonNode labels() throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/tasklist/locales/ja.json";
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return new ObjectMapper().readTree(text).at("/labels");
    }
  }
}
