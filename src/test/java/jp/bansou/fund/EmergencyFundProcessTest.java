package jp.bansou.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Process {@code emergency-fund} (緊急支援金): a coordinator applies for the person of a case, the
 * review team decides at its Monday review (paid, reduced, refused), an emergency case goes by a
 * coordinator and a second approver instead, and the ledger follows every approval and payment.
 */
@CaseEngineTest
class EmergencyFundProcessTest {

  static final String KANTO = "kanto";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired FundLedger ledger;
  @Autowired TestRestTemplate rest;
  @Autowired jp.bansou.person.CaseAccess caseAccess;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @Test
  void theMondayReviewApprovesAndThePaymentFollowsTheNextDay() {
    ProcessInstance theCase = triagedCase(Intake.person());
    FundLedger.Row before = row();
    ProcessInstance pi = apply(theCase.getBusinessKey(), 3, "子どもの食費がない");
    assertThat(pi.getBusinessKey()).matches("FA-\\d{4}");
    assertThat(pi).isWaitingAt("weeklyReviewDue");
    var review = job("weeklyReviewDue", pi);
    var due = review.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
    assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(due.getHour()).isEqualTo(10);

    execute(review);
    Task decision = task("reviewAidApplication", pi);
    assertThat(taskService.getIdentityLinksForTask(decision.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("fund-reviewers"));
    assertThat((String) taskService.getVariable(decision.getId(), "aidSummary"))
        .contains(theCase.getBusinessKey(), "世帯の人数：3人", "60,000円", "関東");
    complete(decision, "reviewer", Map.of("aidDecision", "approve"));

    assertThat(pi).isWaitingAt("paymentDay");
    assertThat(row().committedYen() - before.committedYen()).isEqualTo(60_000);
    execute(job("paymentDay", pi));
    pay(pi, "PAY-2026-0042");

    assertThat(pi).isEnded().hasPassed("aidPaid");
    assertThat(row().committedYen()).isEqualTo(before.committedYen());
    assertThat(row().paidYen() - before.paidYen()).isEqualTo(60_000);
  }

  @Test
  void theReviewersReadTheApplicationButNotWhichRestrictedCaseItIsFor() {
    String restricted = triagedCase(Intake.person().with("restrictCase", true)).getBusinessKey();
    ProcessInstance pi = apply(restricted, 2, "");
    execute(job("weeklyReviewDue", pi));
    Task review = task("reviewAidApplication", pi);
    assertThat(taskService.getVariable(review.getId(), "aidCaseLabel"))
        .isEqualTo("制限されたケース（番号は担当のコーディネーターにだけ見えます）");

    // not through the task, a search on the number, or history (its variables; and its details,
    // where a database from before LastValueHistory kept the start form)
    var reviewer = rest.withBasicAuth("reviewer", "reviewer");
    for (String path :
        List.of(
            "/engine-rest/task/" + review.getId() + "/variables",
            "/engine-rest/task/" + review.getId() + "/form-variables",
            "/engine-rest/history/variable-instance?variableName=aidCaseNumber",
            "/engine-rest/history/detail?variableName=aidCaseNumber")) {
      ResponseEntity<String> answer = reviewer.getForEntity(path, String.class);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(answer.getBody()).as(path).doesNotContain(restricted);
    }
    ResponseEntity<String> search =
        reviewer.getForEntity(
            "/engine-rest/task?processVariables=aidCaseNumber_eq_" + restricted, String.class);
    assertThat(search.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(search.getBody()).doesNotContain(review.getId());
  }

  @Test
  void theReviewMayReduceTheAmountWithAReason() {
    ProcessInstance pi = appliedAndReviewed(triagedCase(Intake.person()), 2);
    FundLedger.Row before = row();
    Task decision = task("reviewAidApplication", pi);

    assertThatThrownBy(
            () ->
                complete(
                    decision,
                    "reviewer",
                    Map.of(
                        "aidDecision",
                        "reduce",
                        "reducedAidYen",
                        45_000,
                        "aidDecisionReason",
                        "x")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("45000円）より少なく");
    assertThatThrownBy(
            () ->
                taskService.complete(
                    decision.getId(), Map.of("aidDecision", "reduce", "reducedAidYen", 30_000)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("理由を書いてください");

    taskService.complete(
        decision.getId(),
        Map.of("aidDecision", "reduce", "reducedAidYen", 30_000, "aidDecisionReason", "今月は予算が少ない"));
    assertThat(row().committedYen() - before.committedYen()).isEqualTo(30_000);
    execute(job("paymentDay", pi));
    pay(pi, "PAY-2026-0043");
    assertThat(pi).isEnded().hasPassed("aidPaid");
    assertThat(row().paidYen() - before.paidYen()).isEqualTo(30_000);
  }

  @Test
  void aRefusalWithItsReasonGoesBackToTheCoordinatorWhoApplied() {
    ProcessInstance pi = appliedAndReviewed(triagedCase(Intake.person()), 1);
    FundLedger.Row before = row();

    complete(
        task("reviewAidApplication", pi),
        "reviewer",
        Map.of("aidDecision", "refuse", "aidDecisionReason", "生活保護の申請を先に支える"));

    Task note = task("noteAidRefusal", pi);
    assertThat(note.getAssignee()).isEqualTo("coordinator");
    assertThat(taskService.getVariable(note.getId(), "aidDecisionReason"))
        .isEqualTo("生活保護の申請を先に支える");
    taskService.complete(note.getId(), Map.of("refusalNoted", true));
    assertThat(pi).isEnded().hasPassed("aidNotGranted");
    assertThat(row()).isEqualTo(before);
  }

  @Test
  void anEmergencyCaseIsDecidedByACoordinatorAndASecondPersonAndPaidAtOnce() {
    ProcessInstance theCase = triagedCase(Intake.person().with("noFoodOrMoney", true));
    FundLedger.Row before = row();
    ProcessInstance pi = apply(theCase.getBusinessKey(), 1, "きょう食べるものがない");

    assertThat(pi).isWaitingAt("decideEmergencyAid");
    complete(task("decideEmergencyAid", pi), "coordinator", Map.of("emergencyDecision", "approve"));
    Task second = task("approveEmergencyAid", pi);
    taskService.claim(second.getId(), "coordinator");
    assertThatThrownBy(
            () -> taskService.complete(second.getId(), Map.of("secondApproval", "approve")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("2人目の承認者になれません");
    taskService.setAssignee(second.getId(), null);
    complete(task("approveEmergencyAid", pi), "reviewer", Map.of("secondApproval", "approve"));

    // no Monday, no next day: the payment is recorded now
    assertThat(pi).isWaitingAt("recordAidPayment");
    assertThat(row().committedYen() - before.committedYen()).isEqualTo(30_000);
    pay(pi, "PAY-2026-0044");
    assertThat(pi).isEnded().hasPassed("aidPaid").hasNotPassed("weeklyReviewDue");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .isZero();
  }

  @Test
  void anEmergencyTheCoordinatorOrTheSecondPersonDoesNotConfirmWaitsForMonday() {
    ProcessInstance byCoordinator =
        apply(triagedCase(Intake.person().with("noHousing", true)).getBusinessKey(), 2, "");
    complete(
        task("decideEmergencyAid", byCoordinator),
        "coordinator",
        Map.of("emergencyDecision", "weekly"));
    assertThat(byCoordinator).isWaitingAt("weeklyReviewDue");

    ProcessInstance bySecond =
        apply(triagedCase(Intake.person().with("violence", true)).getBusinessKey(), 2, "");
    complete(
        task("decideEmergencyAid", bySecond),
        "coordinator",
        Map.of("emergencyDecision", "approve"));
    complete(task("approveEmergencyAid", bySecond), "reviewer", Map.of("secondApproval", "weekly"));
    assertThat(bySecond).isWaitingAt("weeklyReviewDue");
  }

  @Test
  void anApplicationForAnUnknownOrClosedCaseOrTwiceOrNamingThePersonIsRefused() {
    assertThatThrownBy(() -> apply("1999-999999", 1, ""))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("申請できるのは、進行中のケースを担当するコーディネーターだけ");

    Intake person = Intake.person();
    ProcessInstance theCase = triagedCase(person);
    assertThatThrownBy(() -> apply(theCase.getBusinessKey(), 1, person.personName() + "さんの家賃"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("本人を特定できる情報（名前）");

    apply(theCase.getBusinessKey(), 1, "家賃");
    assertThatThrownBy(() -> apply(theCase.getBusinessKey(), 1, "家賃"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("まだ審査中");

    // a coordinator of another region: the same answer as for no case, whatever the note says,
    // so that the answer tells neither which cases exist nor whose name or phone is in one
    String other = "coordinator-fund-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    var user = identityService.newUser(other);
    user.setPassword("a-long-test-password");
    identityService.saveUser(user);
    identityService.createMembership(other, "coordinators");
    caseAccess.setRegions(other, List.of("47"));
    String noCase = jp.bansou.Refusals.messageOf(() -> apply(other, "1999-999999", 1, ""));
    Intake another = Intake.person();
    String notTheirs = triagedCase(another).getBusinessKey();
    for (String note :
        List.of("", another.personName() + "さんの家賃", "電話 " + another.variables().get("phone"))) {
      assertThat(jp.bansou.Refusals.messageOf(() -> apply(other, notTheirs, 1, note)))
          .isEqualTo(noCase.replace("1999-999999", notTheirs));
    }
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(EmergencyFund.PROCESS_KEY)
                .variableValueEquals("aidCaseNumber", notTheirs)
                .count())
        .isZero();
  }

  @Test
  void theLedgerIsOnTheDashboardAndInTheExportWithoutAnyIdentifierAndTheOfficeSetsTheBudget() {
    Intake person = Intake.person();
    ProcessInstance theCase = triagedCase(person);
    ProcessInstance pi = appliedAndReviewed(theCase, 1);
    complete(task("reviewAidApplication", pi), "reviewer", Map.of("aidDecision", "approve"));

    String month = YearMonth.now(EngineClock.JAPAN).toString();
    ResponseEntity<String> budget = putBudget("supervisor", month, KANTO, 500_000);
    assertThat(budget.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(row().budgetYen()).isEqualTo(500_000);
    assertThat(putBudget("coordinator", month, KANTO, 1).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(putBudget("supervisor", month, "atlantis", 1).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    // a month Java reads and the database cannot hold failed as a server error (a helper's find)
    for (String far : List.of("+999999999-12", "-999999999-01", "1999-12")) {
      ResponseEntity<String> refused = putBudget("supervisor", far, KANTO, 1);
      assertThat(refused.getStatusCode()).as(far).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("「年-月」");
    }
    // an amount JSON can write but no budget is: refused, the budget as it was
    for (String tooMuch : List.of("99999999999999999999999", "1e400", "1000000001", "1.5", "-1")) {
      ResponseEntity<String> refused = putBudgetText("supervisor", month, KANTO, tooMuch);
      assertThat(refused.getStatusCode()).as(tooMuch).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("整数");
    }
    assertThat(row().budgetYen()).isEqualTo(500_000);

    ResponseEntity<String> csv = get("/api/reports/fund-ledger.csv");
    ResponseEntity<String> dashboard = get("/api/dashboard");
    assertThat(csv.getBody())
        .startsWith("\uFEFF\"month\",\"region\"")
        .contains("\"" + month + "\",\"kanto\",\"関東\",\"500000\"");
    assertThat(dashboard.getBody()).contains("\"fundLedger\"", "\"regionName\":\"関東\"");
    for (ResponseEntity<String> export : List.of(csv, dashboard)) {
      assertThat(export.getBody())
          .doesNotContain(theCase.getBusinessKey(), pi.getBusinessKey(), person.personName());
    }
  }

  // --- steps ---

  /** An open case whose triage is done (emergency with an urgency signal, else normal). */
  private ProcessInstance triagedCase(Intake intake) {
    ProcessInstance pi = CaseDriver.start(engine, intake);
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    return pi;
  }

  private ProcessInstance apply(String caseNumber, int household, String note) {
    return apply("coordinator", caseNumber, household, note);
  }

  private ProcessInstance apply(String coordinator, String caseNumber, int household, String note) {
    VariableMap application =
        Variables.createVariables()
            .putValue("aidCaseNumber", caseNumber)
            .putValue("householdSize", household)
            .putValue("aidPurpose", "food-living")
            .putValue("aidPurposeNote", note);
    String definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(EmergencyFund.PROCESS_KEY)
            .latestVersion()
            .singleResult()
            .getId();
    identityService.setAuthentication(coordinator, List.of("coordinators"));
    try {
      return formService.submitStartForm(definition, application);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessInstance appliedAndReviewed(ProcessInstance theCase, int household) {
    ProcessInstance pi = apply(theCase.getBusinessKey(), household, "");
    execute(job("weeklyReviewDue", pi));
    return pi;
  }

  private void pay(ProcessInstance pi, String reference) {
    complete(
        task("recordAidPayment", pi),
        "reviewer",
        Map.of(
            "paymentReference", reference, "paidOn", LocalDate.now(EngineClock.JAPAN).toString()));
  }

  private FundLedger.Row row() {
    String month = YearMonth.now(EngineClock.JAPAN).toString();
    return ledger.find(month, KANTO).orElse(new FundLedger.Row(month, KANTO, 0, 0, 0));
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), user);
    }
    taskService.complete(task.getId(), variables);
  }

  private ResponseEntity<String> get(String path) {
    return rest.withBasicAuth("supervisor", "supervisor").getForEntity(path, String.class);
  }

  private ResponseEntity<String> putBudget(String user, String month, String region, long yen) {
    return putBudgetText(user, month, region, Long.toString(yen));
  }

  private ResponseEntity<String> putBudgetText(
      String user, String month, String region, String yen) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user)
        .exchange(
            "/api/fund/budgets/" + month + "/" + region,
            HttpMethod.PUT,
            new HttpEntity<>("{\"budgetYen\": " + yen + "}", headers),
            String.class);
  }
}
