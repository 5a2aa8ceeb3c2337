package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A task's comments are read by everyone who sees the task and kept in the engine's history: a
 * coordinator who writes the person's name, phone or e-mail into one, through Tasklist or straight
 * to {@code /engine-rest}, is refused with a Japanese message, and no comment is stored; a comment
 * without them is kept.
 */
@CaseEngineTest
@ExtendWith(OutputCaptureExtension.class)
class CommentAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;

  Attacker attacker;
  Intake intake;
  Task triage;
  String caseNumber;

  @BeforeEach
  void aCaseAtTriage() {
    attacker = new Attacker(rest.getRootUri());
    intake = Intake.person();
    ProcessInstance pi = CaseDriver.start(engine, intake);
    caseNumber = pi.getBusinessKey();
    triage = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(triage.getTaskDefinitionKey()).isEqualTo("reviewTriage");
    taskService.claim(triage.getId(), "coordinator");
  }

  @Test
  void aCommentNamingThePersonIsRefusedAndNotKept(CapturedOutput output) throws Exception {
    String name = intake.personName();

    assertRefused(comment("本人 " + name + " さんから電話あり"), 400, "コメント", "名前");
    // one part of the name with a title is how a note names someone: refused, saying what to write
    assertRefused(comment("Person さんから電話あり"), 400, "名前", "「本人」と書いて");
    assertRefused(
        attacker.asTasklist(
            "coordinator",
            "POST",
            "/camunda/api/engine/engine/default/task/" + triage.getId() + "/comment/create",
            message(name.toUpperCase())),
        400,
        "名前");
    assertThat(comments()).isEmpty();
    // an answer to the writer, not a fault: no ERROR with a stack trace for each refusal
    assertThat(output.getAll()).doesNotContain("ENGINE-16004", "at jp.bansou.forms");
    // the coordinator may see the person: their slip is not a warning
    assertThat(attacker.get("coordinator", "/api/cases/" + caseNumber + "/reads").body())
        .doesNotContain("コメントに本人の");
  }

  @Test
  void aPageOpenSinceBeforeTheLastLoginIsToldToReloadNotThatItHasNoRight() {
    var answers =
        attacker.asTasklist(
            "coordinator",
            "POST",
            "/camunda/api/engine/engine/default/task/" + triage.getId() + "/comment/create",
            List.of(message("次回は住民票も持っていく"), message("次回は住民票も持っていく")),
            "a-token-of-an-older-login");

    assertRefused(answers.get(0), 403, "ページを読み込みなおして", "ログイン");
    assertThat(answers.get(0).body()).doesNotContain("権限");
    // the webapps' check ended that session: the next request is asked to log in
    assertRefused(answers.get(1), 401, "ログインしてください");
    assertThat(comments()).isEmpty();
  }

  @Test
  void aCommentEditedToTakeSomethingOutKeepsNoTraceOfItInTheHistory() {
    var kept = comment("避難先はZq4シェルターの2階");
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    String id = comments().get(0).getId();
    var edited =
        attacker.put(
            "coordinator",
            "/engine-rest/task/" + triage.getId() + "/comment",
            "{\"id\": \"" + id + "\", \"message\": \"避難先は本人に確認済み\"}");
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(204);

    var history =
        attacker.get("coordinator", "/engine-rest/history/user-operation?taskId=" + triage.getId());
    assertThat(history.statusCode()).isEqualTo(200);
    // the edit is there, its text before and after is not; the comment holds the new text
    assertThat(history.body()).contains("UpdateComment").doesNotContain("Zq4", "確認済み");
    assertThat(comments()).extracting(Comment::getFullMessage).containsExactly("避難先は本人に確認済み");
  }

  @Test
  void aChangeToOurApiWithTheSessionComesFromOurPagesOnly() {
    String restrict = "/api/cases/" + caseNumber + "/restriction";
    // a page elsewhere (another subdomain) whose request carries the session's cookie
    for (String origin : new String[] {null, "http://bansou.attacker.example", "null"}) {
      assertRefused(
          attacker.asTasklist("coordinator", "PUT", restrict, List.of("{}"), null, origin).get(0),
          403,
          "このシステムの画面から送られた変更ではない");
    }
    // the same change from our own page (a basic-auth script has no session: unaffected)
    var settings =
        attacker
            .asTasklist(
                "coordinator",
                "PUT",
                "/api/me/notification-settings",
                List.of("{}"),
                null,
                rest.getRootUri())
            .get(0);
    assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
    assertThat(
            attacker
                .asTasklist("coordinator", "GET", "/api/me/notification-settings", List.of(""))
                .get(0)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aCommentCarryingThePhoneOrEmailIsRefused() {
    String phone = (String) intake.variables().get("phone");
    String digitsOnly = phone.replace("-", "");

    var phoneRefused = comment("連絡先 " + digitsOnly);
    assertRefused(phoneRefused, 400, "電話番号");
    assertThat(phoneRefused.body()).doesNotContain("「本人」と書いて");
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
            "/engine-rest/task/" + triage.getId() + "/comment",
            "{\"id\": \"" + id + "\", \"message\": \"" + intake.personName() + "\"}"),
        400,
        "名前");
    assertThat(comments())
        .extracting(Comment::getFullMessage)
        .containsExactly("入管の窓口で書類が足りないと言われた");
  }

  @Test
  void aCommentFiledUnderAnotherCaseIsRefusedAndTellsNothingAboutItsPerson() {
    // another case, whose person the coordinator's task has nothing to do with
    Intake other = Intake.person();
    ProcessInstance elsewhere = CaseDriver.start(engine, other);
    String phone = (String) other.variables().get("phone");
    String create = "/engine-rest/task/" + triage.getId() + "/comment/create";
    for (String text : List.of("電話 " + phone, "電話 090-0000-0000", other.personName())) {
      var answer =
          attacker.post(
              "coordinator",
              create,
              "{\"message\": \""
                  + text
                  + "\", \"processInstanceId\": \""
                  + elsewhere.getId()
                  + "\"}");
      // the same answer for a right and a wrong guess: before, the check ran against that case's
      // person and the comment was filed under it
      assertRefused(answer, 400, "そのタスクのケースにだけ");
      assertThat(answer.body()).doesNotContain("電話番号", "名前（");
    }
    assertThat(taskService.getProcessInstanceComments(elsewhere.getId())).isEmpty();
    assertThat(comments()).isEmpty();
    // the task's own case, named as Tasklist may name it, is the task's comment as before
    var own =
        attacker.post(
            "coordinator",
            create,
            "{\"message\": \"書類を確認しました\", \"processInstanceId\": \""
                + triage.getProcessInstanceId()
                + "\"}");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
  }

  @Test
  void anotherPersonsCommentIsNeitherChangedNorDeleted() {
    engine.getIdentityService().setAuthenticatedUserId("supervisor");
    Comment theirs;
    Comment onTheCase;
    try {
      theirs = taskService.createComment(triage.getId(), null, "来週の会議で話します");
      onTheCase = taskService.createComment(null, triage.getProcessInstanceId(), "担当を決めました");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String task = "/engine-rest/task/" + triage.getId() + "/comment";
    String instance = "/engine-rest/process-instance/" + triage.getProcessInstanceId() + "/comment";
    // the coordinator holds the task: the engine let them rewrite it under their own name, or
    // delete it with every other comment on the task or case
    assertRefused(
        attacker.put(
            "coordinator", task, "{\"id\": \"" + theirs.getId() + "\", \"message\": \"会議はなし\"}"),
        403,
        "ほかの人のコメント");
    assertRefused(
        attacker.asTasklist(
            "coordinator",
            "PUT",
            "/camunda/api/engine/engine/default/task/" + triage.getId() + "/comment",
            "{\"id\": \"" + theirs.getId() + "\", \"message\": \"会議はなし\"}"),
        403,
        "ほかの人のコメント");
    assertRefused(attacker.delete("coordinator", task + "/" + theirs.getId()), 403, "ほかの人のコメント");
    assertRefused(attacker.delete("coordinator", task), 403, "ほかの人のコメント");
    assertRefused(
        attacker.put(
            "coordinator",
            instance,
            "{\"id\": \"" + onTheCase.getId() + "\", \"message\": \"担当はまだ\"}"),
        403,
        "ほかの人のコメント");
    assertRefused(
        attacker.delete("coordinator", instance + "/" + onTheCase.getId()), 403, "ほかの人のコメント");
    assertRefused(attacker.delete("coordinator", instance), 403, "ほかの人のコメント");
    assertThat(taskService.getProcessInstanceComments(triage.getProcessInstanceId()))
        .extracting(Comment::getFullMessage)
        .containsExactly("担当を決めました");
    // someone who cannot see the task learns nothing of its comments: the same answer as for
    // another task they cannot see, which has none (before, 403 told them it had someone's)
    ProcessInstance other = CaseDriver.start(engine, Intake.person());
    Task quiet = taskService.createTaskQuery().processInstanceId(other.getId()).singleResult();
    var unseen = attacker.delete("companion2", task);
    var none = attacker.delete("companion2", "/engine-rest/task/" + quiet.getId() + "/comment");
    assertThat(unseen.statusCode()).isEqualTo(none.statusCode()).isNotEqualTo(204);
    assertThat(unseen.body()).isEqualTo(none.body());
    // the same through Tasklist's session
    String webapps = "/camunda/api/engine/engine/default/task/";
    var unseenInTasklist =
        attacker.asTasklist("companion2", "DELETE", webapps + triage.getId() + "/comment", "");
    var noneInTasklist =
        attacker.asTasklist("companion2", "DELETE", webapps + quiet.getId() + "/comment", "");
    assertThat(unseenInTasklist.statusCode())
        .as(unseenInTasklist.body())
        .isEqualTo(noneInTasklist.statusCode())
        .isNotEqualTo(204);
    var unseenCase = attacker.delete("companion2", instance);
    var noCase =
        attacker.delete(
            "companion2", "/engine-rest/process-instance/" + other.getId() + "/comment");
    assertThat(unseenCase.statusCode()).isEqualTo(noCase.statusCode()).isNotEqualTo(204);
    assertThat(comments())
        .singleElement()
        .satisfies(
            kept -> {
              assertThat(kept.getFullMessage()).isEqualTo("来週の会議で話します");
              assertThat(kept.getUserId()).isEqualTo("supervisor");
            });
    // one's own comment is one's own to change and delete
    var mine = comment("窓口は午前中だけ");
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    String mineId =
        comments().stream()
            .filter(c -> "coordinator".equals(c.getUserId()))
            .findFirst()
            .orElseThrow()
            .getId();
    assertThat(
            attacker
                .put(
                    "coordinator",
                    task,
                    "{\"id\": \"" + mineId + "\", \"message\": \"窓口は午前9時から12時\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(attacker.delete("coordinator", task + "/" + mineId).statusCode()).isEqualTo(204);
    // an administrator may remove any
    assertThat(attacker.delete("demo", task + "/" + theirs.getId()).statusCode()).isEqualTo(204);
    assertThat(attacker.delete("demo", instance).statusCode()).isEqualTo(204);
    assertThat(comments()).isEmpty();
    assertThat(taskService.getProcessInstanceComments(triage.getProcessInstanceId())).isEmpty();
  }

  @Test
  void aCompanionOfferedTheCaseIsCheckedToo() {
    // the companion may see the offer, not the case: the check must not depend on what they see
    Intake person = Intake.person();
    ProcessInstance pi = CaseDriver.start(engine, person);
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion2"));
    Task offer = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(offer.getTaskDefinitionKey()).isEqualTo("offerCase");
    String phone = (String) person.variables().get("phone");

    for (String text :
        List.of(
            person.personName() + "さんに会う", "電話 " + phone, "" + person.variables().get("email"))) {
      assertRefused(
          attacker.post(
              "companion2",
              "/engine-rest/task/" + offer.getId() + "/comment/create",
              message(text)),
          400,
          "コメント");
    }
    assertThat(taskService.getTaskComments(offer.getId())).isEmpty();
    // the same in the offer form's free text
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/submit-form",
            "{\"variables\": {\"offerAnswer\": {\"value\": \"decline\"}, \"declineReason\":"
                + " {\"value\": \""
                + person.personName()
                + "さんを知っているので\"}}}"),
        400,
        "名前");
    // and the name's last part called as people call someone, with what to write instead
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/submit-form",
            "{\"variables\": {\"offerAnswer\": {\"value\": \"decline\"}, \"declineReason\":"
                + " {\"value\": \"Person さんは前に会ったことがある\"}}}"),
        400,
        "引き受けられない理由",
        "名前",
        "「本人」と書いて");
    // the refusals told them they guessed right: the case's coordinator sees that they knew
    var reads = attacker.get("coordinator", "/api/cases/" + pi.getBusinessKey() + "/reads");
    assertThat(reads.statusCode()).isEqualTo(200);
    assertThat(reads.body())
        .contains(
            "\"reader\":\"companion2\"",
            "\"kind\":\"written\"",
            "コメントに本人の名前を書こうとしました",
            "フォームの「引き受けられない理由",
            // the part with a title may be someone else of that name: the line says so
            "本人の名前の一部（〜さん。同じ呼び名の別の人かもしれません）を書こうとしました",
            "personName",
            "phone")
        .doesNotContain(person.personName(), phone);
    var kept =
        attacker.post(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/comment/create",
            message("来週なら同行できます"));
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
  }

  @Test
  void aCommentThatCannotBeWrittenTellsNothingAboutThePerson() {
    // a made-up comment id: the engine refuses before the text is looked at, so a right guess of
    // the phone and a wrong one get the same answer
    String phone = ((String) intake.variables().get("phone")).replace("-", "");
    String wrong = phone.substring(0, phone.length() - 1) + (phone.endsWith("0") ? "1" : "0");
    var right = rewrite("supervisor", phone);
    var other = rewrite("supervisor", wrong);
    assertThat(right.statusCode()).isEqualTo(other.statusCode()).isNotEqualTo(200);
    assertThat(right.body()).doesNotContain("電話番号").isEqualTo(other.body());
  }

  @Test
  void manyGuessesRunTogetherInOneCommentAreNoMatch() {
    String phone = ((String) intake.variables().get("phone")).replace("-", "");
    var kept = comment("メモ 1" + phone + "2 と 9" + phone);
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    assertRefused(comment("メモ 12 " + phone + " 34"), 400, "電話番号");
  }

  @Test
  void aCommentWithoutAMessageIsRefusedAsNoFault(CapturedOutput output) {
    for (String body : java.util.List.of("{\"message\": null}", "{}")) {
      assertRefused(
          attacker.post(
              "coordinator", "/engine-rest/task/" + triage.getId() + "/comment/create", body),
          400);
    }
    // and a change to a comment that does not exist
    assertThat(rewrite("coordinator", "入管の件").statusCode()).isBetween(400, 499);
    assertThat(comments()).isEmpty();
    // what was sent is wrong, nothing on the server: no error with a trace for it
    assertThat(output.getAll()).doesNotContain("ENGINE-16004", "ENGINE-REST-HTTP500");
  }

  @Test
  void aVeryLongCommentIsRefused() {
    assertRefused(comment("あ".repeat(2001)), 400, "長すぎ");
    assertThat(comments()).isEmpty();
  }

  private java.net.http.HttpResponse<String> rewrite(String user, String text) {
    return attacker.put(
        user,
        "/engine-rest/process-instance/" + triage.getProcessInstanceId() + "/comment",
        "{\"id\": \"00000000-nope\", \"message\": \"" + text + "\"}");
  }

  @Test
  void aCommentOnAFinishedTaskOrCaseIsCheckedToo() {
    String name = intake.personName();
    taskService.complete(
        triage.getId(),
        org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue("urgency", "normal")
            .putValue("triageNote", "ok"));
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isZero();

    // the task is done: its comments are still read with its history
    assertRefused(comment("本人 " + name + " さんの件、終わりました"), 400, "名前");
    // the case closed: a comment on its instance (the REST API only edits those; Java writes them)
    String instance = triage.getProcessInstanceId();
    engine.getRuntimeService().deleteProcessInstance(instance, "test: the case is over");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> taskService.createComment(null, instance, "本人 " + name + " さん"))
        .isInstanceOf(jp.bansou.engine.Refusal.class)
        .hasMessageContaining("名前");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance)
                .count())
        .isOne();
    assertThat(engine.getTaskService().getProcessInstanceComments(instance)).isEmpty();
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
