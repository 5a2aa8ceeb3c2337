package jp.bansou.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Process {@code employer-negotiation}: one test per path. */
@CaseEngineTest
class EmployerNegotiationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Counterparties counterparties;
  @Autowired TestRestTemplate rest;
  @Autowired jp.bansou.person.CaseAccess access;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @Test
  void agreementIsRecordedWithTheAmountRecovered() {
    ProcessInstance pi = start("technical-intern");
    String employer = prepareWithNewCounterparty(pi);
    sendRequest(pi);

    complete(
        task("recordResponse", pi),
        withVariables("employerResponse", "agreed", "responseNote", "払う"));
    complete(
        task("recordAgreement", pi),
        withVariables("recoveredAmountYen", 250000, "agreementTerms", "12月末までに支払う"));

    assertThat(pi).isEnded().hasPassed("closeNegotiation", "negotiationDone");
    Counterparties.Statistics row = statisticsOf(employer);
    assertThat(row.cases()).isEqualTo(1);
    assertThat(row.openClaims()).isZero();
    assertThat(row.recoveredYen()).isEqualTo(250000);
  }

  @Test
  void answerArrivesFromACoordinatorsScriptByTheCaseNumber() throws Exception {
    ProcessInstance pi = start("work");
    prepareWithNewCounterparty(pi);
    sendRequest(pi);

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String answer = "{\"employerResponse\": \"refused\", \"responseNote\": \"書面で拒否\"}";
    String path = "/api/negotiations/" + pi.getBusinessKey() + "/response";
    // plain JDK client: RestTemplate's JDK connection does not reliably report a 401 to a POST
    var anonymous =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.getRootUri() + path))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(answer))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    ResponseEntity<String> companion =
        rest.withBasicAuth("companion", "companion")
            .postForEntity(path, new HttpEntity<>(answer, headers), String.class);
    assertThat(companion.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> wrong =
        rest.withBasicAuth("coordinator", "coordinator")
            .postForEntity(
                path,
                new HttpEntity<>("{\"employerResponse\": \"paid-in-gold\"}", headers),
                String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // a supervisor is no coordinator of the case: to them it waits for nothing, as a number that
    // is no case (found by a helper: a supervisor moved a restricted case's negotiation on)
    ResponseEntity<String> supervisor =
        rest.withBasicAuth("supervisor", "supervisor")
            .postForEntity(path, new HttpEntity<>(answer, headers), String.class);
    ResponseEntity<String> noCase =
        rest.withBasicAuth("coordinator", "coordinator")
            .postForEntity(
                "/api/negotiations/2026-999999/response",
                new HttpEntity<>(answer, headers),
                String.class);
    assertThat(supervisor.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(supervisor.getBody())
        .isEqualTo(noCase.getBody().replace("2026-999999", pi.getBusinessKey()));
    assertThat(pi).isWaitingAt("recordResponse");
    assertThat(wrong.getBody()).contains("agreed");

    // the engine's own message endpoint is no way around it
    String message =
        """
        {"messageName": "EmployerResponded", "businessKey": "%s",
         "processVariables": {"employerResponse": {"value": "agreed", "type": "String"}}}
        """
            .formatted(pi.getBusinessKey());
    assertThat(
            rest.withBasicAuth("coordinator", "coordinator")
                .postForEntity(
                    "/engine-rest/message", new HttpEntity<>(message, headers), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pi).isWaitingAt("recordResponse");
    assertThat(runtimeService.getVariable(pi.getId(), "employerResponse")).isNull();

    ResponseEntity<String> response =
        rest.withBasicAuth("coordinator", "coordinator")
            .postForEntity(path, new HttpEntity<>(answer, headers), String.class);

    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    assertThat(pi).hasPassed("employerResponded").isWaitingAt("chooseEscalation");
    assertThat(pi).variables().containsEntry("employerResponse", "refused");
  }

  @Test
  void counterOfferStartsAnotherRound() {
    ProcessInstance pi = start("work");
    prepareWithNewCounterparty(pi);
    sendRequest(pi);

    complete(
        task("recordResponse", pi),
        withVariables("employerResponse", "counter", "responseNote", "半額なら"));

    assertThat(pi).isWaitingAt("sendRequest");
    sendRequest(pi);
    assertThat(pi).isWaitingAt("recordResponse");
  }

  @Test
  void noAnswerWithin14DaysLeadsToAChoiceOfEscalation() {
    ProcessInstance pi = start("work");
    prepareWithNewCounterparty(pi);
    sendRequest(pi);

    execute(job("responseDeadlinePassed", pi));

    assertThat(pi).isWaitingAt("chooseEscalation").hasPassed("responseDeadlinePassed");
  }

  @Test
  void refusalEscalatesToALawyerWhoseOutcomeReturns() {
    ProcessInstance pi = refusedNegotiation("work");

    complete(
        task("chooseEscalation", pi),
        withVariables("escalation", "lawyer", "escalationReason", "拒否"));

    assertThat(pi).isWaitingAt("escalateToLawyer");
    ProcessInstance lawyer = calledProcessInstance("lawyer-escalation", pi);
    assertThat(lawyer.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    assertThat(runtimeService.getVariable(lawyer.getId(), "counterpartyName")).isNotNull();
    jp.bansou.tracks.TrackDriver.completeTracks(engine, pi.getId());
    assertThat(pi)
        .isEnded()
        .variables()
        .containsEntry("legalOutcome", "settled")
        .containsEntry("negotiationStatus", "escalated-lawyer");
  }

  @Test
  void refusalCanGoToAUnionWithAFollowUpTimer() {
    ProcessInstance pi = refusedNegotiation("work");
    complete(
        task("chooseEscalation", pi),
        withVariables("escalation", "union", "escalationReason", "団交"));

    assertThat(task("fileWithUnion", pi)).isAssignedTo("companion");
    complete(task("fileWithUnion", pi), filed());
    assertThat(pi).isWaitingAt("filingFollowUpDue");
    execute(job("filingFollowUpDue", pi));
    complete(
        task("followUpFiling", pi),
        withVariables("filingStatus", "pending", "filingFollowUpNote", "交渉中"));
    assertThat(pi).isWaitingAt("filingFollowUpDue");
    execute(job("filingFollowUpDue", pi));
    complete(
        task("followUpFiling", pi),
        withVariables("filingStatus", "resolved", "filingFollowUpNote", "解決"));

    assertThat(pi).isEnded().variables().containsEntry("negotiationStatus", "escalated-union");
  }

  @Test
  void refusalCanGoToTheLabourStandardsOfficeAndLaterToALawyer() {
    ProcessInstance pi = refusedNegotiation("work");
    complete(
        task("chooseEscalation", pi),
        withVariables("escalation", "labour-standards", "escalationReason", "申告"));

    complete(task("fileWithLabourStandards", pi), filed());
    execute(job("filingFollowUpDue", pi));
    complete(
        task("followUpFiling", pi),
        withVariables("filingStatus", "escalateToLawyer", "filingFollowUpNote", "是正されない"));

    assertThat(pi).isWaitingAt("escalateToLawyer");
  }

  @Test
  void technicalInternCanReportToOtit() {
    ProcessInstance pi = refusedNegotiation("technical-intern");
    complete(
        task("chooseEscalation", pi),
        withVariables("escalation", "otit", "escalationReason", "49条申告"));

    assertThat(task("fileWithOtit", pi)).isAssignedTo("companion");
    complete(task("fileWithOtit", pi), filed());
    assertThat(pi).isWaitingAt("filingFollowUpDue");
  }

  @Test
  void otitIsNotARouteForSomeoneWhoIsNotATechnicalIntern() {
    ProcessInstance pi = refusedNegotiation("work");

    complete(
        task("chooseEscalation", pi), withVariables("escalation", "otit", "escalationReason", "x"));

    assertThat(pi).isWaitingAt("chooseEscalation").hasNotPassed("fileWithOtit");
    complete(
        task("chooseEscalation", pi),
        withVariables("escalation", "close", "escalationReason", "本人の希望"));
    assertThat(pi).isEnded().variables().containsEntry("negotiationStatus", "closed");
  }

  @Test
  void existingCounterpartyIsReusedAndCountedAcrossCases() {
    String corporateNumber =
        String.valueOf(
            1000000000000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 8999999999999L));
    Counterparty registered =
        counterparties.findOrAdd("反復監理協同組合", "supervising-organisation", "23", corporateNumber);
    ProcessInstance first = start("technical-intern");
    ProcessInstance second = start("technical-intern");

    assertThat(counterpartyOptions(first)).contains("反復監理協同組合");
    for (ProcessInstance pi : List.of(first, second)) {
      complete(
          task("prepareClaim", pi),
          claim().putValue("counterpartyId", String.valueOf(registered.id())));
    }
    Counterparties.Statistics row = statisticsOf(registered.name());
    assertThat(row.cases()).isEqualTo(2);
    assertThat(row.openClaims()).isEqualTo(2);

    assertThat(
            counterparties
                .findOrAdd("反復監理協同組合（別表記）", "supervising-organisation", "23", corporateNumber)
                .id())
        .isEqualTo(registered.id());
    ResponseEntity<String> api =
        rest.withBasicAuth("supervisor", "supervisor")
            .getForEntity("/api/counterparties", String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.getBody()).contains("反復監理協同組合");
    assertThat(
            rest.withBasicAuth("companion", "companion")
                .getForEntity("/api/counterparties", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aRestrictedCaseCountsForNoCounterparty() {
    Counterparty shared =
        counterparties.findOrAdd(
            "共通製作所 " + UUID.randomUUID().toString().substring(0, 6), "employer", "23", null);
    Counterparty restrictedOnly =
        counterparties.findOrAdd(
            "制限製作所 " + UUID.randomUUID().toString().substring(0, 6), "employer", "23", null);
    ProcessInstance ordinary = start("engineer");
    ProcessInstance restricted = start("engineer");
    access.restrict(restricted.getBusinessKey(), "coordinator");
    complete(
        task("prepareClaim", ordinary),
        claim().putValue("counterpartyId", String.valueOf(shared.id())));
    complete(
        task("prepareClaim", restricted),
        claim().putValue("counterpartyId", String.valueOf(shared.id())));
    ProcessInstance another = start("engineer");
    access.restrict(another.getBusinessKey(), "coordinator");
    complete(
        task("prepareClaim", another),
        claim().putValue("counterpartyId", String.valueOf(restrictedOnly.id())));

    // the register counts the ordinary case only, and does not list the one named by a DV case
    assertThat(statisticsOf(shared.name()).cases()).isEqualTo(1);
    assertThat(statisticsOf(shared.name()).openClaims()).isEqualTo(1);
    assertThat(counterparties.statistics())
        .extracting(Counterparties.Statistics::name)
        .doesNotContain(restrictedOnly.name());
    // nor is it among the counterparties every companion chooses from at a new claim
    ProcessInstance next = start("engineer");
    assertThat(counterpartyOptions(next))
        .contains(shared.name())
        .doesNotContain(restrictedOnly.name());
  }

  // --- steps ---

  private ProcessInstance start(String statusCategory) {
    String caseNumber =
        "2026-8" + String.format("%05d", Math.abs(UUID.randomUUID().hashCode() % 100000));
    // as the intake records every case: who may see it
    access.opened(caseNumber, "23", false, null, true);
    return runtimeService.startProcessInstanceByKey(
        "employer-negotiation",
        caseNumber,
        Variables.createVariables()
            .putValue("caseNumber", caseNumber)
            .putValue("track", "employer-negotiation")
            .putValue("companionId", "companion")
            .putValue("prefecture", "23")
            .putValue(
                "residenceStatus",
                statusCategory.equals("technical-intern")
                    ? "technical-intern"
                    : "engineer-humanities")
            .putValue("statusCategory", statusCategory)
            .putValueTyped("problemFields", FormJson.list(List.of("labour")))
            .putValue("consentSharing", true));
  }

  private VariableMap claim() {
    return Variables.createVariables()
        .putValueTyped(
            "claimTypes", FormJson.list(List.of("unpaid-wages", "passport-confiscation")))
        .putValue("claimedAmountYen", 450000)
        .putValue("claimSummary", "3か月分の未払い賃金と旅券の返還");
  }

  private String prepareWithNewCounterparty(ProcessInstance pi) {
    String name = "テスト製作所 " + UUID.randomUUID().toString().substring(0, 6);
    complete(
        task("prepareClaim", pi),
        claim()
            .putValue("counterpartyId", "new")
            .putValue("newCounterpartyName", name)
            .putValue("newCounterpartyType", "employer")
            .putValue("newCounterpartyPrefecture", "23"));
    assertThat(pi).variables().containsEntry("counterpartyName", name).containsKey("negotiationId");
    return name;
  }

  private void sendRequest(ProcessInstance pi) {
    complete(
        task("sendRequest", pi),
        withVariables("requestSentOn", "2026-11-20", "requestMethod", "letter"));
  }

  private ProcessInstance refusedNegotiation(String statusCategory) {
    ProcessInstance pi = start(statusCategory);
    prepareWithNewCounterparty(pi);
    sendRequest(pi);
    complete(
        task("recordResponse", pi),
        withVariables("employerResponse", "refused", "responseNote", "拒否"));
    assertThat(pi).isWaitingAt("chooseEscalation");
    return pi;
  }

  private static Map<String, Object> filed() {
    return withVariables(
        "filingChecklist", FormJson.list(List.of("evidence-collected")), "filedOn", "2026-11-25");
  }

  private Counterparties.Statistics statisticsOf(String name) {
    return counterparties.statistics().stream()
        .filter(r -> name.equals(r.name()))
        .findFirst()
        .orElseThrow();
  }

  /** The counterparties a claim of this negotiation offers to choose from, as text. */
  private String counterpartyOptions(ProcessInstance negotiation) {
    return Negotiation.COUNTERPARTY_OPTIONS
        .read(runtimeService.getVariable(negotiation.getId(), "counterpartyOptions"))
        .orElseThrow()
        .toString();
  }
}
