package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.engine.People;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * {@code GET /api/tasks/{taskId}/people}: the names behind the account ids of a task's history, for
 * whoever sees the task, and only the ids of that history.
 */
@CaseEngineTest
class TaskPeopleTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired People people;

  Attacker attacker;
  Task triage;

  @BeforeEach
  void aCaseAtTriageWithAComment() {
    attacker = new Attacker(rest.getRootUri());
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    triage = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    identityService.setAuthentication("coordinator", List.of("coordinators"));
    try {
      taskService.claim(triage.getId(), "coordinator");
      taskService.createComment(triage.getId(), null, "入管で書類が足りなかった");
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void whoeverSeesTheTaskReadsTheNamesOfThoseInItsHistory() {
    HttpResponse<String> answer =
        attacker.get("coordinator", "/api/tasks/" + triage.getId() + "/people");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    String name = people.name("coordinator");
    assertThat(name).isNotEqualTo("coordinator");
    assertThat(answer.body()).isEqualTo("{\"names\":{\"coordinator\":\"" + name + "\"}}");

    // given to another by an administrator: whom it went to is named too, and still no one else
    identityService.setAuthentication("demo", List.of("camunda-admin"));
    try {
      taskService.setAssignee(triage.getId(), "companion");
    } finally {
      identityService.clearAuthentication();
    }
    answer = attacker.get("demo", "/api/tasks/" + triage.getId() + "/people");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body())
        .contains(
            "\"companion\":\"" + people.name("companion") + "\"",
            "\"coordinator\":\"" + name + "\"",
            "\"demo\":")
        .doesNotContain("supervisor");
  }

  @Test
  void aTaskOneCannotSeeIsNotFoundAndNoAccountIsListed() {
    for (String user : new String[] {"companion", "interpreter", "policy"}) {
      HttpResponse<String> answer = attacker.get(user, "/api/tasks/" + triage.getId() + "/people");
      assertRefused(answer, 404);
      assertThat(answer.body()).doesNotContain("coordinator", people.name("coordinator"));
    }
    assertRefused(attacker.get("companion", "/api/tasks/no-such-task/people"), 404);
    assertRefused(attacker.get(null, "/api/tasks/" + triage.getId() + "/people"), 401);
  }
}
