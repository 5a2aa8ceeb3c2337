package jp.bansou.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.engine.EngineClock;
import jp.bansou.person.MarkerScan;
import jp.bansou.person.PersonRecords;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Process {@code consultation-event} (相談会) and {@code walk-in-consultation}: planned and announced,
 * the duties of the day offered and taken, walk-ins received on the day (a case opened for who
 * needs follow-up, a one-off record for the others), and the report by category afterwards.
 */
@CaseEngineTest
class ConsultationEventProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired ConsultationEvents events;
  @Autowired CaseSummaries summaries;
  @Autowired PersonRecords person;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @Test
  void eventIsPlannedStaffedHeldWithWalkInsAndReportedByCategory() throws Exception {
    ProcessInstance pi = plan(Map.of("eventLanguages", FormJson.list("vi", "ja-easy")));
    String eventNumber = pi.getBusinessKey();
    assertThat(eventNumber).matches("EV-\\d{4}");

    assertThat(pi).isWaitingAt("reviewPublicity");
    String publicity = (String) runtimeService.getVariable(pi.getId(), "publicityText");
    assertThat(publicity)
        .contains("やさしい にほんご", "ひみつに します", "労働", "ベトナム語")
        .contains("[Tiếng Việt]", "Địa điểm: 新宿区民センター")
        .doesNotContain("{date}", "{place}");
    completeTask(pi, "reviewPublicity", "coordinator", Map.of("publicityChecked", true));

    // each duty is offered to whoever can take it; the first to accept takes it
    answerDuty(pi, "companion", "accept");
    answerDuty(pi, "interpreter", "accept");
    answerDuty(pi, "lawyer", "accept");
    assertThat(events.staff(ConsultationEvent.id(eventNumber)))
        .extracting(ConsultationEvents.Staff::userId, ConsultationEvents.Staff::duty)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("companion", "companion"),
            org.assertj.core.groups.Tuple.tuple("interpreter", "interpreter"),
            org.assertj.core.groups.Tuple.tuple("lawyer", "lawyer"));
    assertThat(pi).isWaitingAt("waitForDay");

    execute(job("waitForDay", pi));
    assertThat(pi).isWaitingAt("closeEventDay");
    assertThat((String) runtimeService.getVariable(pi.getId(), "rosterSummary"))
        .contains("通訳（ベトナム語）", "伴走者A（デモ）");

    // a walk-in who needs follow-up: a case of their own, the person sealed, linked to the event
    String marker = "Wk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String phone = "070-" + (1000 + (int) (Math.random() * 8999)) + "-5521";
    Map<String, Object> followUp = walkIn("vi", "VN", "technical-intern", "labour");
    followUp.put("followUp", "case");
    followUp.put("personName", marker + "Name");
    followUp.put("phone", phone);
    followUp.put("problemDescription", marker + "Story 給料が払われていない");
    followUp.put("urgentNeeds", FormJson.list("noFoodOrMoney"));
    followUp.put("consentCaseWork", true);
    receive(eventNumber, "companion", followUp);

    CaseSummary opened =
        summaries.all().stream().filter(c -> marker.equals(nameOf(c))).findFirst().orElseThrow();
    assertThat(opened.referredBy()).isEqualTo("consultation-event");
    assertThat(opened.languages()).containsExactly("vi");
    assertThat(opened.statusCategory()).isEqualTo("technical-intern");
    ProcessInstance theCase =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(opened.processInstanceId())
            .singleResult();
    assertThat(runtimeService.getVariable(theCase.getId(), "eventNumber")).isEqualTo(eventNumber);
    assertThat(runtimeService.getVariable(theCase.getId(), "noFoodOrMoney")).isEqualTo(true);
    assertThat(runtimeService.getVariable(theCase.getId(), "personName")).isNull();
    // interpreter-need.dmn: Vietnamese only
    assertThat(runtimeService.getVariable(theCase.getId(), "interpreterNeeded")).isEqualTo(true);

    // three one-off consultations, one more without consent to statistics who is the last
    for (int i = 0; i < 3; i++) {
      Map<String, Object> once = walkIn("vi", "VN", "technical-intern", "labour");
      once.put("followUp", "once");
      receive(eventNumber, "companion", once);
    }
    Map<String, Object> last = walkIn("ne", "NP", "student", "residence");
    last.put("followUp", "once");
    last.put("consentStatistics", false);
    last.put("lastWalkIn", true);
    receive(eventNumber, "companion", last);
    assertThat(openWalkIns(eventNumber)).isEmpty();
    assertThat(pi).isWaitingAt("closeEventDay");

    completeTask(pi, "closeEventDay", "coordinator", Map.of("dayClosed", true));
    assertThat(pi).isWaitingAt("reviewEventReport");
    String report = (String) runtimeService.getVariable(pi.getId(), "eventReportSummary");
    assertThat(report)
        .contains("来場者：5人", "ケースを開いた人 3人未満", "その場の相談で終わった人 4人")
        .contains("ベトナム語 4人", "ベトナム 4人", "技能実習 4人", "労働 4人")
        .contains("統計に使うことに同意しなかった人：3人未満")
        .doesNotContain("ネパール");
    completeTask(pi, "reviewEventReport", "coordinator", Map.of("eventReportNote", "通訳が足りなかった"));
    assertThat(pi).isEnded().hasPassed("eventReported");
    assertThat(events.find(ConsultationEvent.id(eventNumber)).orElseThrow().status())
        .isEqualTo(ConsultationEvents.REPORTED);

    ResponseEntity<String> dashboard = get("/api/dashboard");
    assertThat(dashboard.getBody())
        .contains("\"consultationEvents\"", "\"eventNumber\":\"" + eventNumber + "\"")
        .contains("\"peopleSeen\":5", "\"casesOpened\":null");
    ResponseEntity<String> csv = get("/api/reports/consultation-events.csv");
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getBody())
        .startsWith("\uFEFF\"event\"")
        .contains(
            "\"" + eventNumber + "\",\"" + eventDate() + "\",\"13\",\"people_seen\",\"\",\"5\"")
        .contains(
            "\"" + eventNumber + "\",\"" + eventDate() + "\",\"13\",\"language\",\"vi\",\"4\"")
        .contains("\"cases_opened\",\"\",\"*\"")
        .doesNotContain(opened.caseNumber());
    for (ResponseEntity<String> export : List.of(dashboard, csv)) {
      assertThat(export.getBody()).doesNotContain(marker, phone);
    }
    // nowhere in plaintext: not in the walk-in's process, its history, the case, our tables
    assertThat(MarkerScan.find(dataSource, List.of(marker, phone))).isEmpty();
  }

  @Test
  void aDeclinedDutyGoesToTheOthersAndWithNobodyLeftTheCoordinatorArrangesIt() {
    // only the demo interpreter speaks Nepali in Tokyo
    ProcessInstance pi =
        plan(
            Map.of(
                "eventLanguages", FormJson.list("ne"), "companionsNeeded", 0, "lawyersNeeded", 0));
    completeTask(pi, "reviewPublicity", "coordinator", Map.of("publicityChecked", true));
    answerDuty(pi, "interpreter", "decline");

    Task arrange = task("arrangeEventDuty", pi);
    assertThat(arrange).isNotNull();
    assertThat(taskService.getVariable(arrange.getId(), "dutyLabel")).isEqualTo("通訳（ネパール語）");
    assertThat(taskService.getVariable(arrange.getId(), "arrangeOptions").toString())
        .contains("\"interpreter\"", "nobody");
    completeTask(pi, "arrangeEventDuty", "coordinator", Map.of("arrangedPerson", "interpreter"));

    assertThat(pi).isWaitingAt("waitForDay");
    assertThat(events.staff(ConsultationEvent.id(pi.getBusinessKey())))
        .extracting(ConsultationEvents.Staff::userId, ConsultationEvents.Staff::language)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("interpreter", "ne"));
  }

  @Test
  void aDutyNobodyCanTakeGoesStraightToTheCoordinatorWhoMayLeaveItEmpty() {
    // nobody interprets Khmer
    ProcessInstance pi = plan(Map.of("eventLanguages", FormJson.list("km"), "companionsNeeded", 0));
    completeTask(pi, "reviewPublicity", "coordinator", Map.of("publicityChecked", true));
    assertThat((String) runtimeService.getVariable(pi.getId(), "publicityText"))
        .contains("クメール語（km）の文面の見本がまだありません");

    completeTask(pi, "arrangeEventDuty", "coordinator", Map.of("arrangedPerson", "nobody"));
    // the lawyer's duty is still offered
    answerDuty(pi, "lawyer", "accept");
    assertThat(pi).isWaitingAt("waitForDay");
  }

  @Test
  void anOfferUnansweredForThreeDaysGoesToTheCoordinator() {
    ProcessInstance pi = plan(Map.of("eventLanguages", FormJson.list(), "lawyersNeeded", 0));
    completeTask(pi, "reviewPublicity", "coordinator", Map.of("publicityChecked", true));
    execute(job("dutyOfferExpired", pi));
    assertThat(task("arrangeEventDuty", pi)).isNotNull();
    completeTask(pi, "arrangeEventDuty", "coordinator", Map.of("arrangedPerson", "companion"));
    assertThat(pi).isWaitingAt("waitForDay");
  }

  @Test
  void theDayBeginsWhenItComesEvenWithDutiesOpenAndThePlannerReceives() {
    ProcessInstance pi = plan(Map.of("eventLanguages", FormJson.list(), "lawyersNeeded", 0));
    completeTask(pi, "reviewPublicity", "coordinator", Map.of("publicityChecked", true));
    assertThat(pi).isWaitingAt("offerEventDuty");

    execute(job("dayArrived", pi));

    assertThat(pi).isWaitingAt("closeEventDay");
    assertThat(openWalkIns(pi.getBusinessKey()))
        .singleElement()
        .satisfies(t -> assertThat(t.getAssignee()).isEqualTo("coordinator"));
    completeTask(pi, "closeEventDay", "coordinator", Map.of("dayClosed", true));
    assertThat(openWalkIns(pi.getBusinessKey())).isEmpty();
    assertThat((String) runtimeService.getVariable(pi.getId(), "eventReportSummary"))
        .contains("来場者：0人");
  }

  @Test
  void aWalkInWhoNeedsACaseButDidNotConsentIsRefusedAndNothingIsKept() {
    ProcessInstance pi = dayOpen();
    Task walkIn = openWalkIns(pi.getBusinessKey()).get(0);
    Map<String, Object> noConsent = walkIn("vi", "VN", "no-status", "residence");
    noConsent.put("followUp", "case");
    noConsent.put("personName", "同意のない人");
    noConsent.put("consentCaseWork", false);
    int casesBefore = summaries.all().size();

    assertThatThrownBy(() -> taskService.complete(walkIn.getId(), variables(noConsent)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("同意");

    assertThat(taskService.createTaskQuery().taskId(walkIn.getId()).count()).isEqualTo(1);
    assertThat(summaries.all()).hasSize(casesBefore);
    assertThat(events.seenAt(ConsultationEvent.id(pi.getBusinessKey()))).isEmpty();
  }

  @Test
  void aWalkInWhoSpeaksEasyJapaneseGetsACaseWithoutAnInterpreter() throws Exception {
    ProcessInstance pi = dayOpen();
    String marker = "Wk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Map<String, Object> followUp = walkIn("vi", "VN", "technical-intern", "labour");
    followUp.put("languages", FormJson.list("vi", "ja-easy"));
    followUp.put("followUp", "case");
    followUp.put("personName", marker + "Name");
    followUp.put("consentCaseWork", true);
    long decided = decisions().count();

    // sent from Tasklist: as the volunteer, who may not evaluate tables themselves
    identityService.setAuthentication("coordinator", List.of("coordinators"));
    try {
      receive(pi.getBusinessKey(), "coordinator", followUp);
    } finally {
      identityService.clearAuthentication();
    }

    CaseSummary opened =
        summaries.all().stream().filter(c -> marker.equals(nameOf(c))).findFirst().orElseThrow();
    assertThat(runtimeService.getVariable(opened.processInstanceId(), "interpreterNeeded"))
        .isEqualTo(false);
    // decided by the table, which was given the languages and nothing of the person
    assertThat(decisions().count()).isEqualTo(decided + 1);
    HistoricDecisionInstance decision =
        decisions().includeInputs().includeOutputs().orderByEvaluationTime().desc().list().get(0);
    assertThat(decision.getInputs())
        .extracting(i -> i.getClauseName(), i -> i.getValue())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("日本語で話せる", false),
            org.assertj.core.groups.Tuple.tuple("やさしい日本語で話せる", true));
    assertThat(decision.getOutputs())
        .singleElement()
        .satisfies(o -> assertThat(o.getValue()).isEqualTo(false));
    assertThat(MarkerScan.find(dataSource, List.of(marker))).isEmpty();
  }

  @Test
  void aTableThatGivesNoSingleAnswerDoesNotTurnTheWalkInAway() throws Exception {
    // a modeller's change: every row collected, so Japanese speakers get two answers
    String broken =
        java.nio.file.Files.readString(java.nio.file.Path.of("processes/interpreter-need.dmn"))
            .replace("hitPolicy=\"FIRST\"", "hitPolicy=\"COLLECT\"");
    var repository = engine.getRepositoryService();
    String deployment =
        repository
            .createDeployment()
            .name("broken interpreter table")
            .addString("interpreter-need.dmn", broken)
            .deploy()
            .getId();
    try {
      ProcessInstance pi = dayOpen();
      String marker = "Wk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
      Map<String, Object> followUp = walkIn("vi", "VN", "technical-intern", "labour");
      followUp.put("languages", FormJson.list("ja"));
      followUp.put("followUp", "case");
      followUp.put("personName", marker + "Name");
      followUp.put("consentCaseWork", true);

      receive(pi.getBusinessKey(), "coordinator", followUp);

      CaseSummary opened =
          summaries.all().stream().filter(c -> marker.equals(nameOf(c))).findFirst().orElseThrow();
      assertThat(runtimeService.getVariable(opened.processInstanceId(), "interpreterNeeded"))
          .isEqualTo(true);
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  private HistoricDecisionInstanceQuery decisions() {
    return historyService
        .createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("interpreter-need");
  }

  @Test
  void anEventInThePastIsRefused() {
    assertThatThrownBy(() -> plan(Map.of("eventDate", "2020-01-06")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("過ぎています");
  }

  // --- steps ---

  private ProcessInstance plan(Map<String, Object> overrides) {
    VariableMap plan =
        Variables.createVariables()
            .putValue("eventTitle", "ベトナムの人のための労働相談会")
            .putValue("eventDate", eventDate())
            .putValue("startTime", "13:00")
            .putValue("endTime", "16:00")
            .putValue("prefecture", "13")
            .putValue("venueType", "venue")
            .putValue("venue", "新宿区民センター")
            .putValueTyped("eventTopics", FormJson.list("labour", "residence"))
            .putValueTyped("eventLanguages", FormJson.list("vi"))
            .putValue("companionsNeeded", 1)
            .putValue("lawyersNeeded", 1);
    overrides.forEach(
        (k, v) -> {
          if (v instanceof org.camunda.bpm.engine.variable.value.TypedValue typed) {
            plan.putValueTyped(k, typed);
          } else {
            plan.putValue(k, v);
          }
        });
    String definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(ConsultationEvent.PROCESS_KEY)
            .latestVersion()
            .singleResult()
            .getId();
    identityService.setAuthentication("coordinator", List.of("coordinators"));
    try {
      return formService.submitStartForm(definition, plan);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** An event whose day has begun, with the planner at the only desk. */
  private ProcessInstance dayOpen() {
    ProcessInstance pi = plan(Map.of("eventLanguages", FormJson.list(), "lawyersNeeded", 0));
    completeTask(pi, "reviewPublicity", "coordinator", Map.of("publicityChecked", true));
    execute(job("dayArrived", pi));
    return pi;
  }

  private static String eventDate() {
    return LocalDate.now(EngineClock.JAPAN).plusDays(7).toString();
  }

  /** The offer of a duty to this user: claimed and answered. */
  private void answerDuty(ProcessInstance pi, String user, String answer) {
    Task offer =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("offerEventDuty")
            .taskCandidateUser(user)
            .list()
            .get(0);
    taskService.claim(offer.getId(), user);
    taskService.complete(offer.getId(), Map.of("dutyAnswer", answer));
  }

  private Map<String, Object> walkIn(
      String language, String nationality, String status, String problem) {
    Map<String, Object> v = new HashMap<>();
    v.put("languages", FormJson.list(language));
    v.put("nationality", nationality);
    v.put("residenceStatus", status);
    v.put("problemFields", FormJson.list(problem));
    v.put("prefecture", "13");
    v.put("consentStatistics", true);
    v.put("lastWalkIn", false);
    return v;
  }

  /** The volunteer's open walk-in form of this event, filled in and sent. */
  private void receive(String eventNumber, String volunteer, Map<String, Object> answers) {
    Task walkIn =
        openWalkIns(eventNumber).stream()
            .filter(t -> volunteer.equals(t.getAssignee()))
            .findFirst()
            .orElseThrow();
    taskService.complete(walkIn.getId(), variables(answers));
  }

  private static VariableMap variables(Map<String, Object> answers) {
    VariableMap variables = Variables.createVariables();
    answers.forEach(
        (k, v) -> {
          if (v instanceof org.camunda.bpm.engine.variable.value.TypedValue typed) {
            variables.putValueTyped(k, typed);
          } else {
            variables.putValue(k, v);
          }
        });
    return variables;
  }

  private List<Task> openWalkIns(String eventNumber) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey(ConsultationEvent.WALK_IN_PROCESS_KEY)
        .processInstanceBusinessKey(eventNumber)
        .list();
  }

  private void completeTask(
      ProcessInstance pi, String key, String user, Map<String, Object> variables) {
    Task task = task(key, pi);
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), user);
    }
    taskService.complete(task.getId(), variables);
  }

  private String nameOf(CaseSummary c) {
    String name = person.forChecks(c.caseNumber()).get("personName");
    return name != null && name.endsWith("Name") ? name.substring(0, name.length() - 4) : null;
  }

  private ResponseEntity<String> get(String path) {
    return rest.withBasicAuth("supervisor", "supervisor").getForEntity(path, String.class);
  }
}
