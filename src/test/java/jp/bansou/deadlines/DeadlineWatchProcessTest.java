package jp.bansou.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process {@code deadline-watch}: one watch per case, fed from the intake and the check-in (the
 * visit, the lawyer track and the document track have theirs in their own tests), each deadline
 * alerting at its type's lead time (DMN deadline-types).
 */
@CaseEngineTest
class DeadlineWatchProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DeadlineWatches watches;

  final LocalDate today = LocalDate.now(EngineClock.JAPAN);

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @Test
  void intakeDatesAreWatchedEachAtItsLeadTime() {
    ProcessInstance pi =
        CaseDriver.start(
            engine,
            Intake.person()
                .with("visaExpiry", today.plusDays(100).toString())
                .with("nextReportingDate", today.plusDays(20).toString())
                .with("protectionOrderIssuedOn", today.minusDays(30).toString())
                .with("separatedSince", today.minusDays(60).toString())
                .with("refugeeRefusalNotifiedOn", today.toString())
                .with("internFled", true)
                .with("internLeftOn", today.toString())
                .legalDeadlineIn(10)
                .with("legalDeadlineType", "appeal"));

    Map<String, Job> alerts = alerts(pi.getBusinessKey());

    assertThat(alerts)
        .containsOnlyKeys(
            "visa-expiry",
            "reporting-date",
            "protection-order",
            "spouse-separation",
            "refugee-refusal",
            "intern-difficulty",
            "appeal");
    assertAlertOn(alerts.get("visa-expiry"), today.plusDays(100).minusDays(60));
    assertAlertOn(alerts.get("reporting-date"), today.plusDays(20).minusDays(3));
    // 接近禁止命令: one year from the order (since 2024-04-01), alert 30 days before
    assertAlertOn(alerts.get("protection-order"), today.minusDays(30).plusYears(1).minusDays(30));
    // 22条の4: six months apart, alert 30 days before
    assertAlertOn(
        alerts.get("spouse-separation"),
        today.minusDays(60).plus(Period.ofMonths(6)).minusDays(30));
    // 審査請求 within 7 days of the notice: alert the next day
    assertAlertOn(alerts.get("refugee-refusal"), today.plusDays(1));
    assertAlertOn(alerts.get("intern-difficulty"), today.plusDays(14).minusDays(7));
    assertAlertOn(alerts.get("appeal"), today.plusDays(10).minusDays(5));
  }

  @Test
  void theAlertGoesToTheCoordinatorsTheCompanionAndForALegalDeadlineTheLawyer() {
    ProcessInstance pi =
        CaseDriver.start(
            engine,
            Intake.person()
                .legalDeadlineIn(20)
                .with("legalDeadlineType", "court-date")
                .with("visaExpiry", today.plusDays(200).toString()));
    CaseDriver.complete(
        engine,
        pi,
        "reviewTriage",
        "coordinator",
        Map.of("tracks", FormJson.list(List.of("lawyer-escalation"))));
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    CaseDriver.complete(engine, pi, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    ProcessInstance lawyerTrack =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(pi.getId())
            .singleResult();
    CaseDriver.complete(
        engine,
        lawyerTrack,
        "prepareReferral",
        "coordinator",
        Map.of(
            "consentSharing",
            true,
            "hasRegisteredAddress",
            true,
            "refugeeProcedure",
            false,
            "legalIssueSummary",
            "期日"));
    CaseDriver.complete(
        engine,
        lawyerTrack,
        "offerToLawyers",
        "lawyer",
        Map.of("lawyerAnswer", "accept", "conflictOfInterestChecked", true));

    managementService.executeJob(alerts(pi.getBusinessKey()).get("court-date").getId());

    ProcessInstance watch = watches.find(pi.getBusinessKey()).orElseThrow();
    assertThat(watch).isWaitingAt("alertCoordinators", "alertCaseWorkers");
    assertThat(candidateGroups(task(watch, "alertCoordinators").get(0)))
        .containsExactly("coordinators");
    assertThat(task(watch, "alertCaseWorkers"))
        .extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("companion", "lawyer");
    Task alert = task(watch, "alertCaseWorkers").get(0);
    assertThat(taskService.getVariables(alert.getId()))
        .containsEntry("deadlineType", "court-date")
        .containsEntry("deadlineName", "裁判・調停の期日")
        .containsEntry("deadlineDate", today.plusDays(20).toString())
        .containsEntry("appealable", false);
    assertThat(alert.getDueDate())
        .isEqualTo(
            java.util.Date.from(
                today.plusDays(20).atTime(17, 0).atZone(EngineClock.JAPAN).toInstant()));

    // the visa's expiry: no lawyer needed
    managementService.executeJob(alerts(pi.getBusinessKey()).get("visa-expiry").getId());
    assertThat(
            task(watch, "alertCaseWorkers").stream()
                .filter(
                    t -> "visa-expiry".equals(taskService.getVariable(t.getId(), "deadlineType")))
                .map(Task::getAssignee))
        .containsExactly("companion");

    for (Task t : taskService.createTaskQuery().processInstanceId(watch.getId()).list()) {
      if (t.getAssignee() == null) {
        taskService.claim(t.getId(), "coordinator");
      }
      taskService.complete(t.getId(), Map.of("deadlineAction", "確認した"));
    }
    assertThat(watch).hasPassed("deadlineAlerted").isWaitingAt("watchUntilCaseEnds");
  }

  @Test
  void aNewerVisaExpiryFromTheCheckInReplacesTheEarlier() {
    ProcessInstance pi =
        supportPhase(Intake.person().with("visaExpiry", today.plusDays(100).toString()));
    managementService.executeJob(job(pi, "checkInDue").getId());

    CaseDriver.complete(
        engine,
        pi,
        "checkIn",
        "companion",
        Map.of(
            "checkInStatus", "在留期間の更新が許可された",
            "newDeadlineType", "visa-expiry",
            "newDeadlineDate", today.plusDays(400).toString(),
            "newDeadlineNote", "3年の許可"));

    assertThat(pi).hasPassed("enterCheckInDeadline", "checkInDeadlineEntered");
    Map<String, Job> alerts = alerts(pi.getBusinessKey());
    assertThat(alerts).containsOnlyKeys("visa-expiry");
    assertAlertOn(alerts.get("visa-expiry"), today.plusDays(400).minusDays(60));
    assertThat(watches.find(pi.getBusinessKey()).orElseThrow()).hasPassed("watchReplaced");
    assertThat(runtimeService.getVariables(pi.getId()))
        .doesNotContainKeys("newDeadlineType", "newDeadlineDate", "newDeadlineNote");
  }

  @Test
  void deadlinesOfAKindThatDoesNotReplaceStandSideBySide() {
    ProcessInstance pi =
        supportPhase(Intake.person().legalDeadlineIn(30).with("legalDeadlineType", "court-date"));
    managementService.executeJob(job(pi, "checkInDue").getId());

    CaseDriver.complete(
        engine,
        pi,
        "checkIn",
        "companion",
        Map.of(
            "checkInStatus", "次の期日が決まった",
            "newDeadlineType", "court-date",
            "newDeadlineDate", today.plusDays(60).toString()));

    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(watches.find(pi.getBusinessKey()).orElseThrow().getId())
                .activityId("alertDue")
                .count())
        .isEqualTo(2);
  }

  @Test
  void aCheckInWithoutANewDeadlineHandsNothingOver() {
    ProcessInstance pi = supportPhase(Intake.person());
    managementService.executeJob(job(pi, "checkInDue").getId());
    CaseDriver.complete(engine, pi, "checkIn", "companion", Map.of("checkInStatus", "変わりなし"));
    assertThat(pi).hasPassed("checkInDone").hasNotPassed("enterCheckInDeadline");
    assertThat(alerts(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void anAlertAlreadyDueComesAtOnceAndWithoutACompanionOnlyTheCoordinatorsAreTold() {
    String caseNumber = "2026-8" + String.format("%05d", Math.abs(System.nanoTime() % 100000));
    watches.enter(caseNumber, "visa-expiry", today.plusDays(10), null);

    Job alert = alerts(caseNumber).get("visa-expiry");
    assertThat(alert.getDuedate().toInstant()).isBeforeOrEqualTo(Instant.now().plusSeconds(5));
    managementService.executeJob(alert.getId());

    ProcessInstance watch = watches.find(caseNumber).orElseThrow();
    assertThat(watch).isWaitingAt("alertCoordinators");
    assertThat(task(watch, "alertCaseWorkers")).isEmpty();
  }

  /** 審査請求 is offered where there is one; under 準用 (welfare) it is not. */
  @Test
  void theAlertOffersAnAppealOnlyWhereThereIsOne() {
    String caseNumber = "2026-8" + String.format("%05d", Math.abs(System.nanoTime() % 100000));
    watches.enter(caseNumber, "refugee-refusal", today, null);
    watches.enter(caseNumber, "welfare-application", today.minusDays(14), "福祉事務所");
    Map<String, Job> alerts = alerts(caseNumber);
    alerts.values().forEach(j -> managementService.executeJob(j.getId()));

    ProcessInstance watch = watches.find(caseNumber).orElseThrow();
    Map<String, Map<String, Object>> byType = new HashMap<>();
    for (Task t : task(watch, "alertCoordinators")) {
      Map<String, Object> variables = taskService.getVariables(t.getId());
      byType.put((String) variables.get("deadlineType"), variables);
    }
    assertThat(byType.get("refugee-refusal"))
        .containsEntry("appealable", true)
        .containsEntry("deadlineDate", today.plusDays(7).toString());
    assertThat(byType.get("welfare-application"))
        .containsEntry("appealable", false)
        .containsEntry("deadlineNote", "福祉事務所");
    assertThat((String) byType.get("welfare-application").get("deadlineAdvice"))
        .contains("審査請求はできません");
  }

  @Test
  void theWatchEndsWithTheCase() {
    ProcessInstance pi =
        supportPhase(Intake.person().with("visaExpiry", today.plusDays(300).toString()));
    ProcessInstance watch = watches.find(pi.getBusinessKey()).orElseThrow();
    jp.bansou.tracks.TrackDriver.completeTracks(engine, pi.getId());
    CaseDriver.complete(
        engine,
        pi,
        "proposeClosure",
        "companion",
        Map.of(
            "nextStep", "close",
            "outcome", "resolved",
            "closureSummary", "解決した",
            "systemicProblem", false));
    CaseDriver.complete(
        engine, pi, "approveClosure", "coordinator", Map.of("closureDecision", "approve"));

    assertThat(pi).isEnded();
    assertThat(watch).isEnded().hasPassed("watchEnded");
  }

  @Test
  void aCaseClosedAsADuplicateHasNoWatch() {
    Intake first = Intake.person();
    CaseDriver.start(engine, first);
    ProcessInstance duplicate =
        CaseDriver.start(engine, Intake.person().with("phone", first.phone()));
    CaseDriver.complete(
        engine,
        duplicate,
        "reviewPossibleDuplicate",
        "coordinator",
        Map.of("duplicateDecision", "closeAsDuplicate"));
    assertThat(watches.find(duplicate.getBusinessKey())).isEmpty();
  }

  // --- steps ---

  private ProcessInstance supportPhase(Intake intake) {
    ProcessInstance pi = CaseDriver.start(engine, intake);
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    CaseDriver.complete(engine, pi, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    return pi;
  }

  /** The waiting alerts of a case's watch, by deadline type. */
  private Map<String, Job> alerts(String caseNumber) {
    Map<String, Job> alerts = new HashMap<>();
    watches
        .find(caseNumber)
        .ifPresent(
            watch ->
                managementService
                    .createJobQuery()
                    .processInstanceId(watch.getId())
                    .activityId("alertDue")
                    .list()
                    .forEach(
                        j ->
                            alerts.put(
                                (String)
                                    runtimeService.getVariable(j.getExecutionId(), "deadlineType"),
                                j)));
    return alerts;
  }

  private void assertAlertOn(Job alert, LocalDate day) {
    Instant expected = day.atTime(LocalTime.of(9, 0)).atZone(EngineClock.JAPAN).toInstant();
    Instant now = Instant.now();
    if (expected.isBefore(now)) {
      assertThat(alert.getDuedate().toInstant()).isBeforeOrEqualTo(now.plusSeconds(5));
    } else {
      assertThat(alert.getDuedate().toInstant()).isEqualTo(expected);
    }
  }

  private Job job(ProcessInstance pi, String activity) {
    return managementService
        .createJobQuery()
        .processInstanceId(pi.getId())
        .activityId(activity)
        .singleResult();
  }

  private List<Task> task(ProcessInstance pi, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(key)
        .list();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }
}
