package jp.bansou.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.Intake;
import jp.bansou.deployment.Modeler;
import jp.bansou.engine.Trial;
import jp.bansou.tracks.TrackDriver;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 15, item 7 — a trial case run to its closure changes no real figure: the dashboard (but its
 * time stamp) and every export are byte for byte what they were, and its tasks went to the modeller
 * alone.
 */
@CaseEngineTest
class TrialLeavesNoNumbersTest {

  static final List<String> EXPORTS =
      List.of(
          "/api/reports/cases.csv",
          "/api/reports/policy-issues.csv",
          "/api/reports/visit-barriers.csv",
          "/api/reports/fund-ledger.csv",
          "/api/reports/consultation-events.csv");

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;

  String deploymentName = "試行-" + UUID.randomUUID();
  CoveragePause coverage;

  @AfterEach
  void removeTheTrial() {
    new Modeler(rest.getRootUri(), "modeller").delete("/api/models/trials?deployments=true");
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true, true, true);
    }
    if (coverage != null) {
      coverage.resume();
    }
  }

  @Test
  void aTrialCaseRunToClosureLeavesTheDashboardAndEveryExportAsTheyWere() throws Exception {
    coverage = CoveragePause.of(engine, TrialCopies.processKeys());
    Modeler modeler = new Modeler(rest.getRootUri(), "modeller");
    String diagram =
        Modeler.file("processes/accompaniment-case.bpmn")
            .replace("name=\"トリアージを確認する\"", "name=\"トリアージを確認する（試行）\"");
    var deployed =
        modeler.deploy(
            deploymentName, Trial.TENANT, Modeler.files("accompaniment-case.bpmn", diagram));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    Map<String, String> before = figures();

    ProcessInstance trial = startTrialCase();
    complete(trial, "reviewTriage", Map.of());
    complete(trial, "confirmCompanion", Map.of("companionId", "companion"));
    complete(trial, "offerCase", Map.of("offerAnswer", "accept"));
    TrackDriver.completeTracks(engine, trial.getId());
    complete(
        trial,
        "proposeClosure",
        Map.of(
            "nextStep", "close",
            "outcome", "partly-resolved",
            "closureSummary", "未払い賃金の一部を回収した",
            "systemicProblem", false,
            "advocacyField", "technical-intern",
            "policyDescription", ""));
    complete(trial, "approveClosure", Map.of("closureDecision", "approve"));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(trial.getId()).count())
        .isZero();
    assertThat(figures()).isEqualTo(before);
  }

  private ProcessInstance startTrialCase() {
    identityService.setAuthentication("modeller", List.of("modellers"), List.of(Trial.TENANT));
    try {
      return formService.submitStartForm(
          Trial.process(repositoryService, "accompaniment-case", Trial.TENANT).getId(),
          Intake.person().variables());
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Completes the trial case's task: it is the modeller's, offered to nobody else. */
  private void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as(taskKey).isNotNull();
    assertThat(task.getAssignee()).as(taskKey).isEqualTo("modeller");
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .noneMatch(link -> "candidate".equals(link.getType()));
    taskService.complete(task.getId(), variables);
  }

  /** The dashboard without its time stamp, and every export, as the office reads them. */
  private Map<String, String> figures() throws Exception {
    Modeler office = new Modeler(rest.getRootUri(), "coordinator");
    Map<String, String> figures = new LinkedHashMap<>();
    var dashboard = office.get("/api/dashboard");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(dashboard.body());
    json.remove("generatedAt");
    figures.put("/api/dashboard", json.toString());
    for (String export : EXPORTS) {
      var csv = office.getBytes(export);
      assertThat(csv.statusCode()).as(export).isEqualTo(200);
      figures.put(export, new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return figures;
  }
}
