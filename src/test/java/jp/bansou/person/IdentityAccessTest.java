package jp.bansou.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.TestAccounts;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Who may read a person's identity, role by role and path by path: only the companion who accepted
 * the case, the coordinators of its region, the lawyer who accepted a referral the person consented
 * to share (the name only for the interpreter of an accepted visit). Every engine path shows nobody
 * the identity, since it is never a variable; every look through ours is logged.
 */
@CaseEngineTest
class IdentityAccessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired CaseVisibility visibility;
  @Autowired CaseAccess access;
  @Autowired TestRestTemplate rest;

  /** A coordinator for Fukuoka (40) only: another region than the cases here (Tokyo, 13). */
  static final String OTHER_REGION = "coordinator-fukuoka";

  static final String OTHER_LAWYER = "lawyer-without-consent";

  @org.junit.jupiter.api.AfterEach
  void withoutOurPeople() {
    // other test classes share the engine: the groups go back to the demo accounts
    for (String user : List.of(OTHER_REGION, OTHER_LAWYER, "coordinator-dv")) {
      identityService.deleteUser(user);
    }
  }

  @BeforeEach
  void people() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    user(OTHER_REGION, Role.COORDINATORS.groupId());
    access.setRegions(OTHER_REGION, List.of("40"));
    user(OTHER_LAWYER, Role.LAWYERS.groupId());
  }

  @Test
  void eachRoleSeesThePersonOnlyAsItsPartAllows() {
    Markers person = Markers.fresh();
    ProcessInstance pi = acceptedCase(person, "companion");
    String caseNumber = pi.getBusinessKey();
    interpreterAccepts(pi, "interpreter");
    lawyerAccepts(pi, "lawyer", true);

    assertSeesAll("companion", caseNumber, person);
    assertSeesAll("coordinator", caseNumber, person);
    assertSeesAll("lawyer", caseNumber, person);
    ResponseEntity<String> interpreter = person("interpreter", caseNumber);
    assertThat(interpreter.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the name in each writing, nothing else
    assertThat(interpreter.getBody())
        .contains(person.name(), person.nameLatin())
        .doesNotContain(person.phone());
    for (String refused :
        List.of("companion2", "supervisor", "policy", "modeller", "demo", OTHER_REGION)) {
      ResponseEntity<String> response = person(refused, caseNumber);
      assertThat(response.getStatusCode()).as(refused).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getBody()).as(refused).contains("権限がありません").doesNotContain(person.name());
    }
  }

  @Test
  void aLawyerSeesNobodyWhenThePersonDidNotConsentToSharing() {
    Markers person = Markers.fresh();
    ProcessInstance pi = acceptedCase(person, "companion");
    lawyerAccepts(pi, OTHER_LAWYER, false);

    assertThat(person(OTHER_LAWYER, pi.getBusinessKey()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anOfferedCompanionSeesCategoriesOnlyAndAFormerCompanionNothing() {
    Markers person = Markers.fresh();
    ProcessInstance pi = CaseDriver.start(engine, person.intake());
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion2"));
    Task offer = task("offerCase", pi);

    assertThat(person("companion2", pi.getBusinessKey()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("companion2", "/api/tasks/" + offer.getId() + "/person").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // the offer itself shows the case's categories, and nothing of the person
    ResponseEntity<String> form =
        get("companion2", "/engine-rest/task/" + offer.getId() + "/form-variables");
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("caseOverview");
    assertNoMarker(form.getBody(), person);

    taskService.claim(offer.getId(), "companion2");
    taskService.complete(offer.getId(), Map.of("offerAnswer", "accept"));
    assertSeesAll("companion2", pi.getBusinessKey(), person);

    // the case moves to another companion: the former one no longer sees the person
    visibility.assigned(pi.getBusinessKey(), "companion");
    assertThat(person("companion2", pi.getBusinessKey()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertSeesAll("companion", pi.getBusinessKey(), person);
  }

  @Test
  void noEnginePathShowsTheIdentityToAnyone() {
    Markers person = Markers.fresh();
    ProcessInstance pi = acceptedCase(person, "companion");
    interpreterAccepts(pi, "interpreter");
    Task task =
        taskService.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).list().get(0);
    List<String> paths =
        List.of(
            "/engine-rest/task/" + task.getId() + "/variables",
            "/engine-rest/task/" + task.getId() + "/form-variables",
            "/engine-rest/process-instance/" + pi.getId() + "/variables",
            "/engine-rest/variable-instance?processInstanceIdIn=" + pi.getId(),
            "/engine-rest/history/variable-instance?processInstanceId=" + pi.getId(),
            "/engine-rest/history/detail?processInstanceId=" + pi.getId(),
            "/engine-rest/execution?processInstanceId=" + pi.getId(),
            "/engine-rest/task?processInstanceBusinessKey=" + pi.getBusinessKey());
    for (String user :
        List.of(
            "companion",
            "companion2",
            "interpreter",
            "lawyer",
            "supervisor",
            "policy",
            "modeller",
            "coordinator",
            "demo")) {
      for (String path : paths) {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode().value()).as(user + " " + path).isIn(200, 403, 404);
        assertNoMarker(response.getBody(), person);
      }
    }
  }

  @Test
  void everyLookIsLoggedForTheResponsibleCoordinatorWithoutIdentifiers() {
    Markers person = Markers.fresh();
    ProcessInstance pi = acceptedCase(person, "companion");
    Task visit = task("planVisit", subprocess(pi, "office-accompaniment"));
    assertThat(get("companion", "/api/tasks/" + visit.getId() + "/person").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    person("coordinator", pi.getBusinessKey());
    person("supervisor", pi.getBusinessKey()); // refused: not a look

    ResponseEntity<String> reads =
        get("coordinator", "/api/cases/" + pi.getBusinessKey() + "/reads");
    assertThat(reads.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(reads.getBody())
        .contains(
            "\"reader\":\"companion\"",
            "planVisit",
            "タスク『同行を計画する』で見た",
            "\"reader\":\"coordinator\"",
            "ケースの画面で見た")
        .doesNotContain("\"reader\":\"supervisor\"");
    assertNoMarker(reads.getBody(), person);
    assertThat(get("companion", "/api/cases/" + pi.getBusinessKey() + "/reads").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> month = readsThisMonth("supervisor");
    assertThat(month.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(month.getBody()).contains(pi.getBusinessKey());
    assertNoMarker(month.getBody(), person);
    // a month no timestamp can hold (+999999999-12, the plus sent escaped) is a month written
    // wrongly, not a server error
    assertThat(
            rest.withBasicAuth("supervisor", "supervisor")
                .getForEntity(
                    java.net.URI.create(
                        rest.getRootUri() + "/api/identity-reads?month=%2B999999999-12"),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    // the month's list is the supervisors' oversight: a coordinator sees their own cases' reads
    ResponseEntity<String> asCoordinator = readsThisMonth("coordinator");
    assertThat(asCoordinator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(asCoordinator.getBody()).contains("事務局").doesNotContain(pi.getBusinessKey());
  }

  @Test
  void aRestrictedCaseIsSeenOnlyByItsCompanionAndItsNamedCoordinator() throws Exception {
    String named = "coordinator-dv";
    user(named, Role.COORDINATORS.groupId());
    access.setRegions(named, List.of("13"));
    Markers person = Markers.fresh();
    ProcessInstance pi;
    identityService.setAuthentication(named, List.of(Role.COORDINATORS.groupId()));
    try {
      pi = CaseDriver.start(engine, person.intake().with("restrictCase", true));
    } finally {
      identityService.clearAuthentication();
    }
    Task triage = task("reviewTriage", pi);
    assertThat(taskService.getIdentityLinksForTask(triage.getId()))
        .allSatisfy(link -> assertThat(link.getGroupId()).isNull())
        .anySatisfy(link -> assertThat(link.getUserId()).isEqualTo(named));
    assertThat(triage.getAssignee()).as("nothing to claim").isEqualTo(named);
    // not in the coordinators' list, not readable by another coordinator, not in Cockpit's list
    assertThat(
            get(
                    "coordinator",
                    "/engine-rest/task?processInstanceBusinessKey=" + pi.getBusinessKey())
                .getBody())
        .isEqualTo("[]");
    assertThat(
            get("supervisor", "/engine-rest/process-instance?businessKey=" + pi.getBusinessKey())
                .getBody())
        .isEqualTo("[]");
    assertThat(
            get(named, "/engine-rest/process-instance?businessKey=" + pi.getBusinessKey())
                .getBody())
        .contains(pi.getId());
    assertThat(person("coordinator", pi.getBusinessKey()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> seen = person(named, pi.getBusinessKey());
    assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the address never appears
    assertThat(seen.getBody()).contains(person.name()).doesNotContain(person.municipality());
    // the month's reads show that a restricted case was read, not which case nor where from
    ResponseEntity<String> month = readsThisMonth("supervisor");
    assertThat(month.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(month.getBody()).contains("制限されたケース").doesNotContain(pi.getBusinessKey());
    // nor who works on it, or that someone tried to write the person's identifiers
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(month.getBody()))
        .filteredOn(read -> read.path("caseNumber").asText().equals("（制限されたケース）"))
        .isNotEmpty()
        .allSatisfy(
            read -> {
              assertThat(read.path("reader").asText()).isEmpty();
              assertThat(read.path("fields").asText()).isEmpty();
              assertThat(read.path("kind").isNull()).isTrue();
            });
    // nor the triage's inputs (violence, status) through the decision history
    assertThat(
            historyService
                .createHistoricDecisionInstanceQuery()
                .processInstanceId(pi.getId())
                .count())
        .isPositive();
    assertThat(
            get(
                    "supervisor",
                    "/engine-rest/history/decision-instance?includeInputs=true&processInstanceId="
                        + pi.getId())
                .getBody())
        .isEqualTo("[]");

    CaseDriver.complete(engine, pi, "reviewTriage", named, Map.of());
    CaseDriver.complete(engine, pi, "confirmCompanion", named, Map.of("companionId", "companion"));
    CaseDriver.complete(engine, pi, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    assertSeesAll("companion", pi.getBusinessKey(), person);
    assertThat(get("supervisor", "/api/dashboard").getBody()).doesNotContain(pi.getBusinessKey());
  }

  @Test
  void aCoordinatorRestrictsACaseLater() {
    Markers person = Markers.fresh();
    ProcessInstance pi = CaseDriver.start(engine, person.intake());
    assertThat(
            get("supervisor", "/engine-rest/process-instance?businessKey=" + pi.getBusinessKey())
                .getBody())
        .contains(pi.getId());

    ResponseEntity<String> restricted =
        rest.withBasicAuth("coordinator", "coordinator")
            .exchange(
                "/api/cases/" + pi.getBusinessKey() + "/restriction",
                org.springframework.http.HttpMethod.PUT,
                json("{}"),
                String.class);
    assertThat(restricted.getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(
            get("supervisor", "/engine-rest/process-instance?businessKey=" + pi.getBusinessKey())
                .getBody())
        .isEqualTo("[]");
    Task triage = task("reviewTriage", pi);
    assertThat(taskService.getIdentityLinksForTask(triage.getId()))
        .allSatisfy(link -> assertThat(link.getGroupId()).isNull())
        .anySatisfy(link -> assertThat(link.getUserId()).isEqualTo("coordinator"));
    assertThat(triage.getAssignee()).as("nothing to claim").isEqualTo("coordinator");
    assertThat(get(OTHER_REGION, "/engine-rest/task/" + triage.getId()).getStatusCode().value())
        .isIn(403, 404);
    // not by someone who does not see the case
    assertThat(
            rest.withBasicAuth(OTHER_REGION, OTHER_REGION)
                .exchange(
                    "/api/cases/" + pi.getBusinessKey() + "/restriction",
                    org.springframework.http.HttpMethod.PUT,
                    json("{}"),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void nobodyWidensWhatTheyWereOffered() {
    Markers person = Markers.fresh();
    ProcessInstance pi = CaseDriver.start(engine, person.intake());
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion2"));
    Task offer = task("offerCase", pi);
    String base = "/engine-rest/task/" + offer.getId();

    for (var attack :
        List.of(
            post(
                "companion2",
                base + "/identity-links",
                "{\"groupId\":\"policy-team\",\"type\":\"candidate\"}"),
            post("companion2", base + "/delegate", "{\"userId\":\"policy\"}"),
            post("companion2", base + "/assignee", "{\"userId\":\"policy\"}"),
            put(
                "companion2",
                base + "/variables/companionId",
                "{\"value\":\"policy\",\"type\":\"String\"}"),
            post(
                "companion2",
                base + "/localVariables",
                "{\"modifications\":{\"x\":{\"value\":\"y\"}}}"))) {
      assertThat(attack.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(taskService.getIdentityLinksForTask(offer.getId()))
        .noneSatisfy(link -> assertThat(link.getGroupId()).isEqualTo("policy-team"))
        .noneSatisfy(link -> assertThat(link.getUserId()).isEqualTo("policy"));
    assertThat(task("offerCase", pi).getAssignee()).isEqualTo("companion2");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "companionId"))
        .isEqualTo("companion2");
    assertThatThrownBy(() -> withUser("policy", () -> taskService.getVariables(offer.getId())))
        .isInstanceOf(AuthorizationException.class);
  }

  // --- the case ---

  /** A case in Tokyo, triaged to a visit and a lawyer, accepted by the companion. */
  private ProcessInstance acceptedCase(Markers person, String companion) {
    ProcessInstance pi = CaseDriver.start(engine, person.intake());
    CaseDriver.complete(
        engine,
        pi,
        "reviewTriage",
        "coordinator",
        Map.of("tracks", FormJson.list("office-accompaniment", "lawyer-escalation")));
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", companion));
    CaseDriver.complete(engine, pi, "offerCase", companion, Map.of("offerAnswer", "accept"));
    return pi;
  }

  private void interpreterAccepts(ProcessInstance pi, String interpreter) {
    ProcessInstance visit = subprocess(pi, "office-accompaniment");
    complete(
        visit,
        "planVisit",
        null,
        Variables.putValue("officeType", "hospital")
            .putValue("officeName", "都立病院")
            .putValue("visitPurpose", "medical-care")
            .putValue("proposedDates", "来週"));
    complete(visit, "offerInterpretation", interpreter, Map.of("interpretationAnswer", "accept"));
  }

  private void lawyerAccepts(ProcessInstance pi, String lawyer, boolean consent) {
    ProcessInstance referral = subprocess(pi, "lawyer-escalation");
    complete(
        referral,
        "prepareReferral",
        "coordinator",
        Variables.putValue("consentSharing", consent)
            .putValue("hasRegisteredAddress", true)
            .putValue("refugeeProcedure", false)
            .putValue("legalIssueSummary", "未払い賃金"));
    complete(
        referral,
        "offerToLawyers",
        lawyer,
        Map.of("conflictOfInterestChecked", true, "lawyerAnswer", "accept"));
  }

  private ProcessInstance subprocess(ProcessInstance pi, String key) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId())
        .processDefinitionKey(key)
        .singleResult();
  }

  private void complete(ProcessInstance pi, String key, String user, Map<String, Object> vars) {
    Task task = task(key, pi);
    if (task.getAssignee() == null && user != null) {
      taskService.claim(task.getId(), user);
    }
    taskService.complete(task.getId(), vars);
  }

  // --- looking ---

  private void assertSeesAll(String user, String caseNumber, Markers person) {
    ResponseEntity<String> response = person(user, caseNumber);
    assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).as(user).contains(person.name(), person.phone(), person.email());
  }

  private ResponseEntity<String> person(String user, String caseNumber) {
    return get(user, "/api/cases/" + caseNumber + "/person");
  }

  /** The month's identity reads, as {@code user} lists them. */
  private ResponseEntity<String> readsThisMonth(String user) {
    return get(
        user,
        "/api/identity-reads?month=" + java.time.YearMonth.now(jp.bansou.engine.EngineClock.JAPAN));
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    return rest.withBasicAuth(user, user).postForEntity(path, json(body), String.class);
  }

  private ResponseEntity<String> put(String user, String path, String body) {
    return rest.withBasicAuth(user, user)
        .exchange(path, org.springframework.http.HttpMethod.PUT, json(body), String.class);
  }

  private static org.springframework.http.HttpEntity<String> json(String body) {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return new org.springframework.http.HttpEntity<>(body, headers);
  }

  private static void assertNoMarker(String body, Markers person) {
    if (body != null) {
      for (String marker : person.all()) {
        assertThat(body).doesNotContain(marker);
      }
    }
  }

  private void withUser(String user, Runnable action) {
    identityService.setAuthentication(
        user,
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(g -> g.getId())
            .toList());
    try {
      action.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void user(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(id);
      TestAccounts.save(identityService, user);
      identityService.createMembership(id, group);
    }
  }
}
