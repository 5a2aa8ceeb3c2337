package jp.bansou.accompaniment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Process {@code office-accompaniment}: one test per path. */
@CaseEngineTest
class OfficeAccompanimentProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CompanionProfiles profiles;
  @Autowired FeeClaims feeClaims;
  @Autowired TestRestTemplate rest;
  @Autowired VisitOutcomes visitOutcomes;
  @Autowired jp.bansou.person.CaseAccess caseAccess;
  @Autowired jp.bansou.person.CaseVisibility visibility;
  @Autowired jp.bansou.deadlines.DeadlineWatches watches;

  private final List<String> createdInterpreters = new java.util.ArrayList<>();

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @org.junit.jupiter.api.AfterEach
  void retireTestInterpreters() {
    // the engine is shared: the next test must not meet this test's interpreters
    for (String id : createdInterpreters) {
      profiles.save(
          new CompanionProfile(id, id, List.of(), List.of(), List.of(), false, true, false));
    }
  }

  @Test
  void visitWithoutChecksOrInterpreterEndsWithAnApprovedFee() {
    ProcessInstance pi = start(track("technical-intern", false, "labour"));
    plan(pi, "labour-standards-office");

    assertThat(pi)
        .isWaitingAt("scheduleVisit")
        .hasNotPassed("assessReportingRisk", "findInterpreters");
    schedule(pi, LocalDate.now(EngineClock.JAPAN).plusDays(10));
    assertThat(task("recordVisitOutcome", pi)).isAssignedTo("companion");
    onTheVisitDay(pi, () -> complete(task("recordVisitOutcome", pi), outcome(2.99, false)));

    assertThat(pi)
        .isWaitingAt("approveFeeClaim")
        .variables()
        .containsEntry("companionFeeYen", 6000);
    assertThat(task("approveFeeClaim", pi)).hasCandidateGroup("coordinators");
    // the coordinator reads who claims what by name, not by login id
    assertThat((String) runtimeService.getVariable(pi.getId(), "feeSummary"))
        .contains("伴走者A（デモ）", "2.99 時間", "6,000 円")
        .doesNotContain("companion：");
    String caseNumber = caseNumberOf(pi);
    approveAs(pi, "coordinator");

    assertThat(pi).isEnded().hasPassed("recordFeeClaims", "accompanimentDone");
    List<FeeClaim> claims = claimsOf(caseNumber);
    assertThat(claims).hasSize(1);
    assertThat(claims.get(0))
        .extracting(FeeClaim::claimant, FeeClaim::role, FeeClaim::feeYen, FeeClaim::approvedBy)
        .containsExactly("companion", "companion", 6000, "coordinator");
  }

  @Test
  void reportingRiskAssessmentCanStopTheVisit() {
    ProcessInstance pi = start(track("provisional-release", false, "livelihood"));
    plan(pi, "welfare-office");

    assertThat(pi).isWaitingAt("assessReportingRisk");
    assertThat(task("assessReportingRisk", pi)).hasCandidateGroup("coordinators");
    complete(
        task("assessReportingRisk", pi),
        withVariables("riskAssessment", "窓口が通報する可能性が高い", "riskDecision", "stop"));

    assertThat(pi).isEnded().hasPassed("visitStoppedForRisk").hasNotPassed("scheduleVisit");
  }

  @Test
  void reportingRiskAssessmentCanAskALawyerAndThenAllowTheVisit() {
    ProcessInstance pi = start(track("no-status", false, "medical"));
    plan(pi, "municipal-office");
    complete(
        task("assessReportingRisk", pi),
        withVariables("riskAssessment", "判断に迷う", "riskDecision", "askLawyer"));

    assertThat(task("adviseOnReportingRisk", pi)).hasCandidateGroup("lawyers");
    complete(task("adviseOnReportingRisk", pi), withVariables("lawyerAdvice", "医療目的なら通報の可能性は低い"));
    assertThat(pi).isWaitingAt("assessReportingRisk");
    complete(task("assessReportingRisk", pi), withVariables("riskDecision", "allow"));

    assertThat(pi).isWaitingAt("scheduleVisit").hasPassed("adviseOnReportingRisk");
  }

  @Test
  void refugeeVisitingAnEmbassyIsAssessedToo() {
    ProcessInstance pi = start(track("designated-activities", false, "refugee"));
    plan(pi, "embassy");
    assertThat(pi).isWaitingAt("assessReportingRisk");
  }

  @Test
  void dvCaseConfirmsAddressConfidentialityBeforeAMunicipalOffice() {
    ProcessInstance pi = start(track("spouse-of-japanese", false, "dv"));
    plan(pi, "municipal-office");

    assertThat(task("confirmAddressConfidentiality", pi)).isAssignedTo("companion");
    complete(
        task("confirmAddressConfidentiality", pi), withVariables("addressProtection", "confirmed"));
    assertThat(pi).isWaitingAt("scheduleVisit");
  }

  @Test
  void dvCaseWithoutAddressProtectionStopsTheVisit() {
    ProcessInstance pi = start(track("spouse-of-japanese", false, "dv"));
    plan(pi, "welfare-office");

    complete(task("confirmAddressConfidentiality", pi), withVariables("addressProtection", "stop"));

    assertThat(pi).isEnded().hasPassed("visitStoppedForAddress");
  }

  @Test
  void dvCaseVisitingAHospitalNeedsNoAddressCheck() {
    ProcessInstance pi = start(track("spouse-of-japanese", false, "dv"));
    plan(pi, "hospital");
    assertThat(pi).isWaitingAt("scheduleVisit").hasNotPassed("confirmAddressConfidentiality");
  }

  @Test
  void interpreterDeclinesThenRemoteInterpretationIsOffered() {
    String local = interpreter("40", false);
    String remote = interpreter("01", true);
    VariableMap variables = track("technical-intern", true, "labour");
    variables.putValue("prefecture", "40");
    variables.putValueTyped("languages", FormJson.list(List.of(LANGUAGE)));
    ProcessInstance pi = start(variables);
    plan(pi, "hospital");

    assertThat(pi).variables().containsEntry("interpretationMode", "in-person");
    assertThat(task("offerInterpretation", pi)).hasCandidateUser(local);
    answerInterpretation(pi, local, "decline");

    assertThat(pi)
        .isWaitingAt("offerInterpretation")
        .variables()
        .containsEntry("interpretationMode", "remote");
    assertThat(task("offerInterpretation", pi)).hasCandidateUser(remote);
    answerInterpretation(pi, remote, "accept");

    assertThat(pi).isWaitingAt("scheduleVisit").variables().containsEntry("interpreterId", remote);
  }

  @Test
  void answeringAnInterpretationOfferWithoutClaimingItIsRefused() {
    interpreter("40", false);
    VariableMap variables = track("technical-intern", true, "labour");
    variables.putValue("prefecture", "40");
    variables.putValueTyped("languages", FormJson.list(List.of(LANGUAGE)));
    ProcessInstance pi = start(variables);
    plan(pi, "hospital");

    String taskId = task("offerInterpretation", pi).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("interpretationAnswer", "accept")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("このタスクを担当する");
    assertThat(pi).isWaitingAt("offerInterpretation");
  }

  @Test
  void nobodyAcceptingWithinTheOffersDeadlineEscalatesToTheCoordinator() {
    interpreter("40", false);
    VariableMap variables = track("technical-intern", true, "labour");
    variables.putValue("prefecture", "40");
    variables.putValueTyped("languages", FormJson.list(List.of(LANGUAGE)));
    ProcessInstance pi = start(variables);
    plan(pi, "hospital");
    // an ordinary case gives interpreters 48 hours (DMN offer-deadline)
    assertThat(pi).variables().containsEntry("offerDeadline", "PT48H");

    execute(job("interpreterOfferExpired", pi));

    assertThat(task("arrangeInterpreter", pi)).hasCandidateGroup("coordinators");
    complete(
        task("arrangeInterpreter", pi), withVariables("interpreterArrangement", "電話通訳サービスを予約"));
    assertThat(pi).isWaitingAt("scheduleVisit");
  }

  @Test
  void noInterpreterForTheLanguageGoesStraightToTheCoordinator() {
    VariableMap variables = track("technical-intern", true, "labour");
    variables.putValueTyped("languages", FormJson.list(List.of("si", "ja-easy")));
    variables.putValue("prefecture", "47");
    ProcessInstance pi = start(variables);
    plan(pi, "hospital");

    assertThat(pi)
        .isWaitingAt("arrangeInterpreter")
        .variables()
        .containsEntry("interpreterCandidateCount", 0L);
  }

  @Test
  void aRestrictedCaseIsOfferedToNoInterpreterAndItsCoordinatorArrangesOne() {
    String local = interpreter("40", false);
    VariableMap variables = track("spouse-of-japanese", true, "dv");
    variables.putValue("prefecture", "40");
    variables.putValueTyped("languages", FormJson.list(List.of(LANGUAGE)));
    caseAccess.opened(
        variables.getValue("caseNumber", String.class), "40", true, "coordinator", false);
    ProcessInstance pi = start(variables);
    plan(pi, "hospital");

    // where the person will be and when is told to nobody who has not been chosen
    assertThat(pi)
        .isWaitingAt("arrangeInterpreter")
        .hasNotPassed("offerInterpretation")
        .variables()
        .containsEntry("interpreterCandidateCount", 0L);
    assertThat(taskService.createTaskQuery().taskCandidateUser(local).count()).isZero();
    assertThat((String) runtimeService.getVariable(pi.getId(), "interpretationSummary"))
        .contains("見られる人を制限したケース");
    complete(task("arrangeInterpreter", pi), withVariables("interpreterArrangement", "通訳者に直接依頼"));
    assertThat(pi).isWaitingAt("scheduleVisit");
  }

  @Test
  void aCaseRestrictedWhileItsVisitIsOfferedTakesTheOfferBackFromTheInterpreters() {
    String local = interpreter("40", false);
    VariableMap variables = track("spouse-of-japanese", true, "dv");
    variables.putValue("prefecture", "40");
    variables.putValueTyped("languages", FormJson.list(List.of(LANGUAGE)));
    String caseNumber = variables.getValue("caseNumber", String.class);
    caseAccess.opened(caseNumber, "40", false, null, false);
    ProcessInstance pi = start(variables);
    plan(pi, "hospital");
    assertThat(task("offerInterpretation", pi)).hasCandidateUser(local);

    // nobody but the restricting step moves the offer: sent by hand through the REST API, the
    // message is refused in Japanese and the offer stays as it was
    for (String user : List.of("interpreter", "companion", "coordinator")) {
      var refused =
          rest.withBasicAuth(user, user)
              .postForEntity(
                  "/engine-rest/message",
                  new org.springframework.http.HttpEntity<>(
                      "{\"messageName\": \"CaseRestricted\", \"businessKey\": \""
                          + caseNumber
                          + "\", \"all\": true}",
                      jsonHeaders()),
                  String.class);
      org.assertj.core.api.Assertions.assertThat(refused.getStatusCode().value())
          .as(user + ": " + refused.getBody())
          .isEqualTo(403);
      org.assertj.core.api.Assertions.assertThat(refused.getBody())
          .contains("権限がありません")
          .doesNotContain("Exception", "org.camunda");
    }
    assertThat(pi).isWaitingAt("offerInterpretation");

    visibility.restrict(caseNumber, "coordinator");

    // the interpreter no longer sees where the person will be and when; the coordinator arranges
    assertThat(taskService.createTaskQuery().taskCandidateUser(local).count()).isZero();
    assertThat(pi).isWaitingAt("arrangeInterpreter").hasPassed("caseRestrictedDuringOffer");
    assertThat(task("arrangeInterpreter", pi)).isAssignedTo("coordinator");
    complete(task("arrangeInterpreter", pi), withVariables("interpreterArrangement", "通訳者に直接依頼"));
    assertThat(pi).isWaitingAt("scheduleVisit");
  }

  @Test
  void companionAndInterpreterAreRemindedTheDayBefore() {
    String local = interpreter("40", false);
    VariableMap variables = track("technical-intern", true, "labour");
    variables.putValue("prefecture", "40");
    variables.putValueTyped("languages", FormJson.list(List.of(LANGUAGE)));
    ProcessInstance pi = start(variables);
    plan(pi, "hospital");
    answerInterpretation(pi, local, "accept");
    assertThat((String) runtimeService.getVariable(pi.getId(), "interpreterSummary"))
        .startsWith("通訳：**" + jp.bansou.engine.Markdown.escape(local) + "**（");
    LocalDate visitDay = LocalDate.now(EngineClock.JAPAN).plusDays(5);
    schedule(pi, visitDay);

    Job reminder = job("dayBeforeVisit", pi);
    ZonedDateTime due = reminder.getDuedate().toInstant().atZone(EngineClock.JAPAN);
    assertThat(due.toLocalDate()).isEqualTo(visitDay.minusDays(1));
    assertThat(due.getHour()).isEqualTo(10);
    execute(reminder);

    assertThat(task("remindCompanion", pi)).isAssignedTo("companion");
    assertThat(task("remindInterpreter", pi)).isAssignedTo(local);
    assertThat(pi).isWaitingAt("recordVisitOutcome", "remindCompanion", "remindInterpreter");
    complete(task("remindCompanion", pi), withVariables("reminderConfirmed", true));
    complete(task("remindInterpreter", pi), withVariables("reminderConfirmed", true));
    assertThat(pi)
        .hasPassed("companionReminded", "interpreterReminded")
        .isWaitingAt("recordVisitOutcome");

    onTheVisitDay(
        pi,
        () ->
            complete(
                task("recordVisitOutcome", pi),
                outcome(3, false).putValue("interpreterHours", 3.01)));
    assertThat(pi)
        .variables()
        .containsEntry("companionFeeYen", 10000)
        .containsEntry("interpreterFeeYen", 10000);
    String caseNumber = caseNumberOf(pi);
    approveAs(pi, "coordinator");
    assertThat(claimsOf(caseNumber))
        .extracting(FeeClaim::claimant, FeeClaim::role, FeeClaim::feeYen)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("companion", "companion", 10000),
            org.assertj.core.groups.Tuple.tuple(local, "interpreter", 10000));
  }

  @Test
  void reminderForAVisitScheduledTooLateComesAtOnce() {
    ProcessInstance pi = start(track("technical-intern", false, "labour"));
    plan(pi, "hospital");
    schedule(pi, LocalDate.now(EngineClock.JAPAN));
    assertThat(job("dayBeforeVisit", pi).getDuedate()).isBeforeOrEqualTo(new java.util.Date());
  }

  @Test
  void withoutAnInterpreterOnlyTheCompanionIsReminded() {
    ProcessInstance pi = start(track("technical-intern", false, "labour"));
    plan(pi, "hospital");
    schedule(pi, LocalDate.now(EngineClock.JAPAN).plusDays(2));

    execute(job("dayBeforeVisit", pi));

    assertThat(pi)
        .hasPassed("interpreterNotReminded")
        .hasNotPassed("remindInterpreter")
        .isWaitingAt("recordVisitOutcome", "remindCompanion");
  }

  @Test
  void followUpVisitLoopsBackToPlanning() {
    ProcessInstance pi = start(track("technical-intern", false, "labour"));
    plan(pi, "hello-work");
    schedule(pi, LocalDate.now(EngineClock.JAPAN).plusDays(3));
    onTheVisitDay(pi, () -> complete(task("recordVisitOutcome", pi), outcome(1.5, true)));
    approveAs(pi, "coordinator");

    assertThat(pi).isWaitingAt("planVisit");
    assertThat(task("planVisit", pi)).isAssignedTo("companion");
  }

  @Test
  void rejectedClaimIsNotRecordedForPayment() {
    ProcessInstance pi = start(track("technical-intern", false, "labour"));
    plan(pi, "hello-work");
    schedule(pi, LocalDate.now(EngineClock.JAPAN).plusDays(3));
    onTheVisitDay(pi, () -> complete(task("recordVisitOutcome", pi), outcome(2, false)));
    String caseNumber = caseNumberOf(pi);

    taskService.claim(task("approveFeeClaim", pi).getId(), "coordinator");
    complete(
        task("approveFeeClaim", pi),
        withVariables("feeDecision", "reject", "feeRejectionReason", "同じ日の二重請求"));

    assertThat(pi).isEnded().hasNotPassed("recordFeeClaims");
    assertThat(claimsOf(caseNumber)).isEmpty();
  }

  @Test
  void approvedClaimsAreListedPerMonthForCoordinatorsAndSupervisorsOnly() {
    ProcessInstance pi = start(track("technical-intern", false, "labour"));
    plan(pi, "hello-work");
    schedule(pi, LocalDate.now(EngineClock.JAPAN).plusDays(3));
    onTheVisitDay(pi, () -> complete(task("recordVisitOutcome", pi), outcome(4, false)));
    String caseNumber = caseNumberOf(pi);
    approveAs(pi, "coordinator");
    String month = YearMonth.now(EngineClock.JAPAN).toString();

    ResponseEntity<String> supervisor =
        rest.withBasicAuth("supervisor", "supervisor")
            .getForEntity("/api/fee-claims?month=" + month, String.class);
    assertThat(supervisor.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(supervisor.getBody()).contains(caseNumber, "\"feeYen\":10000");

    assertThat(
            rest.withBasicAuth("companion2", "companion2")
                .getForEntity("/api/fee-claims?month=" + month, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/fee-claims?month=" + month, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.withBasicAuth("coordinator", "coordinator")
                .getForEntity("/api/fee-claims?month=11-2026", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  /**
   * A case restricted after a track has ended takes that track's history with it: where and when
   * the person met the companion is no longer read by supervisors or other coordinators.
   */
  @Test
  void aCaseRestrictedLaterTakesItsEndedTracksWithIt() {
    VariableMap variables = track("technical-intern", false, "labour");
    String caseNumber = variables.getValue("caseNumber", String.class);
    // the case's access row, as its intake writes it before any track starts
    caseAccess.opened(caseNumber, "13", false, null, false);
    ProcessInstance pi = start(variables);
    plan(pi, "hello-work");
    schedule(pi, LocalDate.now(EngineClock.JAPAN).plusDays(3));
    onTheVisitDay(pi, () -> complete(task("recordVisitOutcome", pi), outcome(2, false)));
    taskService.claim(task("approveFeeClaim", pi).getId(), "coordinator");
    complete(
        task("approveFeeClaim", pi),
        withVariables("feeDecision", "reject", "feeRejectionReason", "同じ日の二重請求"));
    assertThat(pi).isEnded();
    String meetingPlace =
        "/engine-rest/history/variable-instance?variableName=meetingPlace&processInstanceId="
            + pi.getId();
    assertThat(
            rest.withBasicAuth("supervisor", "supervisor")
                .getForEntity(meetingPlace, String.class)
                .getBody())
        .contains("meetingPlace");

    visibility.restrict(caseNumber, "coordinator");

    for (String path :
        List.of(
            meetingPlace,
            "/engine-rest/history/process-instance?processInstanceId=" + pi.getId(),
            "/engine-rest/history/task?processInstanceId=" + pi.getId())) {
      assertThat(
              rest.withBasicAuth("supervisor", "supervisor")
                  .getForEntity(path, String.class)
                  .getBody())
          .as(path)
          .isEqualTo("[]");
    }
    assertThat(
            rest.withBasicAuth("coordinator", "coordinator")
                .getForEntity(meetingPlace, String.class)
                .getBody())
        .as("the named coordinator")
        .contains("meetingPlace");
  }

  /** A restricted case's claim is paid, and the list names neither the case nor the day. */
  @Test
  void aRestrictedCasesClaimIsListedWithoutItsCaseOrDay() {
    ProcessInstance pi = start(track("technical-intern", false, "labour"));
    plan(pi, "hello-work");
    LocalDate day = LocalDate.now(EngineClock.JAPAN).plusDays(3);
    schedule(pi, day);
    onTheVisitDay(pi, () -> complete(task("recordVisitOutcome", pi), outcome(4, false)));
    String caseNumber = caseNumberOf(pi);
    approveAs(pi, "coordinator");
    if (caseAccess.find(caseNumber).isEmpty()) {
      // a track started on its own here: its case's access row, as the case's intake writes it
      caseAccess.opened(caseNumber, "13", false, null, false);
    }
    caseAccess.restrict(caseNumber, "coordinator");

    String list =
        rest.withBasicAuth("supervisor", "supervisor")
            .getForEntity("/api/fee-claims?month=" + YearMonth.now(EngineClock.JAPAN), String.class)
            .getBody();
    assertThat(list).doesNotContain(caseNumber).contains("制限されたケース（番号は担当のコーディネーターにだけ見えます）");
    assertThat(list).contains("\"visitDate\":null");
  }

  @Test
  void aWelfareApplicationOfAStudentShowsTheAlternativesOnThePlanUntilConfirmed() {
    ProcessInstance pi = start(track("student", false, "livelihood"));
    plan(pi, "welfare-office", "public-assistance");

    // back on the plan, with the notice and what to propose instead
    assertThat(pi).isWaitingAt("planVisit").hasPassed("decideEligibility", "summariseVisitPlan");
    assertThat((String) runtimeService.getVariable(pi.getId(), "eligibilitySummary"))
        .contains("準用されません", "社会福祉協議会の貸付", "住居確保給付金", "無料低額診療");
    assertThat(pi).variables().containsEntry("eligibilityToConfirm", true);

    plan(pi, "welfare-office", "public-assistance", "eligibilityConfirmed", true);

    assertThat(pi).isWaitingAt("scheduleVisit").hasNotPassed("assessReportingRisk");
  }

  @Test
  void changingThePurposeAfterTheNoticeNeedsNoConfirmation() {
    ProcessInstance pi = start(track("student", false, "livelihood"));
    plan(pi, "welfare-office", "public-assistance");

    plan(pi, "social-welfare-council", "livelihood-support");

    assertThat(pi).isWaitingAt("scheduleVisit");
    assertThat(runtimeService.getVariable(pi.getId(), "eligibilitySummary")).isNull();
  }

  /** 生活保護法24条5項: the decision within 14 days, watched by the case's watch. */
  @Test
  void aWelfareApplicationUnderAnalogyIsWatchedUntilItsDecision() {
    ProcessInstance pi = start(track("permanent-resident", false, "livelihood"));
    plan(pi, "welfare-office", "public-assistance");
    assertThat((String) runtimeService.getVariable(pi.getId(), "eligibilitySummary"))
        .contains("準用", "審査請求はできません");
    plan(pi, "welfare-office", "public-assistance", "eligibilityConfirmed", true);
    LocalDate visitDay = LocalDate.now(EngineClock.JAPAN).plusDays(3);
    schedule(pi, visitDay);

    onTheVisitDay(pi, () -> complete(task("recordVisitOutcome", pi), outcome(2, false)));

    assertThat(pi).hasPassed("keepVisitOutcome", "enterDecisionDeadline");
    Job alert = watchAlert(caseNumberOf(pi));
    ZonedDateTime due = alert.getDuedate().toInstant().atZone(EngineClock.JAPAN);
    assertThat(due.toLocalDate()).isEqualTo(visitDay.plusDays(14).minusDays(1));
    assertThat(runtimeService.getVariable(alert.getExecutionId(), "deadlineNote"))
        .isEqualTo("テスト窓口");
  }

  @Test
  void aWelfareApplicationThatDidNotHappenIsNotWatched() {
    ProcessInstance pi = start(track("permanent-resident", false, "livelihood"));
    plan(pi, "welfare-office", "public-assistance");
    plan(pi, "welfare-office", "public-assistance", "eligibilityConfirmed", true);
    schedule(pi, LocalDate.now(EngineClock.JAPAN).plusDays(3));

    complete(
        task("recordVisitOutcome", pi),
        withVariables("visitResult", "postponed", "visitOutcome", "延期", "hoursSpent", 0));

    assertThat(pi).hasPassed("decisionWatchGateway").hasNotPassed("enterDecisionDeadline");
  }

  @Test
  void atImmigrationAPersonOnProvisionalReleaseIsAssessedForDetention() {
    ProcessInstance pi = start(track("provisional-release", false, "refugee"));
    plan(pi, "immigration-bureau", "immigration-reporting");

    assertThat(pi).isWaitingAt("assessReportingRisk");
    assertThat((String) runtimeService.getVariable(pi.getId(), "visitCheckSummary"))
        .contains("収容のリスク")
        .doesNotContain("通報のリスク");
  }

  @Test
  void aPersonOnProvisionalReleaseGoingToAnotherPrefectureConfirmsTheTravelPermission() {
    ProcessInstance pi = start(track("provisional-release", false, "medical"));
    plan(pi, "hospital", "medical-care", "officePrefecture", "14");

    assertThat(task("confirmTravelPermission", pi)).isAssignedTo("companion");
    complete(task("confirmTravelPermission", pi), withVariables("travelPermission", "permitted"));

    assertThat(pi).isWaitingAt("scheduleVisit").hasPassed("travelMerge");
  }

  @Test
  void withoutATravelPermissionTheVisitStops() {
    ProcessInstance pi = start(track("provisional-release", false, "medical"));
    plan(pi, "hospital", "medical-care", "officePrefecture", "14");

    complete(task("confirmTravelPermission", pi), withVariables("travelPermission", "stop"));

    assertThat(pi).isEnded().hasPassed("visitStoppedForTravel");
  }

  /** The address check never blocks the visit that asks for 支援措置: it leads to it. */
  @Test
  void aDvCaseCanAskForSupportMeasuresFirst() {
    ProcessInstance pi = start(track("spouse-of-japanese", false, "dv"));
    plan(pi, "municipal-office", "residence-registration");
    complete(
        task("confirmAddressConfidentiality", pi),
        withVariables("addressProtection", "requestFirst"));

    assertThat(pi).isWaitingAt("planVisit");
    plan(pi, "municipal-office", "support-measures");

    assertThat(pi).isWaitingAt("scheduleVisit");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId("confirmAddressConfidentiality")
                .count())
        .isEqualTo(1);
  }

  @Test
  void aRefusalAtTheCounterIsKeptInCategoriesAndCanBeFlaggedAtOnce() {
    ProcessInstance pi = start(track("technical-intern", false, "livelihood"));
    plan(pi, "welfare-office", "livelihood-support");
    schedule(pi, LocalDate.now(EngineClock.JAPAN).plusDays(2));
    String caseNumber = caseNumberOf(pi);
    List<String> issuesBefore = policyIssueIds();

    onTheVisitDay(
        pi,
        () ->
            complete(
                task("recordVisitOutcome", pi),
                outcome(2, false)
                    .putValue("visitResult", "not-done")
                    .putValueTyped(
                        "barriers", FormJson.list(List.of("refused-application", "no-interpreter")))
                    .putValue("systemicProblem", true)
                    .putValue("advocacyField", "welfare")
                    .putValue("policyDescription", "窓口が技能実習生の相談を受け付けない")));

    assertThat(pi).hasPassed("keepVisitOutcome", "flagBarrier").isWaitingAt("approveFeeClaim");
    assertThat(visitOutcomes.ofCase(caseNumber))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.officeType()).isEqualTo("welfare-office");
              assertThat(v.officePrefecture()).isEqualTo("13");
              assertThat(v.barriers()).containsExactly("refused-application", "no-interpreter");
              assertThat(v.policyFlagged()).isTrue();
            });
    List<ProcessInstance> raised =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("policy-issue")
            .list()
            .stream()
            .filter(i -> !issuesBefore.contains(i.getId()))
            .toList();
    assertThat(raised).hasSize(1);
    Map<String, Object> facts = runtimeService.getVariables(raised.get(0).getId());
    assertThat((String) facts.get("evidenceSummary"))
        .contains("福祉事務所", "申請を受け付けなかった", "支援中")
        .doesNotContain(caseNumber);
    assertThat(facts).containsEntry("advocacyField", "welfare").doesNotContainKey("caseNumber");
  }

  @Test
  void theNextVisitStartsWithoutTheLastBarriers() {
    ProcessInstance pi = start(track("technical-intern", false, "labour"));
    plan(pi, "hello-work", "job-seeking");
    schedule(pi, LocalDate.now(EngineClock.JAPAN).plusDays(2));
    onTheVisitDay(
        pi,
        () ->
            complete(
                task("recordVisitOutcome", pi),
                outcome(1, true)
                    .putValueTyped("barriers", FormJson.list(List.of("companion-refused")))));
    assertThat(pi).hasNotPassed("flagBarrier");
    approveAs(pi, "coordinator");
    plan(pi, "hello-work", "job-seeking");
    schedule(pi, LocalDate.now(EngineClock.JAPAN).plusDays(9));

    assertThat(runtimeService.getVariables(pi.getId()))
        .doesNotContainKeys("barriers", "systemicProblem", "barrierSummary");
  }

  @Test
  void anUrgentCaseGivesInterpretersADay() {
    interpreter("40", false);
    VariableMap variables = track("technical-intern", true, "labour");
    variables.putValue("prefecture", "40");
    variables.putValue("urgency", "urgent");
    variables.putValueTyped("languages", FormJson.list(List.of(LANGUAGE)));
    ProcessInstance pi = start(variables);
    plan(pi, "hospital");

    assertThat(pi).variables().containsEntry("offerDeadline", "PT24H");
    assertThat(task("offerInterpretation", pi).getDueDate())
        .isCloseTo(
            java.util.Date.from(
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                    .toInstant()
                    .plus(java.time.Duration.ofHours(24))),
            60_000);
    assertThat(job("interpreterOfferExpired", pi).getDuedate())
        .isCloseTo(task("offerInterpretation", pi).getDueDate(), 60_000);
  }

  private Job watchAlert(String caseNumber) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(watches.find(caseNumber).orElseThrow().getId())
        .activityId("alertDue")
        .singleResult();
  }

  private List<String> policyIssueIds() {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey("policy-issue")
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .toList();
  }

  // --- steps ---

  static final String LANGUAGE = "km";

  private ProcessInstance start(VariableMap variables) {
    String caseNumber = variables.getValue("caseNumber", String.class);
    return runtimeService.startProcessInstanceByKey("office-accompaniment", caseNumber, variables);
  }

  /** The variables the case hands to the track (see the call activity in accompaniment-case). */
  private VariableMap track(String residenceStatus, boolean interpreterNeeded, String problem) {
    return Variables.createVariables()
        .putValue(
            "caseNumber",
            "2026-9" + String.format("%05d", Math.abs(UUID.randomUUID().hashCode() % 100000)))
        .putValue("track", "office-accompaniment")
        .putValue("companionId", "companion")
        .putValue("prefecture", "13")
        .putValue("officePrefecture", "13")
        .putValueTyped("languages", FormJson.list(List.of("vi", "ja-easy")))
        .putValue("interpreterNeeded", interpreterNeeded)
        .putValue("residenceStatus", residenceStatus)
        .putValue("statusCategory", "work")
        .putValueTyped("problemFields", FormJson.list(List.of(problem)))
        .putValue("urgency", "normal")
        .putValue("caseOverview", "- 地域：東京都");
  }

  private void plan(ProcessInstance pi, String officeType) {
    plan(pi, officeType, "other");
  }

  private void plan(ProcessInstance pi, String officeType, String purpose, Object... more) {
    Map<String, Object> variables =
        withVariables(
            "officeType",
            officeType,
            "officeName",
            "テスト窓口",
            "visitPurpose",
            purpose,
            "documentsToBring",
            FormJson.list(List.of("residence-card")),
            "proposedDates",
            "来週");
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    complete(task("planVisit", pi), variables);
  }

  private void schedule(ProcessInstance pi, LocalDate day) {
    complete(
        task("scheduleVisit", pi),
        withVariables("visitDate", day.toString(), "visitTime", "10:00", "meetingPlace", "駅の改札"));
  }

  /** Runs the step on the evening of the visit's day: an outcome is recorded after the visit. */
  private void onTheVisitDay(ProcessInstance pi, Runnable step) {
    LocalDate day = LocalDate.parse((String) runtimeService.getVariable(pi.getId(), "visitDate"));
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
        java.util.Date.from(
            day.atTime(18, 0).atZone(jp.bansou.engine.EngineClock.JAPAN).toInstant()));
    try {
      step.run();
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void anOutcomeWaitsForTheVisitsDayButAPostponementDoesNot() {
    ProcessInstance pi = start(track("technical-intern", false, "labour"));
    plan(pi, "labour-standards-office");
    schedule(pi, LocalDate.now(jp.bansou.engine.EngineClock.JAPAN).plusDays(5));

    assertThatThrownBy(() -> complete(task("recordVisitOutcome", pi), outcome(2, false)))
        .hasRootCauseInstanceOf(jp.bansou.engine.Refusal.class)
        .hasMessageContaining("中止・延期になった");
    assertThat(pi).isWaitingAt("recordVisitOutcome");

    complete(
        task("recordVisitOutcome", pi),
        withVariables("visitResult", "postponed", "visitOutcome", "先方の都合で延期", "hoursSpent", 0));
    assertThat(pi).hasPassed("recordVisitOutcome");
  }

  private VariableMap outcome(double hours, boolean followUp) {
    return Variables.createVariables()
        .putValue("visitResult", "done")
        .putValue("visitOutcome", "申請できた")
        .putValue("hoursSpent", hours)
        .putValue("followUpNeeded", followUp);
  }

  private void approveAs(ProcessInstance pi, String coordinator) {
    taskService.claim(task("approveFeeClaim", pi).getId(), coordinator);
    complete(task("approveFeeClaim", pi), withVariables("feeDecision", "approve"));
  }

  private void answerInterpretation(ProcessInstance pi, String interpreter, String answer) {
    taskService.claim(task("offerInterpretation", pi).getId(), interpreter);
    complete(task("offerInterpretation", pi), withVariables("interpretationAnswer", answer));
  }

  /** A fictional interpreter of a language no demo profile speaks, so tests do not meet. */
  private String interpreter(String prefecture, boolean remote) {
    String id = "interp-" + UUID.randomUUID().toString().substring(0, 8);
    profiles.save(
        new CompanionProfile(
            id,
            id,
            List.of(prefecture),
            List.of("ja", LANGUAGE),
            List.of("casework"),
            remote,
            true,
            true));
    createdInterpreters.add(id);
    return id;
  }

  private static org.springframework.http.HttpHeaders jsonHeaders() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

  private String caseNumberOf(ProcessInstance pi) {
    return (String) runtimeService.getVariable(pi.getId(), "caseNumber");
  }

  private List<FeeClaim> claimsOf(String caseNumber) {
    return feeClaims.approvedIn(YearMonth.now(EngineClock.JAPAN)).stream()
        .filter(c -> c.caseNumber().equals(caseNumber))
        .toList();
  }
}
