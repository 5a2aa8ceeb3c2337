package jp.bansou.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.security.AccessPolicy;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 15, part 5 — who may start a procedure follows its model at deploy time: a modeller who
 * changes {@code camunda:candidateStarterGroups} in Camunda Modeler and deploys grants the new
 * groups and takes the right from the groups removed, without a restart.
 */
@CaseEngineTest
class StarterPermissionsTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired AccessPolicy accessPolicy;

  String deploymentName = "starters-" + UUID.randomUUID();

  @AfterEach
  void backToTheRepositoryModel() {
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
    accessPolicy.followModels();
    assertThat(mayStart("coordinators")).isTrue();
    assertThat(mayStart("supervisors")).isFalse();
  }

  @Test
  void startersAreGrantedAndRevokedWhenTheModelIsDeployed() {
    assertThat(mayStart("coordinators")).isTrue();
    assertThat(mayStart("supervisors")).isFalse();
    String diagram =
        Modeler.file("processes/emergency-fund.bpmn")
            .replace(
                "camunda:candidateStarterGroups=\"coordinators\"",
                "camunda:candidateStarterGroups=\"supervisors\"");
    assertThat(diagram).contains("candidateStarterGroups=\"supervisors\"");

    HttpResponse<String> answer =
        new Modeler(rest.getRootUri(), "modeller")
            .deploy(deploymentName, Modeler.files("emergency-fund.bpmn", diagram));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(mayStart("supervisors")).isTrue();
    assertThat(mayStart("coordinators")).isFalse();
  }

  private boolean mayStart(String group) {
    return authorizationService.isUserAuthorized(
        "nobody-" + group, List.of(group), CREATE_INSTANCE, PROCESS_DEFINITION, "emergency-fund");
  }
}
