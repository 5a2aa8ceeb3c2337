package jp.bansou.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
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
 * Issue 15, part 1 — whatever Camunda Modeler sends, the running system ends up whole: the open
 * diagram alone finds the forms and tables already deployed, a decision table alone takes effect
 * for the next case, the same deployment name twice with {@code deploy-changed-only} ships one file
 * and still works, and a deployment whose form, table or called process is nowhere is refused with
 * a Japanese message naming the file to add.
 */
@CaseEngineTest
class WholeDeploymentTest {

  static final String FUND_BPMN = "processes/emergency-fund.bpmn";
  static final String AMOUNT_DMN = "processes/emergency-aid-amount.dmn";

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
    modeler = new Modeler(rest.getRootUri(), "modeller");
    deploymentName = "緊急支援金-" + UUID.randomUUID();
  }

  @AfterEach
  void removeWhatWasDeployed() {
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aDecisionTableDeployedAloneDecidesTheNextCase() {
    String table = Modeler.file(AMOUNT_DMN).replace("<text>60000</text>", "<text>66000</text>");

    HttpResponse<String> answer =
        modeler.deploy(deploymentName, Modeler.files("emergency-aid-amount.dmn", table));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    ProcessInstance application = apply(3);
    assertThat(runtimeService.getVariable(application.getId(), "proposedAidYen")).isEqualTo(66_000);
  }

  @Test
  void theDiagramDeployedAloneFindsItsFormsAndTables() {
    String diagram = Modeler.file(FUND_BPMN).replace("name=\"支給額を判断表で決める\"", "name=\"支給額を表で決める\"");

    HttpResponse<String> answer =
        modeler.deploy(deploymentName, Modeler.files("emergency-fund.bpmn", diagram));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    ProcessDefinition latest = latestFund();
    assertThat(latest.getDeploymentId()).isEqualTo(deployment().getId());
    assertThat(repositoryService.getDeploymentResourceNames(latest.getDeploymentId()))
        .containsExactly("emergency-fund.bpmn");
    assertThat(formService.getDeployedStartForm(latest.getId())).isNotNull();

    ProcessInstance application = apply(2);
    assertThat(application.getProcessDefinitionId()).isEqualTo(latest.getId());
    assertThat(runtimeService.getVariable(application.getId(), "proposedAidYen")).isEqualTo(45_000);
    managementService.executeJob(job(application).getId());
    Task review =
        taskService.createTaskQuery().processInstanceId(application.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewAidApplication");
    assertThat(formService.getDeployedTaskForm(review.getId())).isNotNull();
  }

  @Test
  void theSameNameTwiceShipsOnlyTheChangedFileAndStaysWhole() {
    String diagram = Modeler.file(FUND_BPMN);
    String table = Modeler.file(AMOUNT_DMN);
    HttpResponse<String> first =
        modeler.deploy(
            deploymentName,
            Modeler.files("emergency-fund.bpmn", diagram, "emergency-aid-amount.dmn", table));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

    String changed = diagram.replace("name=\"支給額を判断表で決める\"", "name=\"支給額を表で決める\"");
    HttpResponse<String> second =
        modeler.deploy(
            deploymentName,
            Modeler.files("emergency-fund.bpmn", changed, "emergency-aid-amount.dmn", table));

    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    ProcessDefinition latest = latestFund();
    assertThat(repositoryService.getDeploymentResourceNames(latest.getDeploymentId()))
        .containsExactly("emergency-fund.bpmn");
    ProcessInstance application = apply(1);
    assertThat(application.getProcessDefinitionId()).isEqualTo(latest.getId());
    assertThat(runtimeService.getVariable(application.getId(), "proposedAidYen")).isEqualTo(30_000);
  }

  @Test
  void aDiagramWhoseFormIsNowhereIsRefusedSayingWhatToAdd() {
    long before = repositoryService.createProcessDefinitionQuery().count();
    String diagram =
        Modeler.file(FUND_BPMN)
            .replace(
                "camunda:formRef=\"review-aid-application\"", "camunda:formRef=\"review-aid-v2\"")
            .replace(
                "camunda:decisionRef=\"emergency-aid-amount\"", "camunda:decisionRef=\"aid-v2\"");

    HttpResponse<String> answer =
        modeler.deploy(deploymentName, Modeler.files("emergency-fund.bpmn", diagram));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body())
        .contains(
            "不完全", "forms/review-aid-v2.form", "processes/aid-v2.dmn", "reviewAidApplication");
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(before);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(deploymentName).count())
        .isZero();
  }

  @Test
  void aDiagramThatWantsItsFormsInTheSameDeploymentMustBringThem() {
    String diagram =
        Modeler.file(FUND_BPMN)
            .replace("camunda:formRefBinding=\"latest\"", "camunda:formRefBinding=\"deployment\"");

    HttpResponse<String> answer =
        modeler.deploy(deploymentName, Modeler.files("emergency-fund.bpmn", diagram));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("forms/review-aid-application.form", "latest");
  }

  @Test
  void aDiagramWithItsNewFormIsWhole() {
    String diagram =
        Modeler.file(FUND_BPMN)
            .replace(
                "camunda:formRef=\"review-aid-application\"", "camunda:formRef=\"review-aid-v2\"");
    String form =
        Modeler.file("forms/review-aid-application.form")
            .replace("\"id\": \"review-aid-application\"", "\"id\": \"review-aid-v2\"");
    assertThat(form).contains("\"id\": \"review-aid-v2\"");

    HttpResponse<String> answer =
        modeler.deploy(
            deploymentName,
            Modeler.files("emergency-fund.bpmn", diagram, "review-aid-v2.form", form));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    ProcessInstance application = apply(2);
    managementService.executeJob(job(application).getId());
    Task review =
        taskService.createTaskQuery().processInstanceId(application.getId()).singleResult();
    assertThat(formService.getDeployedTaskForm(review.getId())).isNotNull();
  }

  // --- steps ---

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

  private Deployment deployment() {
    return repositoryService.createDeploymentQuery().deploymentName(deploymentName).singleResult();
  }

  private Job job(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
  }
}
