package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Two changes to the same task at the same moment (two coordinators press 「このタスクを担当する」 together, or
 * one presses it twice on a slow phone): the second is told so in Japanese, with 409, not a server
 * error, and the task keeps the first change.
 */
@CaseEngineTest
@ExtendWith(OutputCaptureExtension.class)
class SimultaneousChangeTest {

  /** 確認 (reviewTriage) as its form sends it. */
  static final String FORM =
      "{\"variables\":{\"urgency\":{\"value\":\"normal\"},\"triageNote\":{\"value\":\"ok\"}}}";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired DataSource dataSource;

  @Test
  void theSecondOfTwoSimultaneousClaimsIsToldToReload() throws Exception {
    Task triage = triage();

    // another coordinator's claim, not yet committed: the engine's update has to wait for it
    HttpResponse<String> claim =
        whileAnotherChangeWaits(
            () -> claim(triage),
            "update ACT_RU_TASK set REV_ = REV_ + 1, ASSIGNEE_ = 'demo' where ID_ = '"
                + triage.getId()
                + "'");

    assertRefused(claim, 409, "ほかの人", "読み込");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee())
        .isEqualTo("demo");
  }

  @Test
  void aClaimPressedTwiceAtOnceIsToldToReloadNotAServerError(CapturedOutput output)
      throws Exception {
    Task triage = triage();

    // the first press, not yet committed: the task is the coordinator's and the engine has
    // granted them the task, so the second press's grant has to wait for it
    HttpResponse<String> second =
        whileAnotherChangeWaits(
            () -> claim(triage),
            "update ACT_RU_TASK set REV_ = REV_ + 1, ASSIGNEE_ = 'coordinator' where ID_ = '"
                + triage.getId()
                + "'",
            "insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_,"
                + " RESOURCE_ID_, PERMS_) values ('first-press', 1, 1, 'coordinator', 7, '"
                + triage.getId()
                + "', 2)");

    assertRefused(second, 409, "読み込");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee())
        .isEqualTo("coordinator");
    // a double press is no fault: no error with a stack trace in the log
    assertThat(output.getAll()).contains("simultaneous change").doesNotContain("ENGINE-16004");
  }

  @Test
  void aClaimThatWaitsTooLongForAnotherIsToldToReloadNotAServerError(CapturedOutput output)
      throws Exception {
    Task triage = triage();

    // the first press holds its grant past the database's lock timeout (a slow phone's first
    // request still running): the second gives up waiting
    HttpResponse<String> second;
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement change = other.createStatement()) {
        change.executeUpdate(
            "update ACT_RU_TASK set REV_ = REV_ + 1, ASSIGNEE_ = 'coordinator' where ID_ = '"
                + triage.getId()
                + "'");
      }
      second = claim(triage);
      other.rollback();
    }

    assertRefused(second, 409, "読み込");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee())
        .isNull();
    // no fault: one line each, no stack trace
    assertThat(output.getAll())
        .contains("waited too long for a simultaneous command's lock", "Answered 409")
        .doesNotContain("Answered 500", "ENGINE-16004", "ENGINE-REST-HTTP500");
  }

  @Test
  void aCommentWrittenWhileAnotherChangesTheTaskIsToldToReload() throws Exception {
    Task triage = triage();
    taskService.claim(triage.getId(), "coordinator");

    // a comment writes to its task (the engine marks that it has comments): a change to the task
    // not yet committed, the comment comes second
    HttpResponse<String> comment =
        whileAnotherChangeWaits(
            () ->
                new Attacker(rest.getRootUri())
                    .post(
                        "coordinator",
                        "/engine-rest/task/" + triage.getId() + "/comment/create",
                        "{\"message\": \"入管の窓口で書類が足りないと言われた\"}"),
            "update ACT_RU_TASK set REV_ = REV_ + 1 where ID_ = '" + triage.getId() + "'");

    assertRefused(comment, 409, "読み込");
    assertThat(taskService.getTaskComments(triage.getId())).isEmpty();
  }

  @Test
  void theSecondOfTwoSimultaneousCompletionsIsToldToReload() throws Exception {
    Task triage = triage();
    taskService.claim(triage.getId(), "coordinator");

    // the first completion (a second tab, a double press), not yet committed
    HttpResponse<String> complete =
        whileAnotherChangeWaits(
            () ->
                new Attacker(rest.getRootUri())
                    .post(
                        "coordinator",
                        "/engine-rest/task/" + triage.getId() + "/submit-form",
                        FORM),
            "update ACT_RU_TASK set REV_ = REV_ + 1 where ID_ = '" + triage.getId() + "'");

    assertRefused(complete, 409, "読み込");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isOne();
  }

  private Task triage() {
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private HttpResponse<String> claim(Task task) {
    return new Attacker(rest.getRootUri())
        .post(
            "coordinator",
            "/engine-rest/task/" + task.getId() + "/claim",
            "{\"userId\":\"coordinator\"}");
  }

  /**
   * The request, sent while another transaction holds the changes it has made and not committed:
   * once the request waits for them, they are committed, and the request comes second.
   */
  private HttpResponse<String> whileAnotherChangeWaits(
      java.util.function.Supplier<HttpResponse<String>> request, String... changes)
      throws Exception {
    CompletableFuture<HttpResponse<String>> answer;
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement change = other.createStatement()) {
        for (String sql : changes) {
          change.executeUpdate(sql);
        }
      }
      answer = CompletableFuture.supplyAsync(request);
      waitUntilAnotherWaits();
      other.commit();
    }
    return answer.get();
  }

  @Test
  void aTaskAlreadyDoneIsSaidToBeDone(CapturedOutput output) {
    Attacker coordinator = new Attacker(rest.getRootUri());
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    Task triage = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.claim(triage.getId(), "coordinator");
    assertThat(
            coordinator
                .post("coordinator", "/engine-rest/task/" + triage.getId() + "/submit-form", FORM)
                .statusCode())
        .isLessThan(300);

    // the same form sent again (a second tab, a press after the answer was lost), and a claim
    for (String action : List.of("/submit-form", "/complete", "/claim")) {
      assertRefused(
          coordinator.post(
              "coordinator",
              "/engine-rest/task/" + triage.getId() + action,
              action.equals("/claim") ? "{\"userId\":\"coordinator\"}" : FORM),
          409,
          "終わって",
          "読み込");
    }
    // and Tasklist, still showing it, reads it again
    for (String look :
        List.of("/variables", "/rendered-form", "/deployed-form", "/form-variables")) {
      assertRefused(
          coordinator.get("coordinator", "/engine-rest/task/" + triage.getId() + look),
          404,
          "終わって");
    }
    // no fault: a line for each, no error and no trace
    assertThat(output.getAll())
        .contains("Answered 409 to a request about a task already done")
        .doesNotContain("ENGINE-16004", "ENGINE-REST-HTTP500", "Answered 500");
  }

  /**
   * Until a session waits for a row or key another has changed (H2's sessions, or PostgreSQL's).
   */
  private void waitUntilAnotherWaits() throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      try (Connection look = dataSource.getConnection();
          Statement s = look.createStatement();
          ResultSet rs =
              s.executeQuery(
                  look.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                      ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                      // H2 names the blocker of a row, not of a key another has just inserted
                      : "select count(*) from information_schema.sessions where session_id <>"
                          + " session_id() and (blocker_id is not null or lower(executing_statement)"
                          + " like 'insert into act_ru_authorization%')")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the claim never waited for the other change");
  }
}
