package jp.bansou.legal;

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
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Process {@code lawyer-escalation}: one test per path. */
@CaseEngineTest
class LawyerEscalationProcessTest {

  static final String SECOND_LAWYER = "lawyer-b-test";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired jp.bansou.deadlines.DeadlineWatches watches;
  @Autowired jp.bansou.person.CaseAccess caseAccess;
  @Autowired jp.bansou.person.CaseVisibility visibility;

  @BeforeEach
  void setUp() {
    init(engine);
    if (identityService.createUserQuery().userId(SECOND_LAWYER).count() == 0) {
      User user = identityService.newUser(SECOND_LAWYER);
      user.setPassword("a-long-test-password");
      identityService.saveUser(user);
      identityService.createMembership(SECOND_LAWYER, "lawyers");
    }
  }

  @AfterEach
  void removeSecondLawyer() {
    identityService.deleteUser(SECOND_LAWYER);
  }

  @Test
  void lawyerAcceptsAfterTheConflictCheckAndReportsTheOutcome() {
    ProcessInstance pi = start();
    prepare(pi, false, false, null);
    assertThat(pi).variables().containsEntry("legalAidRoute", "jfba-foreigner");

    assertThat(task("offerToLawyers", pi))
        .hasCandidateUser("lawyer")
        .hasCandidateUser(SECOND_LAWYER);
    taskService.claim(task("offerToLawyers", pi).getId(), "lawyer");
    String offer = task("offerToLawyers", pi).getId();
    assertThatThrownBy(() -> taskService.complete(offer, Map.of("lawyerAnswer", "accept")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("利益相反");
    complete(
        task("offerToLawyers", pi),
        withVariables("lawyerAnswer", "accept", "conflictOfInterestChecked", true));

    assertThat(pi).variables().containsEntry("lawyerId", "lawyer");
    assertThat(task("handleLegalMatter", pi)).isAssignedTo("lawyer");
    complete(
        task("handleLegalMatter", pi),
        withVariables(
            "matterAction", "report", "legalOutcome", "won", "legalOutcomeSummary", "未払い賃金を回収"));
    assertThat(pi).isEnded().hasPassed("legalOutcomeReported");
  }

  @Test
  void declinedReferralGoesToTheNextLawyer() {
    ProcessInstance pi = start();
    prepare(pi, true, false, null);

    taskService.claim(task("offerToLawyers", pi).getId(), "lawyer");
    complete(
        task("offerToLawyers", pi),
        withVariables("lawyerAnswer", "decline", "lawyerDeclineReason", "利益相反"));

    assertThat(task("offerToLawyers", pi)).hasCandidateUser(SECOND_LAWYER);
    assertThat(
            taskService.getIdentityLinksForTask(task("offerToLawyers", pi).getId()).stream()
                .map(l -> l.getUserId()))
        .doesNotContain("lawyer");
    taskService.claim(task("offerToLawyers", pi).getId(), SECOND_LAWYER);
    complete(task("offerToLawyers", pi), withVariables("lawyerAnswer", "decline"));

    assertThat(task("arrangeLawyer", pi)).hasCandidateGroup("coordinators");
  }

  @Test
  void nobodyWithinTheOffersDeadlineGoesToTheCoordinator() {
    ProcessInstance pi = start();
    prepare(pi, true, false, null);
    // an ordinary referral waits 72 hours (DMN offer-deadline)
    assertThat(pi).variables().containsEntry("offerDeadline", "PT72H");

    execute(job("lawyerOfferExpired", pi));

    assertThat(task("arrangeLawyer", pi)).hasCandidateGroup("coordinators");
    complete(
        task("arrangeLawyer", pi),
        withVariables("legalAidRoute", "houterasu-civil", "lawyerArrangement", "弁護士会の当番弁護士"));
    assertThat(task("handleLegalMatter", pi)).hasCandidateGroup("coordinators");
  }

  @Test
  void aRestrictedCaseIsOfferedToNoLawyerAndItsCoordinatorAsksOne() {
    String caseNumber = newCaseNumber();
    caseAccess.opened(caseNumber, "13", true, "coordinator", false);
    ProcessInstance pi = start(caseNumber, "normal");
    assertThat(task("prepareReferral", pi)).isAssignedTo("coordinator");
    fillReferral(pi, true, false, null);

    // that the case exists and what it is about is told to no lawyer nobody chose
    assertThat(pi)
        .isWaitingAt("arrangeLawyer")
        .hasNotPassed("offerToLawyers")
        .variables()
        .containsEntry("lawyerCandidateCount", 0L)
        .containsEntry("lawyerOfferWithheld", true);
    assertThat(offeredTo("lawyer", pi)).isZero();
    assertThat(offeredTo(SECOND_LAWYER, pi)).isZero();
    assertThat(task("arrangeLawyer", pi)).isAssignedTo("coordinator");
    complete(
        task("arrangeLawyer", pi),
        withVariables("legalAidRoute", "houterasu-civil", "lawyerArrangement", "協力弁護士に直接依頼"));
    assertThat(task("handleLegalMatter", pi)).isAssignedTo("coordinator");
  }

  @Test
  void aCaseRestrictedWhileItsReferralIsOfferedTakesTheOfferBackFromTheLawyers() {
    String caseNumber = newCaseNumber();
    caseAccess.opened(caseNumber, "13", false, null, false);
    ProcessInstance pi = start(caseNumber, "normal");
    prepare(pi, true, false, null);
    assertThat(task("offerToLawyers", pi))
        .hasCandidateUser("lawyer")
        .hasCandidateUser(SECOND_LAWYER);
    assertThat(pi).variables().containsEntry("lawyerOfferWithheld", false);

    visibility.restrict(caseNumber, "coordinator");

    assertThat(offeredTo("lawyer", pi)).isZero();
    assertThat(offeredTo(SECOND_LAWYER, pi)).isZero();
    assertThat(pi)
        .isWaitingAt("arrangeLawyer")
        .hasPassed("caseRestrictedDuringLawyerOffer")
        .variables()
        .containsEntry("lawyerOfferWithheld", true);
    assertThat(task("arrangeLawyer", pi)).isAssignedTo("coordinator");
    assertThat(job("lawyerOfferExpired", pi)).isNull();
  }

  @Test
  void deadlineEnteredByTheLawyerGoesToTheCasesWatchAndAlertsTheLawyer() {
    ProcessInstance pi = start();
    prepare(pi, true, false, null);
    accept(pi);
    LocalDate deadline = LocalDate.now(EngineClock.JAPAN).plusDays(9);

    complete(
        task("handleLegalMatter", pi),
        withVariables(
            "matterAction", "addDeadline",
            "legalDeadlineType", "appeal",
            "legalDeadlineDate", deadline.toString(),
            "legalDeadlineNote", "審査請求"));

    assertThat(pi).hasPassed("enterMatterDeadline").isWaitingAt("handleLegalMatter");
    assertThat(pi).variables().doesNotContainKeys("legalDeadlineDate", "legalDeadlineType");
    List<Job> alerts = watchAlerts(pi);
    assertThat(alerts).hasSize(1);
    ZonedDateTime due = alerts.get(0).getDuedate().toInstant().atZone(EngineClock.JAPAN);
    // an appeal alerts 5 days ahead (DMN deadline-types), at 9:00
    assertThat(due.toLocalDate()).isEqualTo(deadline.minusDays(5));
    assertThat(due.getHour()).isEqualTo(9);

    engine.getManagementService().executeJob(alerts.get(0).getId());
    ProcessInstance watch = watches.find(pi.getBusinessKey()).orElseThrow();
    assertThat(watchTask(watch, "alertCaseWorkers").getAssignee()).isEqualTo("lawyer");
    assertThat(
            taskService.getVariable(watchTask(watch, "alertCaseWorkers").getId(), "deadlineNote"))
        .isEqualTo("審査請求");
    assertThat(watchTask(watch, "alertCoordinators")).isNotNull();
  }

  @Test
  void deadlineEnteredByTheCoordinatorAtReferralIsWatchedToo() {
    ProcessInstance pi = start();
    prepare(pi, false, true, LocalDate.now(EngineClock.JAPAN).plusDays(1).toString());

    assertThat(pi).variables().containsEntry("legalAidRoute", "jfba-refugee");
    assertThat(pi).hasPassed("enterReferralDeadline").isWaitingAt("offerToLawyers");
    assertThat(watchAlerts(pi)).hasSize(1);
    assertThat(watchAlerts(pi).get(0).getDuedate()).isBeforeOrEqualTo(new java.util.Date());
  }

  @Test
  void aDeadlineDueBeforeAnyLawyerAcceptedAlertsTheCoordinatorsOnly() {
    ProcessInstance pi = start();
    prepare(pi, true, false, LocalDate.now(EngineClock.JAPAN).plusDays(1).toString());

    engine.getManagementService().executeJob(watchAlerts(pi).get(0).getId());

    ProcessInstance watch = watches.find(pi.getBusinessKey()).orElseThrow();
    assertThat(watch).isWaitingAt("alertCoordinators");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(watch.getId())
                .taskDefinitionKey("alertCaseWorkers")
                .count())
        .isZero();
  }

  @Test
  void twoDeadlinesAreWatchedSeparately() {
    ProcessInstance pi = start();
    prepare(pi, true, false, LocalDate.now(EngineClock.JAPAN).plusDays(20).toString());
    accept(pi);
    complete(
        task("handleLegalMatter", pi),
        withVariables(
            "matterAction", "addDeadline",
            "legalDeadlineDate", LocalDate.now(EngineClock.JAPAN).plusDays(40).toString(),
            "legalDeadlineNote", "控訴期限"));
    assertThat(watchAlerts(pi)).hasSize(2);
  }

  @Test
  void reportingTheOutcomeLeavesTheCasesDeadlinesWatched() {
    ProcessInstance pi = start();
    prepare(pi, true, false, LocalDate.now(EngineClock.JAPAN).plusDays(30).toString());
    accept(pi);

    complete(
        task("handleLegalMatter", pi),
        withVariables(
            "matterAction", "report", "legalOutcome", "settled", "legalOutcomeSummary", "和解"));

    assertThat(pi).isEnded();
    assertThat(watchAlerts(pi)).hasSize(1);
  }

  @Test
  void anEmergencyReferralWaitsADayForALawyer() {
    ProcessInstance pi = start("emergency");
    prepare(pi, true, false, null);

    assertThat(pi).variables().containsEntry("offerDeadline", "PT24H");
    assertThat(task("offerToLawyers", pi).getDueDate())
        .isCloseTo(
            java.util.Date.from(
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                    .toInstant()
                    .plus(java.time.Duration.ofHours(24))),
            60_000);
    assertThat(job("lawyerOfferExpired", pi).getDuedate())
        .isCloseTo(task("offerToLawyers", pi).getDueDate(), 60_000);
  }

  private List<Job> watchAlerts(ProcessInstance pi) {
    return watches
        .find(pi.getBusinessKey())
        .map(
            watch ->
                engine
                    .getManagementService()
                    .createJobQuery()
                    .processInstanceId(watch.getId())
                    .activityId("alertDue")
                    .list())
        .orElse(List.of());
  }

  private org.camunda.bpm.engine.task.Task watchTask(ProcessInstance watch, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(watch.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  /** The tasks of this referral a lawyer is offered. */
  private long offeredTo(String lawyer, ProcessInstance pi) {
    return taskService
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskCandidateUser(lawyer)
        .count();
  }

  private ProcessInstance start() {
    return start("normal");
  }

  private ProcessInstance start(String urgency) {
    return start(newCaseNumber(), urgency);
  }

  private static String newCaseNumber() {
    return "2026-7" + String.format("%05d", Math.abs(UUID.randomUUID().hashCode() % 100000));
  }

  private ProcessInstance start(String caseNumber, String urgency) {
    return runtimeService.startProcessInstanceByKey(
        "lawyer-escalation",
        caseNumber,
        Variables.createVariables()
            .putValue("caseNumber", caseNumber)
            .putValue("companionId", "companion")
            .putValue("statusCategory", "work")
            .putValue("counterpartyName", "テスト株式会社")
            .putValueTyped("problemFields", FormJson.list(List.of("labour")))
            .putValue("consentSharing", true)
            .putValue("urgency", urgency));
  }

  private void prepare(ProcessInstance pi, boolean address, boolean refugee, String deadline) {
    assertThat(task("prepareReferral", pi)).hasCandidateGroup("coordinators");
    fillReferral(pi, address, refugee, deadline);
  }

  private void fillReferral(ProcessInstance pi, boolean address, boolean refugee, String deadline) {
    Map<String, Object> variables =
        withVariables(
            "consentSharing",
            true,
            "hasRegisteredAddress",
            address,
            "refugeeProcedure",
            refugee,
            "legalIssueSummary",
            "解雇の無効");
    if (deadline != null) {
      variables.put("legalDeadlineDate", deadline);
      variables.put("legalDeadlineNote", "審査請求");
    }
    complete(task("prepareReferral", pi), variables);
  }

  private void accept(ProcessInstance pi) {
    taskService.claim(task("offerToLawyers", pi).getId(), "lawyer");
    complete(
        task("offerToLawyers", pi),
        withVariables("lawyerAnswer", "accept", "conflictOfInterestChecked", true));
  }
}
