package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A task's comments are read by everyone who sees the task and kept in the engine's history: a
 * coordinator who writes the person's name, phone or e-mail into one, through Tasklist or straight
 * to {@code /engine-rest}, is refused with a Japanese message, and no comment is stored; a comment
 * without them is kept.
 */
@CaseEngineTest
class CommentAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;

  Attacker attacker;
  Intake intake;
  Task triage;

  @BeforeEach
  void aCaseAtTriage() {
    attacker = new Attacker(rest.getRootUri());
    intake = Intake.person();
    ProcessInstance pi = CaseDriver.start(engine, intake);
    triage = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(triage.getTaskDefinitionKey()).isEqualTo("reviewTriage");
    taskService.claim(triage.getId(), "coordinator");
  }

  @Test
  void aCommentNamingThePersonIsRefusedAndNotKept() {
    String name = intake.personName();

    assertRefused(comment("本人 " + name + " さんから電話あり"), 400, "コメント", "名前");
    assertRefused(
        attacker.post(
            "coordinator",
            "/camunda/api/engine/engine/default/task/" + triage.getId() + "/comment/create",
            message(name.toUpperCase())),
        400,
        "名前");
    assertThat(comments()).isEmpty();
  }

  @Test
  void aCommentCarryingThePhoneOrEmailIsRefused() {
    String phone = (String) intake.variables().get("phone");
    String digitsOnly = phone.replace("-", "");

    assertRefused(comment("連絡先 " + digitsOnly), 400, "電話番号");
    assertRefused(comment("mail: " + intake.variables().get("email")), 400, "メール");
    assertThat(comments()).isEmpty();
  }

  @Test
  void aCommentCannotBeRewrittenToNameThePerson() {
    var kept = comment("入管の窓口で書類が足りないと言われた");
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    String id = comments().get(0).getId();

    assertRefused(
        attacker.put(
            "coordinator",
            "/engine-rest/task/comment",
            "{\"id\": \""
                + id
                + "\", \"taskId\": \""
                + triage.getId()
                + "\", \"message\": \""
                + intake.personName()
                + "\"}"),
        400,
        "名前");
    assertThat(comments())
        .extracting(Comment::getFullMessage)
        .containsExactly("入管の窓口で書類が足りないと言われた");
  }

  private java.net.http.HttpResponse<String> comment(String text) {
    return attacker.post(
        "coordinator", "/engine-rest/task/" + triage.getId() + "/comment/create", message(text));
  }

  private static String message(String text) {
    return "{\"message\": \"" + text + "\"}";
  }

  private List<Comment> comments() {
    return taskService.getTaskComments(triage.getId());
  }
}
