package jp.bansou.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Processes {@code case-conference}, {@code regional-conference} and {@code conference-advice}: the
 * monthly timer compiles the stuck cases of each region as an agenda of category facts, and the
 * advice recorded for a case reaches its companion as a task.
 */
@CaseEngineTest
class CaseConferenceProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired StuckCases stuckCases;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired jp.bansou.person.CaseAccess access;
  @Autowired jp.bansou.person.CaseVisibility visibility;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
    access.setRegions(TOKYO_ONLY, List.of());
    identityService.deleteUser(TOKYO_ONLY);
  }

  /** A coordinator responsible for Tokyo only. */
  static final String TOKYO_ONLY = "coordinator-tokyo-only";

  private List<String> candidates(ProcessInstance pi, String key) {
    return taskService.getIdentityLinksForTask(task(key, pi).getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(link -> link.getUserId())
        .toList();
  }

  @Test
  void theMonthlyConferenceListsStuckCasesAndTheAdviceReachesTheCompanion() {
    ProcessInstance stuck = openCase("40"); // 福岡県, region kyushu-okinawa
    ProcessInstance quiet = openCase("40");
    ProcessInstance restrictedLater = openCase("40");
    // 40 days on: both have had no update for longer than the model's 30 days
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(Duration.ofDays(40))));

    identityService.saveUser(identityService.newUser(TOKYO_ONLY));
    identityService.createMembership(TOKYO_ONLY, "coordinators");
    access.setRegions(TOKYO_ONLY, List.of("13"));
    ProcessInstance conference = runMonthlyTimer();

    ProcessInstance regional = regionalConference(conference, "kyushu-okinawa");
    assertThat(regional).isWaitingAt("holdCaseConference");
    // the region's conference is for the coordinators responsible for Kyushu (the demo one: all)
    assertThat(candidates(regional, "holdCaseConference"))
        .contains("coordinator")
        .doesNotContain(TOKYO_ONLY);
    String agenda = (String) runtimeService.getVariable(regional.getId(), "regionAgenda");
    assertThat(agenda)
        .contains("九州", stuck.getBusinessKey(), quiet.getBusinessKey(), "しばらく動きがない")
        .contains("福岡県", "技能実習", "労働");
    assertThat(agenda).doesNotContain("Test Person");
    CaseDriver.complete(engine, regional, "holdCaseConference", "coordinator", Map.of());

    ProcessInstance advice = adviceFor(regional, stuck.getBusinessKey());
    assertThat(advice).isWaitingAt("recordConferenceAdvice");
    assertThat(candidates(advice, "recordConferenceAdvice"))
        .contains("coordinator")
        .doesNotContain(TOKYO_ONLY);
    assertThat((String) runtimeService.getVariable(advice.getId(), "conferenceCaseFacts"))
        .contains(stuck.getBusinessKey(), "しばらく動きがない");
    CaseDriver.complete(
        engine,
        advice,
        "recordConferenceAdvice",
        "coordinator",
        Map.of("adviceForCompanion", true, "conferenceAdvice", "労基署への申告を先に進めましょう"));
    Task read =
        taskService
            .createTaskQuery()
            .processInstanceId(advice.getId())
            .taskDefinitionKey("readConferenceAdvice")
            .singleResult();
    assertThat(read.getAssignee()).isEqualTo("companion");
    taskService.complete(read.getId());
    assertThat(advice).isEnded().hasPassed("adviceRead");

    ProcessInstance noAdvice = adviceFor(regional, quiet.getBusinessKey());
    CaseDriver.complete(
        engine,
        noAdvice,
        "recordConferenceAdvice",
        "coordinator",
        Map.of("adviceForCompanion", false));
    assertThat(noAdvice).isEnded().hasPassed("noAdviceGiven");

    // a case restricted while the region's coordinators still have its advice to record leaves
    // the conference: from now on only its companion and its one coordinator see it
    ProcessInstance withdrawn = adviceFor(regional, restrictedLater.getBusinessKey());
    assertThat(candidates(withdrawn, "recordConferenceAdvice")).contains("coordinator");
    visibility.restrict(restrictedLater.getBusinessKey(), "coordinator");
    assertThat(withdrawn).isEnded().hasPassed("adviceWithdrawn").hasNotPassed("adviceGateway");
    // each region's conference ends when its cases are done; the month's when every region's is
    finishOtherRegions(conference, regional);
    assertThat(regional).isEnded().hasPassed("conferenceHeld");
    assertThat(conference).isEnded().hasPassed("conferencesHeld");
  }

  @Test
  void withoutStuckCasesTheMonthEndsWithoutAConference() {
    ProcessInstance conference =
        runtimeService
            .createProcessInstanceByKey(CaseConference.PROCESS_KEY)
            .startBeforeActivity("regionsGateway")
            .setVariable("conferenceRegionCount", 0L)
            .execute();
    assertThat(conference).isEnded().hasPassed("noConferenceNeeded");
  }

  @Test
  void aRegionWithoutStuckCasesHasNoAgenda() {
    ProcessInstance regional =
        runtimeService.startProcessInstanceByKey(
            "regional-conference",
            Map.of(
                "conferenceRegion", "hokkaido",
                "noUpdateFor", "P3650D",
                "refusalsWithin", "P1D",
                "refusalBarriers", ""));
    assertThat(regional).isEnded().hasPassed("noAgenda").hasNotPassed("holdCaseConference");
  }

  @Test
  void refusalsAndOverdueTasksMakeACaseStuckToo() {
    ProcessInstance pi = openCase("39"); // 高知県
    String caseNumber = pi.getBusinessKey();
    assertThat(stuck(caseNumber)).isEmpty();

    Task someTask =
        taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list().get(0);
    taskService.setDueDate(someTask.getId(), Date.from(java.time.Instant.now().minusSeconds(60)));
    assertThat(stuck(caseNumber))
        .singleElement()
        .satisfies(s -> assertThat(s.reasons()).contains(StuckCases.Reason.OVERDUE));

    visitOutcomes.add(
        new jp.bansou.accompaniment.VisitOutcome(
            caseNumber,
            "welfare-office",
            "39",
            "public-assistance",
            "done",
            List.of("refused-application"),
            "2026-11",
            false));
    assertThat(stuck(caseNumber))
        .singleElement()
        .satisfies(s -> assertThat(s.reasons()).contains(StuckCases.Reason.REFUSED));

    // a restricted case is on no agenda, found among all or alone
    visibility.restrict(caseNumber, "coordinator");
    assertThat(stuck(caseNumber)).isEmpty();
  }

  @Autowired jp.bansou.accompaniment.VisitOutcomes visitOutcomes;

  // ---------------------------------------------------------------- helpers

  /**
   * The case as the agenda finds it among every open case; an agenda case's own step judges it
   * alone ({@link StuckCases#one}), and must say the same.
   */
  private List<StuckCases.Stuck> stuck(String caseNumber) {
    Set<String> barriers = Set.of("refused-application", "status-refusal", "companion-refused");
    List<StuckCases.Stuck> found =
        stuckCases.find(null, Duration.ofDays(30), Duration.ofDays(60), barriers).stream()
            .filter(s -> s.summary().caseNumber().equals(caseNumber))
            .toList();
    assertThat(
            stuckCases.one(caseNumber, Duration.ofDays(30), Duration.ofDays(60), barriers).stream()
                .toList())
        .isEqualTo(found);
    return found;
  }

  private ProcessInstance openCase(String prefecture) {
    ProcessInstance pi =
        CaseDriver.start(
            engine, Intake.person().with("prefecture", prefecture).list("problemFields", "labour"));
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    CaseDriver.complete(engine, pi, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    return pi;
  }

  /** Fires the model's monthly timer; returns the conference it started (still running). */
  private ProcessInstance runMonthlyTimer() {
    var timer =
        managementService
            .createJobQuery()
            .processDefinitionKey(CaseConference.PROCESS_KEY)
            .timers()
            .singleResult();
    List<String> before =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseConference.PROCESS_KEY)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList();
    managementService.executeJob(timer.getId());
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(CaseConference.PROCESS_KEY)
        .list()
        .stream()
        .filter(pi -> !before.contains(pi.getId()))
        .findFirst()
        .orElseThrow();
  }

  private ProcessInstance regionalConference(ProcessInstance conference, String region) {
    for (ProcessInstance regional :
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(conference.getId())
            .list()) {
      if (region.equals(runtimeService.getVariable(regional.getId(), "conferenceRegion"))) {
        return regional;
      }
    }
    throw new AssertionError("no conference for " + region);
  }

  private ProcessInstance adviceFor(ProcessInstance regional, String caseNumber) {
    return runtimeService
        .createProcessInstanceQuery()
        .superProcessInstanceId(regional.getId())
        .processInstanceBusinessKey(caseNumber)
        .singleResult();
  }

  /** Works through the conferences of the other regions (cases other tests left) to the end. */
  private void finishOtherRegions(ProcessInstance conference, ProcessInstance done) {
    for (int round = 0; round < 5; round++) {
      for (Task task : taskService.createTaskQuery().list()) {
        String key = task.getTaskDefinitionKey();
        if (!List.of("holdCaseConference", "recordConferenceAdvice").contains(key)) {
          continue;
        }
        if (task.getAssignee() == null) {
          taskService.claim(task.getId(), "coordinator");
        }
        taskService.complete(
            task.getId(),
            "recordConferenceAdvice".equals(key) ? Map.of("adviceForCompanion", false) : Map.of());
      }
    }
  }
}
