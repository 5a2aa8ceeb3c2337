package jp.bansou.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.deployment.Modeler;
import jp.bansou.engine.Trial;
import jp.bansou.triage.UrgencyLevels;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 15, item 7 — a modeller deploys a changed case, form and decision table as a trial, the way
 * Camunda Modeler does with Tenant ID {@code trial}; a trial case runs on them while a real case
 * started at the same time runs on the live versions; nobody else sees the trial case; the modeller
 * removes it without a trace.
 */
@CaseEngineTest
class TrialCaseTest {

  static final String CASE = "accompaniment-case";

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;

  Modeler modeler;
  @Autowired UrgencyLevels urgencyLevels;
  CoveragePause coverage;
  String deploymentName;

  @BeforeEach
  void modellerDeploysATrial() {
    coverage = CoveragePause.of(engine, List.of(CASE, "deadline-watch"));
    modeler = new Modeler(rest.getRootUri(), "modeller");
    deploymentName = "試行-" + UUID.randomUUID();
    String diagram =
        Modeler.file("processes/" + CASE + ".bpmn")
            .replace("name=\"トリアージを確認する\"", "name=\"トリアージを確認する（試行）\"");
    String table =
        Modeler.file("processes/case-triage.dmn")
            .replace("<text>\"PT24H\"</text>", "<text>\"PT23H\"</text>")
            .replace("<text>\"PT72H\"</text>", "<text>\"PT71H\"</text>")
            .replace("<text>\"P7D\"</text>", "<text>\"P6D\"</text>");
    String form = Modeler.file("forms/review-triage.form").replace("\"緊急度\"", "\"緊急度（試行）\"");
    HttpResponse<String> answer =
        modeler.deploy(
            deploymentName,
            Trial.TENANT,
            Modeler.files(
                CASE + ".bpmn", diagram, "case-triage.dmn", table, "review-triage.form", form));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  @AfterEach
  void removeTheTrial() {
    identityService.clearAuthentication();
    new Modeler(rest.getRootUri(), "modeller").delete("/api/models/trials?deployments=true");
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true, true, true);
    }
    coverage.resume();
  }

  @Test
  void aTrialCaseRunsOnTheTrialVersionsWhileARealCaseRunsOnTheLiveOnes() {
    ProcessInstance trial = startTrialCase();
    ProcessInstance real = CaseDriver.start(engine, Intake.person());

    assertThat(trial.getTenantId()).isEqualTo(Trial.TENANT);
    assertThat(definition(trial).getTenantId()).isEqualTo(Trial.TENANT);
    assertThat(real.getTenantId()).isNull();
    assertThat(definition(real).getTenantId()).isNull();
    assertThat(definition(real).getId())
        .isEqualTo(Trial.liveProcess(repositoryService, CASE).getId());

    // the trial table decided the trial case, the live table the real one
    String trialDeadline = (String) runtimeService.getVariable(trial.getId(), "triageDeadline");
    String realDeadline = (String) runtimeService.getVariable(real.getId(), "triageDeadline");
    assertThat(List.of("PT23H", "PT71H", "P6D")).contains(trialDeadline);
    assertThat(List.of("PT24H", "PT72H", "P7D")).contains(realDeadline);

    // the trial task shows the trial form and goes to the modeller alone
    Task trialTask = task(trial);
    assertThat(trialTask.getName()).isEqualTo("トリアージを確認する（試行）");
    assertThat(trialTask.getAssignee()).isEqualTo("modeller");
    assertThat(taskService.getIdentityLinksForTask(trialTask.getId()))
        .noneMatch(link -> "candidate".equals(link.getType()));
    assertThat(form(trialTask)).contains("緊急度（試行）");
    Task realTask = task(real);
    assertThat(realTask.getName()).isEqualTo("トリアージを確認する");
    assertThat(form(realTask)).contains("\"緊急度\"").doesNotContain("緊急度（試行）");

    // the deadline watch the trial case started is a trial instance too
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(trial.getBusinessKey())
                .list())
        .isNotEmpty()
        .allMatch(p -> Trial.TENANT.equals(p.getTenantId()));
  }

  @Test
  void aTableOurJavaReadsFollowsTheTrialVersionInATrialCaseOnly() {
    String levels =
        Modeler.file("processes/urgency-levels.dmn")
            .replace("<text>\"緊急\"</text>", "<text>\"緊急（試行）\"</text>")
            .replace("<text>\"至急\"</text>", "<text>\"至急（試行）\"</text>")
            .replace("<text>\"通常\"</text>", "<text>\"通常（試行）\"</text>");
    HttpResponse<String> answer =
        modeler.deploy(
            deploymentName + "-levels", Trial.TENANT, Modeler.files("urgency-levels.dmn", levels));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

    ProcessInstance trial = startTrialCase();
    ProcessInstance real = CaseDriver.start(engine, Intake.person());

    // the triage summary names the urgency as the table the case reads words it
    assertThat((String) runtimeService.getVariable(trial.getId(), "triageSummary"))
        .contains("（試行）");
    assertThat((String) runtimeService.getVariable(real.getId(), "triageSummary"))
        .doesNotContain("（試行）");
    // and the dashboard, no case's step, reads the live table
    assertThat(urgencyLevels.all())
        .extracting(UrgencyLevels.Level::label)
        .noneMatch(label -> label.contains("試行"));
  }

  @Test
  void aSupportTrackDeployedAsATrialIsKeptAndRunInATrialCaseOnly() {
    HttpResponse<String> answer =
        modeler.deploy(
            deploymentName + "-track",
            Trial.TENANT,
            Modeler.files("residence-renewal.bpmn", jp.bansou.triage.NewTrackTest.TRACK));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    Map<String, Object> renewal = Map.of("tracks", FormJson.list(List.of("residence-renewal")));

    ProcessInstance trial = startTrialCase();
    CaseDriver.complete(engine, trial, "reviewTriage", "modeller", renewal);
    ProcessInstance real = CaseDriver.start(engine, Intake.person());
    CaseDriver.complete(engine, real, "reviewTriage", "coordinator", renewal);

    assertThat(runtimeService.getVariable(trial.getId(), "trackList"))
        .isEqualTo(List.of("residence-renewal"));
    assertThat(runtimeService.getVariable(real.getId(), "trackList")).isEqualTo(List.of());
  }

  @Test
  void aCoordinatorSeesNoTrialTaskInTasklistOrTheRestApi() {
    ProcessInstance trial = startTrialCase();
    String trialTask = task(trial).getId();

    identityService.setAuthentication("coordinator", List.of("coordinators"));
    try {
      assertThat(taskService.createTaskQuery().list())
          .extracting(Task::getId)
          .doesNotContain(trialTask);
      assertThat(taskService.createTaskQuery().taskId(trialTask).count()).isZero();
      assertThat(
              runtimeService.createProcessInstanceQuery().processInstanceId(trial.getId()).count())
          .isZero();
      assertThat(
              repositoryService
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(CASE)
                  .tenantIdIn(Trial.TENANT)
                  .count())
          .isZero();
    } finally {
      identityService.clearAuthentication();
    }
    for (String who : List.of("coordinator", "companion")) {
      HttpResponse<String> tasks = new Modeler(rest.getRootUri(), who).get("/engine-rest/task");
      assertThat(tasks.statusCode()).isEqualTo(200);
      assertThat(tasks.body()).doesNotContain(trialTask).doesNotContain(trial.getId());
      HttpResponse<String> history =
          new Modeler(rest.getRootUri(), who)
              .get("/engine-rest/history/process-instance?tenantIdIn=trial");
      assertThat(history.body()).doesNotContain(trial.getId());
    }
  }

  @Test
  void aCompanionCannotStartATrialDefinitionNorRemoveTrials() {
    ProcessDefinition trialCase = Trial.process(repositoryService, CASE, Trial.TENANT);
    assertThat(trialCase.getTenantId()).isEqualTo(Trial.TENANT);

    identityService.setAuthentication("companion", List.of("companions"));
    try {
      assertThatThrownBy(
              () -> formService.submitStartForm(trialCase.getId(), Intake.person().variables()))
          .isNotNull();
    } finally {
      identityService.clearAuthentication();
    }
    HttpResponse<String> removal =
        new Modeler(rest.getRootUri(), "companion").delete("/api/models/trials");
    assertThat(removal.statusCode()).isEqualTo(403);
    assertThat(removal.body()).contains("モデル担当");
  }

  @Test
  void aModellerCannotStartARealCase() {
    identityService.setAuthentication("modeller", List.of("modellers"), List.of(Trial.TENANT));
    try {
      assertThatThrownBy(
              () ->
                  formService.submitStartForm(
                      Trial.liveProcess(repositoryService, CASE).getId(),
                      Intake.person().variables()))
          .hasMessageContaining("本番の手続きは始められません");
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void removalLeavesNoTrialInstanceHistoryOrRow() {
    ProcessInstance trial = startTrialCase();
    String caseNumber = trial.getBusinessKey();
    ProcessInstance real = CaseDriver.start(engine, Intake.person());

    HttpResponse<String> answer = modeler.delete("/api/models/trials?deployments=true");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("消しました");
    assertThat(runtimeService.createProcessInstanceQuery().tenantIdIn(Trial.TENANT).count())
        .isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().tenantIdIn(Trial.TENANT).count())
        .isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().tenantIdIn(Trial.TENANT).count())
        .isZero();
    assertThat(
            historyService.createHistoricDecisionInstanceQuery().tenantIdIn(Trial.TENANT).count())
        .isZero();
    assertThat(repositoryService.createDeploymentQuery().tenantIdIn(Trial.TENANT).count()).isZero();
    assertThat(rows(caseNumber)).isZero();
    // the real case is untouched
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(real.getId()).count())
        .isOne();
    assertThat(rows(real.getBusinessKey())).isPositive();
  }

  // --- steps ---

  private ProcessInstance startTrialCase() {
    identityService.setAuthentication("modeller", List.of("modellers"), List.of(Trial.TENANT));
    try {
      return formService.submitStartForm(
          Trial.process(repositoryService, CASE, Trial.TENANT).getId(),
          Intake.person().variables());
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessDefinition definition(ProcessInstance pi) {
    return repositoryService.getProcessDefinition(pi.getProcessDefinitionId());
  }

  private Task task(ProcessInstance pi) {
    return taskService
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey("reviewTriage")
        .singleResult();
  }

  private String form(Task task) {
    try (var in = formService.getDeployedTaskForm(task.getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long rows(String caseNumber) {
    long rows = 0;
    try (var connection = engine.getProcessEngineConfiguration().getDataSource().getConnection()) {
      for (String table : TrialRemoval.CASE_TABLES) {
        try (var statement =
            connection.prepareStatement(
                "select count(*) from " + table + " where case_number = ?")) {
          statement.setString(1, caseNumber);
          try (var result = statement.executeQuery()) {
            result.next();
            rows += result.getLong(1);
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }
}
