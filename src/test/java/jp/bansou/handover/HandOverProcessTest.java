package jp.bansou.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.Refusals;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.CaseFile;
import jp.bansou.casefile.Intake;
import jp.bansou.companion.CompanionMatcher;
import jp.bansou.companion.CompanionPauses;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Option;
import jp.bansou.engine.Refusal;
import jp.bansou.person.CaseAccess;
import jp.bansou.person.PersonRecords;
import jp.bansou.person.PersonRecords.Sight;
import jp.bansou.tracks.TrackDriver;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Processes {@code case-hand-over}, {@code companion-hand-over} and {@code companion-pause}: one
 * test per path. Cases are opened in Okinawa (47) for companions made for the test, so that the
 * demo companions' caseloads from other tests do not matter.
 */
@CaseEngineTest
class HandOverProcessTest {

  static final String PREFECTURE = "47";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired CompanionProfiles profiles;
  @Autowired CompanionPauses pauses;
  @Autowired CompanionMatcher matcher;
  @Autowired CaseAccess access;
  @Autowired PersonRecords records;
  @Autowired HandOverRecords handOvers;
  @Autowired JdbcTemplate jdbc;

  private final List<String> created = new ArrayList<>();

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @AfterEach
  void withoutOurCompanions() {
    identityService.clearAuthentication();
    ClockUtil.reset();
    for (String id : created) {
      pauses.end(id);
      jdbc.update("delete from companion_profile where user_id = ?", id);
      identityService.deleteUser(id);
    }
  }

  @Test
  void coordinatorMovesTheCaseAndEveryOpenTaskOfItsTwoTracks() {
    String a = newCompanion();
    String b = newCompanion();
    ProcessInstance pi = openCase(a, "labour", "housing");
    String caseNumber = pi.getBusinessKey();
    List<Task> before = openTasksOf(caseNumber, a);
    assertThat(before.stream().map(Task::getProcessInstanceId).distinct()).hasSize(2);

    ProcessInstance handOver = requestHandOver("coordinator", caseNumber, "次は来週、労基署に行く予定です。");
    assertThat(handOver).isWaitingAt("chooseSuccessor").hasNotPassed("reviewHandOverRequest");
    assertThat(options(handOver)).contains(b).doesNotContain(a);
    choose(handOver, b);
    Task offer = task("offerHandOver", handOver);
    assertThat(offer.getAssignee()).isEqualTo(b);
    assertThat(runtimeService.getVariable(handOver.getId(), "handOverNote"))
        .isEqualTo("次は来週、労基署に行く予定です。");
    // offered, not yet accepted: the person is still the previous companion's to see
    assertThat(records.sightOf(b, caseNumber)).isEqualTo(Sight.NONE);
    assertThat(records.sightOf(a, caseNumber)).isEqualTo(Sight.ALL);

    taskService.complete(offer.getId(), Map.of("offerAnswer", "accept"));

    assertThat(handOver).isEnded().hasPassed("moveCase", "caseHandedOver");
    assertThat(openTasksOf(caseNumber, a)).isEmpty();
    assertThat(openTasksOf(caseNumber, b))
        .extracting(Task::getId)
        .containsAll(before.stream().map(Task::getId).toList());
    for (ProcessInstance instance :
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()) {
      Object companion = runtimeService.getVariable(instance.getId(), "companionId");
      if (companion != null) {
        assertThat(companion).isEqualTo(b);
      }
    }
    assertThat(records.sightOf(a, caseNumber)).isEqualTo(Sight.NONE);
    assertThat(records.sightOf(b, caseNumber)).isEqualTo(Sight.ALL);
    assertThat(access.openCasesOf(b)).containsExactly(caseNumber);
    assertThat(handOvers.countFor(caseNumber)).isEqualTo(1);

    TrackDriver.completeTracks(engine, pi.getId());
    assertThat(task("proposeClosure", pi).getAssignee()).isEqualTo(b);
  }

  @Test
  void companionAsksAndTheCoordinatorKeepsThem() {
    String a = newCompanion();
    String caseNumber = openCase(a, "labour").getBusinessKey();

    ProcessInstance handOver = requestHandOver(a, caseNumber, "");
    assertThat(handOver).isWaitingAt("reviewHandOverRequest");
    assertThat(runtimeService.getVariable(handOver.getId(), "previousCompanionId")).isEqualTo(a);
    complete(handOver, "reviewHandOverRequest", "coordinator", Map.of("handOverDecision", "keep"));

    assertThat(handOver).isEnded().hasPassed("handOverNotNeeded").hasNotPassed("rankSuccessors");
    assertThat(access.openCasesOf(a)).containsExactly(caseNumber);
  }

  @Test
  void companionAsksAndWhenEveryoneDeclinesTheCoordinatorSearchesAgainThenStops() {
    String a = newCompanion();
    newCompanion();
    String caseNumber = openCase(a, "labour").getBusinessKey();

    ProcessInstance handOver = requestHandOver(a, caseNumber, "体調をくずしました");
    complete(
        handOver, "reviewHandOverRequest", "coordinator", Map.of("handOverDecision", "handOver"));
    List<String> asked = new ArrayList<>();
    while (task("chooseSuccessor", handOver) != null) {
      String next = options(handOver).get(0);
      assertThat(asked).doesNotContain(next);
      asked.add(next);
      choose(handOver, next);
      Task offer = task("offerHandOver", handOver);
      taskService.complete(
          offer.getId(), Map.of("offerAnswer", "decline", "declineReason", "担当が多いため"));
    }
    assertThat(handOver).isWaitingAt("handleNoSuccessor").hasPassed("excludeSuccessor");

    complete(handOver, "handleNoSuccessor", "coordinator", Map.of("noSuccessorDecision", "retry"));
    assertThat(handOver).isWaitingAt("handleNoSuccessor");
    complete(handOver, "handleNoSuccessor", "coordinator", Map.of("noSuccessorDecision", "cancel"));

    assertThat(handOver).isEnded().hasPassed("handOverCancelled").hasNotPassed("moveCase");
    assertThat(access.openCasesOf(a)).containsExactly(caseNumber);
  }

  @Test
  void anUnansweredOfferGoesToAnotherCompanion() {
    String a = newCompanion();
    String b = newCompanion();
    String caseNumber = openCase(a, "labour").getBusinessKey();
    ProcessInstance handOver = requestHandOver("coordinator", caseNumber, "");
    choose(handOver, b);

    runtimeService.createProcessInstanceQuery().processInstanceId(handOver.getId()).singleResult();
    engine
        .getManagementService()
        .executeJob(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(handOver.getId())
                .singleResult()
                .getId());

    assertThat(handOver).hasPassed("handOverOfferExpired", "excludeSuccessor");
    if (task("chooseSuccessor", handOver) != null) {
      assertThat(options(handOver)).doesNotContain(a, b);
    } else {
      assertThat(handOver).isWaitingAt("handleNoSuccessor");
    }
  }

  @Test
  void aNoteThatNamesThePersonIsRefused() {
    String a = newCompanion();
    Intake intake = Intake.person().with("prefecture", PREFECTURE);
    String caseNumber = openCase(intake, a, "labour").getBusinessKey();

    assertThatThrownBy(
            () -> requestHandOver("coordinator", caseNumber, intake.personName() + "さんは夜勤です"))
        .hasRootCauseInstanceOf(Refusal.class)
        .rootCause()
        .hasMessageContaining("名前");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(HandOver.PROCESS_KEY)
                .variableValueEquals("caseNumber", caseNumber)
                .count())
        .isZero();
  }

  @Test
  void anotherCompanionMayNotAskForSomeoneElsesCase() {
    String a = newCompanion();
    String b = newCompanion();
    String caseNumber = openCase(a, "labour").getBusinessKey();

    String notTheirs = Refusals.messageOf(() -> requestHandOver(b, caseNumber, ""));
    assertThat(notTheirs).contains("伴走者と担当のコーディネーターだけ");
    // a number that is no case, or a restricted case, gets the same answer: it tells nobody
    // which case numbers exist
    assertThat(Refusals.messageOf(() -> requestHandOver(b, "2026-999999", "")))
        .isEqualTo(notTheirs.replace(caseNumber, "2026-999999"));
    String restricted =
        openCase(Intake.person().with("prefecture", PREFECTURE).with("restrictCase", true), a, "dv")
            .getBusinessKey();
    assertThat(Refusals.messageOf(() -> requestHandOver(b, restricted, "")))
        .isEqualTo(notTheirs.replace(caseNumber, restricted));
  }

  @Test
  void everyCaseOfACompanionIsHandedOverOneByOne() {
    String a = newCompanion();
    String b = newCompanion();
    String first = openCase(a, "labour").getBusinessKey();
    String second = openCase(a, "housing").getBusinessKey();

    ProcessInstance bulk = startAs("coordinator", HandOver.BULK_PROCESS_KEY, bulkVariables(a));
    assertThat(bulk).isWaitingAt("handOverEachCase");
    List<ProcessInstance> each =
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(bulk.getId()).list();
    assertThat(each).hasSize(2);
    for (ProcessInstance handOver : each) {
      assertThat(handOver).isWaitingAt("chooseSuccessor");
      choose(handOver, b);
      taskService.complete(
          task("offerHandOver", handOver).getId(), Map.of("offerAnswer", "accept"));
    }

    assertThat(bulk).isEnded().hasPassed("allCasesHandedOver");
    assertThat(access.openCasesOf(a)).isEmpty();
    assertThat(access.openCasesOf(b)).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void aCompanionWithoutCasesHasNothingToHandOver() {
    String c = newCompanion();
    ProcessInstance bulk = startAs("coordinator", HandOver.BULK_PROCESS_KEY, bulkVariables(c));
    assertThat(bulk).isEnded().hasPassed("noCasesHandedOver");
  }

  @Test
  void onlyACoordinatorHandsOverEveryCaseOfACompanion() {
    String a = newCompanion();
    // the model lets only coordinators start it (candidateStarterGroups)
    assertThatThrownBy(() -> startAs(a, HandOver.BULK_PROCESS_KEY, bulkVariables(a)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
  }

  @Test
  void aPausedCompanionsRestrictedCaseIsListedWithoutItsNumber() {
    String a = newCompanion();
    String ordinary = openCase(a, "labour").getBusinessKey();
    ProcessInstance restricted =
        openCase(
            Intake.person().with("prefecture", PREFECTURE).with("restrictCase", true), a, "dv");

    ProcessInstance pause = startPause(a, LocalDate.now(EngineClock.JAPAN).plusDays(10));
    // every coordinator reads the list: the restricted case is there, and its number is not
    assertThat((String) runtimeService.getVariable(pause.getId(), "handOverCaseSummary"))
        .contains(ordinary, "制限されたケース")
        .doesNotContain(restricted.getBusinessKey());
    // it is handed over all the same, whoever of the coordinators decides: by its own coordinator
    assertThat(runtimeService.getVariable(pause.getId(), "handOverCases"))
        .asList()
        .contains(restricted.getBusinessKey());
    String named = access.find(restricted.getBusinessKey()).orElseThrow().restrictedCoordinator();
    String other = newCoordinator(PREFECTURE);
    assertThat(other).isNotEqualTo(named);

    complete(pause, "reviewPausedCases", other, Map.of("pauseCasesDecision", "handOverAll"));

    ProcessInstance bulk = calledBy(pause);
    List<ProcessInstance> each =
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(bulk.getId()).list();
    assertThat(each)
        .extracting(h -> runtimeService.getVariable(h.getId(), "caseNumber"))
        .containsExactlyInAnyOrder(ordinary, restricted.getBusinessKey());
    ProcessInstance restrictedHandOver =
        each.stream()
            .filter(
                h ->
                    restricted
                        .getBusinessKey()
                        .equals(runtimeService.getVariable(h.getId(), "caseNumber")))
            .findFirst()
            .orElseThrow();
    assertThat(task("chooseSuccessor", restrictedHandOver).getAssignee()).isEqualTo(named);
    assertThat(runtimeService.getVariable(restrictedHandOver.getId(), "handOverRequestedBy"))
        .isEqualTo(named);
  }

  /**
   * A coordinator who hands over every case of a companion learns nothing of a case they do not
   * see: their note is not checked against it (the refusal would say whose name is in it; found by
   * a helper) nor carried to it, and its hand-over goes to its own coordinator.
   */
  @Test
  void handingOverEveryCaseTellsNothingOfACaseTheCoordinatorDoesNotSee() {
    String a = newCompanion();
    Intake person = Intake.person().with("prefecture", PREFECTURE).with("restrictCase", true);
    ProcessInstance restricted = openCase(person, a, "dv");
    String named = access.find(restricted.getBusinessKey()).orElseThrow().restrictedCoordinator();
    String other = newCoordinator(PREFECTURE);

    ProcessInstance bulk =
        startAs(
            other,
            HandOver.BULK_PROCESS_KEY,
            Map.of(
                "companionToHandOver",
                a,
                "handOverReason",
                "retirement",
                "handOverNote",
                person.personName() + "さんの件は慎重に"));

    ProcessInstance handOver = calledBy(bulk);
    assertThat(runtimeService.getVariable(handOver.getId(), "handOverNote")).isEqualTo("");
    assertThat(task("chooseSuccessor", handOver).getAssignee()).isEqualTo(named);
  }

  private String newCoordinator(String prefecture) {
    String id = "coordinator-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword("a-long-test-password");
    identityService.saveUser(user);
    identityService.createMembership(id, "coordinators");
    access.setRegions(id, List.of(prefecture));
    return id;
  }

  @Test
  void aPausedCompanionIsNotProposedTheirCasesAreHandedOverAndThePauseEndsOnItsDate() {
    String a = newCompanion();
    String b = newCompanion();
    String caseNumber = openCase(a, "labour").getBusinessKey();
    LocalDate until = LocalDate.now(EngineClock.JAPAN).plusDays(10);

    ProcessInstance pause = startPause(a, until);
    assertThat(pause).isWaitingAt("pauseEnds", "reviewPausedCases");
    assertThat(candidates()).doesNotContain(a).contains(b);
    assertThat((String) runtimeService.getVariable(pause.getId(), "handOverCaseSummary"))
        .contains(caseNumber);

    complete(
        pause, "reviewPausedCases", "coordinator", Map.of("pauseCasesDecision", "handOverAll"));
    ProcessInstance bulk = calledBy(pause);
    ProcessInstance handOver = calledBy(bulk);
    assertThat(runtimeService.getVariable(handOver.getId(), "handOverReason")).isEqualTo("pause");
    choose(handOver, b);
    taskService.complete(task("offerHandOver", handOver).getId(), Map.of("offerAnswer", "accept"));
    assertThat(pause).isWaitingAt("pauseEnds").hasPassed("handOverPausedCases");
    assertThat(access.openCasesOf(b)).containsExactly(caseNumber);

    ClockUtil.setCurrentTime(
        Date.from(until.plusDays(1).atStartOfDay(EngineClock.JAPAN).toInstant()));
    executeJobOf(pause);

    assertThat(pause).isEnded().hasPassed("endPause", "pauseOver");
    assertThat(candidates()).contains(a);
  }

  @Test
  void theCoordinatorMayWaitForThePausedCompanionToReturn() {
    String a = newCompanion();
    String caseNumber = openCase(a, "labour").getBusinessKey();
    ProcessInstance pause = startPause(a, LocalDate.now(EngineClock.JAPAN).plusDays(3));

    complete(pause, "reviewPausedCases", "coordinator", Map.of("pauseCasesDecision", "wait"));

    assertThat(pause).isWaitingAt("pauseEnds").hasNotPassed("handOverPausedCases");
    assertThat(access.openCasesOf(a)).containsExactly(caseNumber);
    executeJobOf(pause);
    assertThat(pause).isEnded();
  }

  @Test
  void aCompanionWithoutCasesPausesWithoutATaskForTheCoordinator() {
    String c = newCompanion();
    ProcessInstance pause = startPause(c, LocalDate.now(EngineClock.JAPAN).plusDays(3));
    assertThat(pause).isWaitingAt("pauseEnds").hasPassed("openCasesGateway");
    assertThat(taskService.createTaskQuery().processInstanceId(pause.getId()).count()).isZero();
    assertThat(candidates()).doesNotContain(c);
    executeJobOf(pause);
    assertThat(pause).isEnded();
    assertThat(candidates()).contains(c);
  }

  @Test
  void aPauseEndsOnADayAfterToday() {
    String c = newCompanion();
    assertThatThrownBy(() -> startPause(c, LocalDate.now(EngineClock.JAPAN)))
        .hasRootCauseInstanceOf(Refusal.class)
        .rootCause()
        .hasMessageContaining("明日以降");
  }

  // ---------------------------------------------------------------- helpers

  private String newCompanion() {
    String id = "handover-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword("a-long-test-password");
    identityService.saveUser(user);
    identityService.createMembership(id, "companions");
    profiles.save(
        new CompanionProfile(
            id,
            "テスト伴走者 " + id,
            List.of(PREFECTURE),
            List.of("ja", "vi"),
            List.of("labour"),
            false,
            false,
            true));
    created.add(id);
    return id;
  }

  private ProcessInstance openCase(String companion, String... problemFields) {
    return openCase(Intake.person().with("prefecture", PREFECTURE), companion, problemFields);
  }

  private ProcessInstance openCase(Intake intake, String companion, String... problemFields) {
    ProcessInstance pi = CaseDriver.start(engine, intake.list("problemFields", problemFields));
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", companion));
    CaseDriver.complete(engine, pi, "offerCase", companion, Map.of("offerAnswer", "accept"));
    return pi;
  }

  private ProcessInstance requestHandOver(String requester, String caseNumber, String note) {
    return startAs(
        requester,
        HandOver.PROCESS_KEY,
        Map.of("caseNumber", caseNumber, "handOverReason", "illness", "handOverNote", note));
  }

  private ProcessInstance startPause(String companion, LocalDate until) {
    return startAs(
        companion,
        HandOver.PAUSE_PROCESS_KEY,
        Map.of("pausedUntil", until.toString(), "pauseReason", "illness"));
  }

  private static Map<String, Object> bulkVariables(String companion) {
    return Map.of(
        "companionToHandOver", companion, "handOverReason", "retirement", "handOverNote", "");
  }

  private ProcessInstance startAs(String user, String key, Map<String, Object> variables) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(g -> g.getId())
            .toList();
    identityService.setAuthentication(user, groups);
    try {
      String definition =
          engine
              .getRepositoryService()
              .createProcessDefinitionQuery()
              .processDefinitionKey(key)
              .latestVersion()
              .singleResult()
              .getId();
      return engine.getFormService().submitStartForm(definition, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void complete(
      ProcessInstance pi, String key, String user, Map<String, Object> variables) {
    CaseDriver.complete(engine, pi, key, user, variables);
  }

  private void choose(ProcessInstance handOver, String companion) {
    complete(handOver, "chooseSuccessor", "coordinator", Map.of("newCompanionId", companion));
  }

  private List<String> options(ProcessInstance handOver) {
    return CaseFile.COMPANION_OPTIONS
        .read(runtimeService.getVariable(handOver.getId(), "companionOptions"))
        .orElseThrow()
        .stream()
        .map(Option::value)
        .toList();
  }

  private List<Task> openTasksOf(String caseNumber, String assignee) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(caseNumber)
        .taskAssignee(assignee)
        .list();
  }

  private List<String> candidates() {
    return matcher.rank(PREFECTURE, List.of("vi"), List.of("labour"), List.of()).stream()
        .map(CompanionMatcher.Candidate::userId)
        .toList();
  }

  private void executeJobOf(ProcessInstance pi) {
    var management = engine.getManagementService();
    management.executeJob(
        management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
  }

  /** The process a call activity of {@code caller} is running now (the one it waits for). */
  private ProcessInstance calledBy(ProcessInstance caller) {
    return runtimeService
        .createProcessInstanceQuery()
        .superProcessInstanceId(caller.getId())
        .singleResult();
  }
}
