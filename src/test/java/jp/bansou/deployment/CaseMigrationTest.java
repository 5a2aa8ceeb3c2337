package jp.bansou.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 15, part 6 — a case stuck on a broken version moves to the fixed one and completes: the
 * modeller deploys the fix, looks first (dry run), then moves the cases, through {@code
 * /api/models/processes/{key}/migration}; a case waiting at a step the new version lacks is listed
 * and left where it is.
 */
@CaseEngineTest
class CaseMigrationTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String FUND = "processes/emergency-fund.bpmn";

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired FormService formService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;

  Modeler modeler;
  String deploymentName;

  @BeforeEach
  void modeller() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    modeler = new Modeler(rest.getRootUri(), "modeller");
    deploymentName = "migration-" + UUID.randomUUID();
  }

  @AfterEach
  void removeWhatWasDeployed() {
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aCaseStuckOnABrokenVersionMovesToTheFixAndCompletes() throws Exception {
    // the broken version: the review task's listener names a variable that is never there
    deploy(
        Modeler.file(FUND)
            .replace(
                "${emergencyFund.showSummary(task)}\" event=\"create\" id=\"showReviewSummary\"",
                "${emergencyFund.showSummary(reviewTask)}\" event=\"create\" id=\"showReviewSummary\""));
    ProcessDefinition broken = latestFund();
    ProcessInstance stuck = apply(2);
    assertThat(stuck.getProcessDefinitionId()).isEqualTo(broken.getId());
    Job review = job(stuck);
    assertThatThrownBy(() -> managementService.executeJob(review.getId()));
    assertThat(runtimeService.getActiveActivityIds(stuck.getId()))
        .containsExactly("weeklyReviewDue");

    // the fix: the repository's version again, as a new version
    deploy(Modeler.file(FUND));
    ProcessDefinition fixed = latestFund();
    assertThat(fixed.getVersion()).isGreaterThan(broken.getVersion());

    JsonNode dryRun = migrate(true);
    JsonNode source = sourceFor(dryRun, broken);
    assertThat(source.get("running").asInt()).isEqualTo(1);
    assertThat(source.get("movable").asInt()).isEqualTo(1);
    assertThat(source.get("moved").asInt()).isZero();
    assertThat(source.get("unmapped")).isEmpty();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(stuck.getId())
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(broken.getId());

    JsonNode done = migrate(false);
    assertThat(sourceFor(done, broken).get("moved").asInt()).isEqualTo(1);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(stuck.getId())
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(fixed.getId());

    managementService.setJobRetries(job(stuck).getId(), 3);
    managementService.executeJob(job(stuck).getId());
    complete(task("reviewAidApplication", stuck), Map.of("aidDecision", "approve"));
    managementService.executeJob(job(stuck).getId());
    complete(
        task("recordAidPayment", stuck),
        Map.of(
            "paymentReference",
            "PAY-2026-0815",
            "paidOn",
            LocalDate.now(EngineClock.JAPAN).toString()));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(stuck.getId()).count())
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(stuck.getId())
                .activityId("aidPaid")
                .count())
        .isEqualTo(1);
  }

  @Test
  void aCaseAtAStepTheNewVersionLacksIsListedAndStays() throws Exception {
    deploy(Modeler.file(FUND));
    ProcessDefinition old = latestFund();
    ProcessInstance waiting = apply(1);
    assertThat(runtimeService.getActiveActivityIds(waiting.getId()))
        .containsExactly("weeklyReviewDue");
    deploy(
        Modeler.file(FUND)
            .replace("\"weeklyReviewDue\"", "\"mondayReview\"")
            .replace("_weeklyReviewDue", "_mondayReview"));

    JsonNode source = sourceFor(migrate(false), old);

    assertThat(source.get("movable").asInt()).isZero();
    assertThat(source.get("moved").asInt()).isZero();
    assertThat(source.get("unmapped").get(0).get("activityId").asText())
        .isEqualTo("weeklyReviewDue");
    assertThat(source.get("unmapped").get(0).get("name").asText()).isEqualTo("毎週月曜の審査会");
    assertThat(source.get("problem").asText()).contains("新しい版にない手順");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(waiting.getId())
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(old.getId());
  }

  @Test
  void onlyModellersAndAdministratorsMayMigrate() {
    HttpResponse<String> coordinator =
        new Modeler(rest.getRootUri(), "coordinator")
            .post("/api/models/processes/emergency-fund/migration", "{\"dryRun\": true}");
    assertThat(coordinator.statusCode()).isEqualTo(403);
    HttpResponse<String> unknown =
        modeler.post("/api/models/processes/no-such-process/migration", "{\"dryRun\": true}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("見つかりません");
  }

  // --- steps ---

  private void deploy(String diagram) {
    HttpResponse<String> answer =
        modeler.deploy(deploymentName, Modeler.files("emergency-fund.bpmn", diagram));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private JsonNode migrate(boolean dryRun) throws Exception {
    HttpResponse<String> answer =
        modeler.post(
            "/api/models/processes/emergency-fund/migration", "{\"dryRun\": " + dryRun + "}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static JsonNode sourceFor(JsonNode report, ProcessDefinition definition) {
    for (JsonNode source : report.get("sources")) {
      if (source.get("definitionId").asText().equals(definition.getId())) {
        return source;
      }
    }
    throw new AssertionError("no version " + definition.getVersion() + " in " + report);
  }

  private ProcessInstance apply(int household) {
    ProcessInstance theCase = CaseDriver.start(engine, Intake.person());
    CaseDriver.complete(engine, theCase, "reviewTriage", "coordinator", Map.of());
    identityService.setAuthentication("coordinator", List.of("coordinators"));
    try {
      return formService.submitStartForm(
          latestFund().getId(),
          Variables.createVariables()
              .putValue("aidCaseNumber", theCase.getBusinessKey())
              .putValue("householdSize", household)
              .putValue("aidPurpose", "food-living")
              .putValue("aidPurposeNote", ""));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessDefinition latestFund() {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey("emergency-fund")
        .latestVersion()
        .singleResult();
  }

  private Job job(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
  }

  private void complete(Task task, Map<String, Object> variables) {
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), "reviewer");
    }
    taskService.complete(task.getId(), variables);
  }
}
