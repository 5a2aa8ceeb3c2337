package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 14, part 2 — nobody destroys by accident or malice. A modeller, a coordinator and a
 * companion try to delete deployments with their cases, history and running cases, and to suspend
 * procedures; each gets a Japanese refusal and the case is still there, running and in history. An
 * administrator's suspension needs a reason, which is what people then see instead of a 500.
 */
@CaseEngineTest
class DestructionAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  Attacker attacker;
  ProcessInstance pi;
  ProcessDefinition definition;

  @BeforeEach
  void aRunningCase() {
    attacker = new Attacker(rest.getRootUri());
    pi = CaseDriver.start(engine, Intake.person());
    definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionId(pi.getProcessDefinitionId())
            .singleResult();
  }

  @AfterEach
  void theCaseIsStillThere() {
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .active()
                .count())
        .as("the case runs, not suspended")
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .count())
        .isEqualTo(1);
    assertThat(
            repositoryService
                .createDeploymentQuery()
                .deploymentId(definition.getDeploymentId())
                .count())
        .isEqualTo(1);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionId(definition.getId())
                .active()
                .count())
        .isEqualTo(1);
  }

  @Test
  void aModellerCannotDeleteADeploymentWithItsCases() {
    assertRefused(
        attacker.delete(
            "modeller",
            "/engine-rest/deployment/" + definition.getDeploymentId() + "?cascade=true"),
        400,
        "ケースごと消すことはできません");
  }

  @Test
  void aModellerCannotDeleteADeploymentThatStillHasCases() {
    assertRefused(
        attacker.delete("modeller", "/engine-rest/deployment/" + definition.getDeploymentId()),
        400,
        "まだケースがある");
  }

  @Test
  void aModellerCannotDeleteADeploymentSkippingItsListeners() {
    assertRefused(
        attacker.delete(
            "modeller",
            "/engine-rest/deployment/"
                + definition.getDeploymentId()
                + "?skipCustomListeners=true&skipIoMappings=true"),
        400);
  }

  @Test
  void aModellerCannotDeleteAProcessDefinitionWithItsCases() {
    assertRefused(
        attacker.delete(
            "modeller", "/engine-rest/process-definition/" + definition.getId() + "?cascade=true"),
        400);
    assertRefused(
        attacker.delete(
            "modeller", "/engine-rest/process-definition/key/accompaniment-case?cascade=true"),
        400);
  }

  @Test
  void aModellerCannotSuspendTheCaseProcess() {
    assertRefused(
        attacker.put(
            "modeller",
            "/engine-rest/process-definition/key/accompaniment-case/suspended",
            "{\"suspended\": true, \"includeProcessInstances\": true}"),
        400,
        "理由");
  }

  @Test
  void evenAnAdministratorSuspendsOnlyWithAReasonThroughOurApi() {
    assertRefused(
        attacker.put(
            "demo",
            "/engine-rest/process-definition/" + definition.getId() + "/suspended",
            "{\"suspended\": true, \"includeProcessInstances\": true}"),
        400,
        "/api/admin/processes/");
    assertRefused(
        attacker.put(
            "demo",
            "/engine-rest/process-instance/" + pi.getId() + "/suspended",
            "{\"suspended\": true}"),
        400);
    assertRefused(
        attacker.put(
            "demo", "/api/admin/processes/accompaniment-case/suspension", "{\"reason\": \"  \"}"),
        400,
        "理由");
  }

  @Test
  void onlyAnAdministratorSuspends() {
    assertRefused(
        attacker.put(
            "coordinator",
            "/api/admin/processes/accompaniment-case/suspension",
            "{\"reason\": \"点検のため\"}"),
        403);
  }

  @Test
  void aModellerCannotDeleteHistory() {
    assertRefused(
        attacker.delete("modeller", "/engine-rest/history/process-instance/" + pi.getId()), 403);
    assertRefused(
        attacker.post(
            "modeller",
            "/engine-rest/history/process-instance/delete",
            "{\"historicProcessInstanceIds\": [\"" + pi.getId() + "\"], \"deleteReason\": \"x\"}"),
        403);
    assertRefused(
        attacker.delete(
            "coordinator",
            "/engine-rest/history/process-instance/" + pi.getId() + "/variable-instances"),
        403);
  }

  @Test
  void aModellerCannotShortenHowLongHistoryIsKept() {
    assertRefused(
        attacker.put(
            "modeller",
            "/engine-rest/process-definition/" + definition.getId() + "/history-time-to-live",
            "{\"historyTimeToLive\": 0}"),
        403);
    assertThat(repositoryService.getProcessDefinition(definition.getId()).getHistoryTimeToLive())
        .isEqualTo(definition.getHistoryTimeToLive());
  }

  @Test
  void neitherACoordinatorNorACompanionDeletesARunningCase() {
    assertRefused(
        attacker.delete("coordinator", "/engine-rest/process-instance/" + pi.getId()), 403);
    assertRefused(
        attacker.post(
            "companion",
            "/engine-rest/process-instance/delete",
            "{\"processInstanceIds\": [\"" + pi.getId() + "\"], \"deleteReason\": \"x\"}"),
        403);
  }

  @Test
  void aSuspensionTellsPeopleWhyInsteadOfFailing() {
    long onboardings =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("companion-onboarding")
            .count();
    HttpResponse<String> suspended =
        attacker.put(
            "demo",
            "/api/admin/processes/companion-onboarding/suspension",
            "{\"reason\": \"講座の日程を見直しています\"}");
    try {
      assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
      assertThat(attacker.get("demo", "/api/admin/suspensions").body())
          .contains("companion-onboarding", "講座の日程を見直しています");

      assertRefused(
          attacker.post(
              "companion",
              "/engine-rest/process-definition/key/companion-onboarding/submit-form",
              "{\"variables\": {}}"),
          400,
          "一時停止",
          "講座の日程を見直しています");
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processDefinitionKey("companion-onboarding")
                  .count())
          .isEqualTo(onboardings);
    } finally {
      attacker.delete("demo", "/api/admin/processes/companion-onboarding/suspension");
    }
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("companion-onboarding")
                .suspended()
                .count())
        .isZero();
  }
}
