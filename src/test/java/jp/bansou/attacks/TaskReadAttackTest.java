package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertNoLeak;
import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A task is read as its form shows it. A companion offered a case decides from the offer's form
 * (the case's categories, the coordinator's note); until they accept, the referrer's note, the
 * deadline's note and the risk flags of the intake are not theirs to read, whatever they ask the
 * engine: the task's variables, its form's variables, one variable by name, a task list with
 * variables, or a task search that filters or sorts on a variable's value (an oracle: the answer
 * says which tasks match).
 */
@CaseEngineTest
class TaskReadAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /**
   * History keeps no earlier values any more ({@link jp.bansou.engine.LastValueHistory}), but a
   * database from before holds them in ACT_HI_DETAIL until its clean-up: the case's grants read
   * them, an offer does not.
   */
  @Test
  void anEarlierVersionsDetailsAreReadByTheCasesGrantsNotThroughAnOffer() {
    String marker = "Dt" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion2"));
    jdbc.update(
        "insert into ACT_HI_DETAIL (ID_, TYPE_, PROC_DEF_KEY_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
            + " NAME_, TEXT_, TIME_)"
            + " values (?, 'FormProperty', 'accompaniment-case', ?, ?, 'referrerNote', ?,"
            + " current_timestamp)",
        marker,
        pi.getId(),
        pi.getId(),
        marker + "Referrer");
    Attacker attacker = new Attacker(rest.getRootUri());
    String details = "/engine-rest/history/detail?processInstanceId=" + pi.getId();

    var offered = attacker.get("companion2", details);
    assertThat(offered.statusCode()).isEqualTo(200);
    assertThat(offered.body()).doesNotContain(marker);
    assertThat(attacker.get("coordinator", details).body()).contains(marker + "Referrer");
  }

  @Test
  void anOfferedCompanionReadsTheOfferAndNothingElseOfTheCase() {
    String marker = "Rf" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ProcessInstance pi =
        CaseDriver.start(
            engine,
            Intake.person()
                .with("referrerNote", marker + "Referrer")
                .with("legalDeadlineSoon", true)
                .with("legalDeadlineType", "other")
                .with("legalDeadlineDate", java.time.LocalDate.now().plusDays(20).toString())
                .with("legalDeadlineNote", marker + "Deadline")
                .with("suicideRisk", true));
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine,
        pi,
        "confirmCompanion",
        "coordinator",
        Map.of("companionId", "companion2", "matchingNote", marker + "Matching"));
    Task offer =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("offerCase")
            .singleResult();
    String task = "/engine-rest/task/" + offer.getId();
    Attacker companion = new Attacker(rest.getRootUri());

    // what the offer's form shows is there, as Tasklist loads it
    String form = companion.get("companion2", task + "/form-variables").body();
    assertThat(form).contains("caseOverview", marker + "Matching");
    // and nothing else of the case, however it is asked for
    for (String path :
        List.of(
            task + "/variables",
            task + "/form-variables",
            task + "/form-variables?variableNames=referrerNote,suicideRisk,legalDeadlineNote",
            task + "/variables/referrerNote",
            task + "/variables/suicideRisk",
            task + "?withTaskVariablesInReturn=true",
            "/engine-rest/task?withTaskVariablesInReturn=true&processInstanceBusinessKey="
                + pi.getBusinessKey(),
            "/engine-rest/variable-instance?processInstanceIdIn=" + pi.getId(),
            "/engine-rest/history/variable-instance?processInstanceId=" + pi.getId(),
            "/engine-rest/history/detail?processInstanceId=" + pi.getId())) {
      String body = companion.get("companion2", path).body();
      assertThat(body)
          .as(path)
          .doesNotContain(marker + "Referrer", marker + "Deadline", "suicideRisk", "referrerNote");
      assertNoLeak(body);
    }
    assertThat(companion.get("companion2", task + "/variables/referrerNote").statusCode())
        .isEqualTo(404);

    // no search on a variable the task does not show: by query, by body, in an "or", by sorting,
    // through a saved filter, or among finished tasks
    String refusal = "並べ替え";
    for (var attempt :
        List.of(
            companion.get("companion2", "/engine-rest/task?processVariables=suicideRisk_eq_true"),
            companion.get(
                "companion2",
                "/engine-rest/task/count?processVariables="
                    + URLEncoder.encode(
                        "referrerNote_like_" + marker + "%", StandardCharsets.UTF_8)),
            companion.post(
                "companion2",
                "/engine-rest/task",
                "{\"processVariables\":[{\"name\":\"referrerNote\",\"operator\":\"like\","
                    + "\"value\":\"%"
                    + marker
                    + "%\"}]}"),
            companion.post(
                "companion2",
                "/engine-rest/task",
                "{\"variableNamesIgnoreCase\":true,\"processVariables\":[{\"name\":"
                    + "\"REFERRERNOTE\",\"operator\":\"like\",\"value\":\"%\"}]}"),
            companion.post(
                "companion2",
                "/engine-rest/task",
                "{\"orQueries\":[{\"processVariables\":[{\"name\":\"suicideRisk\","
                    + "\"operator\":\"eq\",\"value\":true}]}]}"),
            companion.post(
                "companion2",
                "/engine-rest/task",
                "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\","
                    + "\"parameters\":{\"variable\":\"referrerNote\",\"type\":\"String\"}}]}"),
            companion.post(
                "companion2",
                "/engine-rest/task",
                "{\"taskVariables\":[{\"name\":\"referrerNote\",\"operator\":\"neq\","
                    + "\"value\":\"x\"}]}"),
            companion.post(
                "companion2",
                "/engine-rest/filter/" + filterId() + "/list",
                "{\"processVariables\":[{\"name\":\"suicideRisk\",\"operator\":\"eq\","
                    + "\"value\":true}]}"),
            companion.get(
                "companion2", "/engine-rest/history/task?processVariables=suicideRisk_eq_true"))) {
      assertRefused(attempt, 400, refusal);
    }

    // the refusal names what was searched for, as text: Tasklist shows a refusal's message as
    // HTML, and a link to a Tasklist search could fill the name with markup
    String markup =
        companion
            .get(
                "companion2",
                "/engine-rest/task?processVariables="
                    + URLEncoder.encode(
                        "<img src=x onerror=alert(1)>_eq_1", StandardCharsets.UTF_8))
            .body();
    assertThat(markup).contains("&lt;img").doesNotContain("<img");

    // the case number, which every task's row shows, can still be searched for
    String found =
        companion
            .get(
                "companion2",
                "/engine-rest/task?processVariables=caseNumber_eq_" + pi.getBusinessKey())
            .body();
    assertThat(found).contains(offer.getId());

    // whoever may read the case reads it whole, through the case
    assertThat(
            companion
                .get("coordinator", "/engine-rest/process-instance/" + pi.getId() + "/variables")
                .body())
        .contains(marker + "Referrer", "suicideRisk");
    // and nothing of the offer changed on the way
    assertThat(taskService.getVariable(offer.getId(), "referrerNote"))
        .isEqualTo(marker + "Referrer");
    assertThat(taskService.createTaskQuery().taskId(offer.getId()).singleResult().getAssignee())
        .isEqualTo("companion2");
  }

  private String filterId() {
    return engine.getFilterService().createFilterQuery().list().get(0).getId();
  }
}
