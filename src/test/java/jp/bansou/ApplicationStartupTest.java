package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import jp.bansou.deployment.ModelDeployer;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@CaseEngineTest
class ApplicationStartupTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TestRestTemplate rest;
  @Autowired jp.bansou.security.AccessPolicy access;

  @Test
  void deploysEveryModelAndFormAsOneDeployment() throws IOException {
    List<String> onDisk = filesUnder("processes", "forms");
    assertThat(onDisk).isNotEmpty();

    Deployment deployment =
        repositoryService
            .createDeploymentQuery()
            .deploymentName(ModelDeployer.DEPLOYMENT_NAME)
            .orderByDeploymentTime()
            .desc()
            .list()
            .get(0);
    assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
        .containsExactlyInAnyOrderElementsOf(onDisk);
  }

  @Test
  void everyModelHasHistoryTimeToLive() {
    assertThat(repositoryService.createProcessDefinitionQuery().list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull());
    assertThat(repositoryService.createDecisionDefinitionQuery().list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull());
  }

  @Test
  void noModelCarriesTheStartersEventPublishingListeners() {
    // issue 21: the starter's execution and task eventing copies every event of every model and
    // publishes it to no listener; camunda.bpm.eventing.* keeps it off
    var configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    List<Object> parseListeners = new ArrayList<>();
    parseListeners.addAll(
        Objects.requireNonNullElse(configuration.getCustomPreBPMNParseListeners(), List.of()));
    parseListeners.addAll(
        Objects.requireNonNullElse(configuration.getCustomPostBPMNParseListeners(), List.of()));
    assertThat(parseListeners)
        .isNotEmpty()
        .noneMatch(
            l -> l.getClass().getName().startsWith("org.camunda.bpm.spring.boot.starter.event"));
  }

  @Test
  void restApiNeedsCredentials() {
    ResponseEntity<String> anonymous =
        rest.getForEntity("/engine-rest/process-definition", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // an account of this test's own: a failed login delays that account's next one
    String user = "wrong-password-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    org.camunda.bpm.engine.identity.User account = identityService.newUser(user);
    account.setPassword("the-right-password");
    identityService.saveUser(account);
    ResponseEntity<String> wrongPassword =
        rest.withBasicAuth(user, "wrong").getForEntity("/engine-rest/task", String.class);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    identityService.deleteUser(user);

    ResponseEntity<String> companion =
        rest.withBasicAuth("companion", "companion")
            .getForEntity("/engine-rest/task", String.class);
    assertThat(companion.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void companionIsRefusedAnAdministratorsCall() {
    String newUser =
        """
        {"profile": {"id": "intruder", "firstName": "x", "lastName": "y", "email": "x@y.invalid"},
         "credentials": {"password": "a-long-password"}}
        """;
    ResponseEntity<String> response =
        rest.withBasicAuth("companion", "companion")
            .postForEntity("/engine-rest/user/create", json(newUser), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();

    ResponseEntity<String> asAdmin =
        rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/authorization", String.class);
    assertThat(asAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void modellerMayDeployThroughTheRestApiButCompanionMayNot() {
    assertThat(deployThroughRest("companion").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> modeller = deployThroughRest("modeller");
    assertThat(modeller.getStatusCode()).isEqualTo(HttpStatus.OK);
    var deployed =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("rest-deployed")
            .singleResult();
    assertThat(deployed).isNotNull();
    // leave the shared engine as it was for the other test classes
    repositoryService.deleteDeployment(deployed.getDeploymentId());
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSiteAndSecurityHeadersAreOn() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    List<String> cookies = page.getHeaders().getOrEmpty("Set-Cookie");
    assertThat(cookies)
        .anySatisfy(
            c -> assertThat(c).startsWith("JSESSIONID").contains("HttpOnly", "SameSite=Lax"));
    assertThat(cookies)
        .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN").contains("SameSite"));
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).isNotBlank();
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void demoAccountsAreInTheirGroups() {
    for (Role role : Role.values()) {
      for (String user : role.demoUsers()) {
        assertThat(identityService.checkPassword(user, user)).as(user).isTrue();
        assertThat(
                identityService
                    .createUserQuery()
                    .userId(user)
                    .memberOfGroup(role.groupId())
                    .count())
            .as(user + " in " + role.groupId())
            .isEqualTo(1);
      }
    }
    assertThat(
            identityService.createUserQuery().memberOfGroup("camunda-admin").userId("demo").count())
        .isEqualTo(1);
  }

  @Test
  void everyGroupHasItsTasklistFilters() {
    for (Role role : Role.values()) {
      assertThat(
              filterService
                  .createFilterQuery()
                  .filterName(access.groupName(role.groupId()) + "のタスク")
                  .count())
          .isEqualTo(1);
    }
    assertThat(filterService.createFilterQuery().filterName("自分のタスク").count()).isEqualTo(1);
    assertThat(filterService.createFilterQuery().filterName("グループのタスク").count()).isEqualTo(1);
    assertThat(filterService.createFilterQuery().filterName("緊急").count()).isEqualTo(1);

    ResponseEntity<String> companionFilters =
        rest.withBasicAuth("companion", "companion")
            .getForEntity("/engine-rest/filter", String.class);
    assertThat(companionFilters.getBody())
        .contains("伴走者のタスク", "自分のタスク")
        .doesNotContain("コーディネーターのタスク");
  }

  private ResponseEntity<String> deployThroughRest(String user) {
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="rest-deployed" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;
    var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "from-modeler-" + user);
    body.add(
        "rest-deployed.bpmn",
        new org.springframework.core.io.ByteArrayResource(bpmn.getBytes()) {
          @Override
          public String getFilename() {
            return "rest-deployed.bpmn";
          }
        });
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, user)
        .postForEntity(
            "/engine-rest/deployment/create",
            new org.springframework.http.HttpEntity<>(body, headers),
            String.class);
  }

  private static org.springframework.http.HttpEntity<String> json(String body) {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return new org.springframework.http.HttpEntity<>(body, headers);
  }

  static List<String> filesUnder(String... folders) throws IOException {
    List<String> names = new java.util.ArrayList<>();
    for (String folder : folders) {
      try (Stream<Path> walk = Files.walk(Path.of(folder))) {
        walk.filter(Files::isRegularFile)
            .map(p -> p.toString().replace('\\', '/'))
            .filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn") || n.endsWith(".form"))
            .forEach(names::add);
      }
    }
    return names;
  }
}
