package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The engine's own work, which belongs to no procedure, is for administrators (a reviewing helper's
 * finds): a companion could set the nightly history clean-up's retries to none, move it to 2030,
 * run it now or delete it, annotate its incident, and read the stack traces of what failed; and
 * anyone could attach a file (a scan of a residence card, its name unchecked) to a task. Each is
 * refused with a Japanese 403 and nothing changes.
 */
@CaseEngineTest
class OperationsAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;

  Attacker attacker;
  Job cleanup;

  @BeforeEach
  void theNightlyCleanUp() {
    attacker = new Attacker(rest.getRootUri());
    if (historyService.findHistoryCleanupJobs().isEmpty()) {
      historyService.cleanUpHistoryAsync();
    }
    cleanup = historyService.findHistoryCleanupJobs().get(0);
    assertThat(cleanup.getProcessDefinitionId()).isNull();
  }

  @Test
  void aCompanionCannotChangeRunOrDeleteTheEnginesOwnJobs() {
    String job = "/engine-rest/job/" + cleanup.getId();
    for (String user : new String[] {"companion", "coordinator", "supervisor"}) {
      assertRefused(attacker.put(user, job + "/retries", "{\"retries\": 0}"), 403, "管理者だけ");
      assertRefused(
          attacker.put(user, job + "/duedate", "{\"duedate\": \"2030-01-01T00:00:00.000+0000\"}"),
          403,
          "システムの仕事");
      assertRefused(attacker.put(user, job + "/priority", "{\"priority\": 99}"), 403, "管理者だけ");
      assertRefused(attacker.post(user, job + "/execute", ""), 403, "管理者だけ");
      assertRefused(attacker.delete(user, job), 403, "管理者だけ");
      // and through the webapps' API, as Cockpit sends it
      assertRefused(
          attacker.asTasklist(
              user,
              "PUT",
              "/camunda/api/engine/engine/default/job/" + cleanup.getId() + "/retries",
              "{\"retries\": 0}"),
          403,
          "管理者だけ");
    }
    Job after = managementService.createJobQuery().jobId(cleanup.getId()).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
    assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
    assertThat(after.getPriority()).isEqualTo(cleanup.getPriority());
    // an administrator still may
    assertThat(attacker.put("demo", job + "/priority", "{\"priority\": 7}").statusCode())
        .isEqualTo(204);
    assertThat(
            managementService.createJobQuery().jobId(cleanup.getId()).singleResult().getPriority())
        .isEqualTo(7);
    managementService.setJobPriority(cleanup.getId(), cleanup.getPriority());
  }

  @Test
  void itsIncidentIsAnnotatedByAnAdministratorOnly() {
    managementService.setJobRetries(cleanup.getId(), 0);
    try {
      Incident incident =
          engine
              .getRuntimeService()
              .createIncidentQuery()
              .incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
              .configuration(cleanup.getId())
              .singleResult();
      assertThat(incident.getProcessDefinitionId()).isNull();
      assertRefused(
          attacker.put(
              "companion",
              "/engine-rest/incident/" + incident.getId() + "/annotation",
              "{\"annotation\": \"見ました\"}"),
          403,
          "管理者だけ");
      assertThat(
              engine
                  .getRuntimeService()
                  .createIncidentQuery()
                  .incidentId(incident.getId())
                  .singleResult()
                  .getAnnotation())
          .isNull();
    } finally {
      managementService.setJobRetries(cleanup.getId(), cleanup.getRetries());
    }
  }

  @Test
  void aStackTraceIsForAdministratorsOnly() {
    for (String path :
        new String[] {
          "/engine-rest/job/" + cleanup.getId() + "/stacktrace",
          "/engine-rest/history/job-log/any-entry/stacktrace",
          "/engine-rest/external-task/any-task/errorDetails",
          "/engine-rest/history/external-task-log/any-entry/error-details"
        }) {
      assertRefused(attacker.get("companion", path), 403, "エラーの詳しい記録は管理者だけ");
      assertRefused(attacker.get("supervisor", path), 403, "管理者だけ");
    }
    // an administrator reaches the engine, which has no stack trace for a job that did not fail
    assertThat(
            attacker
                .get("demo", "/engine-rest/job/" + cleanup.getId() + "/stacktrace")
                .statusCode())
        .isNotEqualTo(403);
  }

  @Test
  void whatCockpitReadsOfTheEnginesWorkIsForCockpitsUsers() {
    // a companion read the engine's English failure messages of jobs of no procedure, and the
    // number of cases of each procedure, restricted ones included (the second helper's finds)
    for (String path :
        new String[] {
          "/engine-rest/job?withException=true",
          "/engine-rest/job/" + cleanup.getId(),
          "/engine-rest/job-definition",
          "/engine-rest/incident",
          "/engine-rest/incident/count",
          "/engine-rest/history/job-log?failureLog=true",
          "/engine-rest/history/incident",
          "/engine-rest/batch",
          "/engine-rest/batch/statistics",
          "/engine-rest/history/batch",
          "/engine-rest/process-definition/statistics",
          "/engine-rest/process-definition/key/accompaniment-case/statistics"
        }) {
      for (String user : new String[] {"companion", "interpreter", "policy"}) {
        assertRefused(attacker.get(user, path), 403, "Cockpit を使う人");
      }
    }
    assertRefused(attacker.post("companion", "/engine-rest/job", "{}"), 403, "Cockpit を使う人");
    assertRefused(
        attacker.asTasklist("companion", "POST", "/camunda/api/engine/engine/default/job", "{}"),
        403,
        "Cockpit を使う人");
    // Cockpit's own lists, sent a body that is no search: a null pointer there before
    for (String plugin : new String[] {"process-instance", "incident/count"}) {
      assertRefused(
          attacker.asTasklist(
              "supervisor", "POST", "/camunda/api/cockpit/plugin/base/default/" + plugin, "null"),
          400,
          "受け付けられません");
    }
    HttpResponse<String> listed =
        attacker.asTasklist(
            "supervisor", "POST", "/camunda/api/cockpit/plugin/base/default/incident/count", "{}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    // Cockpit's users read them as before
    for (String user : new String[] {"coordinator", "supervisor", "modeller", "demo"}) {
      HttpResponse<String> jobs = attacker.get(user, "/engine-rest/job");
      assertThat(jobs.statusCode()).as(user + " " + jobs.body()).isEqualTo(200);
    }
    HttpResponse<String> statistics =
        attacker.get("supervisor", "/engine-rest/process-definition/statistics");
    assertThat(statistics.statusCode()).as(statistics.body()).isEqualTo(200);
  }

  @Test
  void nobodyAttachesAFileToATask() {
    var pi = CaseDriver.start(engine, Intake.person());
    Task triage = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.claim(triage.getId(), "coordinator");
    for (String user : new String[] {"coordinator", "demo"}) {
      assertRefused(
          attacker.multipart(
              user,
              "/engine-rest/task/" + triage.getId() + "/attachment/create",
              Map.of("attachment-name", "在留カードの写し", "attachment-description", "表と裏"),
              Map.of("content", "a scan")),
          403,
          "ファイルは添付できません");
    }
    assertThat(taskService.getTaskAttachments(triage.getId())).isEmpty();
  }
}
