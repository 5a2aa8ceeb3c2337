package jp.bansou.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.Refusals;
import jp.bansou.TestAccounts;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.engine.Refusal;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Processes {@code erase-person} (on request, with a second person's approval) and {@code
 * forget-closed-cases} (on the schedule in the model): one test per path.
 */
@CaseEngineTest
class ErasureProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityVault vault;
  @Autowired CaseAccess access;
  @Autowired jp.bansou.security.AccessPolicy policy;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @AfterEach
  void backToNowAndWithoutOurCoordinator() {
    ClockUtil.reset();
    engine.getIdentityService().deleteUser("coordinator-okinawa");
  }

  @Test
  void aResponsibleCoordinatorAsksAndASecondPersonErases() {
    String caseNumber = openCase();
    ProcessInstance erasure = request("coordinator", caseNumber, "person-request");
    assertThat(erasure).isWaitingAt("approveErasure");
    assertThat(approversRead(erasure)).containsEntry("caseToEraseLabel", "ケース " + caseNumber);

    approve(erasure, "supervisor", "approve");

    assertThat(erasure).isEnded().hasPassed("erasePerson", "personErased");
    assertThat(vault.erased(caseNumber)).isTrue();
    assertThat(vault.open(caseNumber)).isEmpty();
  }

  @Test
  void theApproversOfARestrictedCasesErasureAreNotToldItsNumber() {
    String caseNumber;
    engine.getIdentityService().setAuthentication("coordinator", List.of("coordinators"));
    try {
      caseNumber =
          CaseDriver.start(engine, Markers.fresh().intake().with("restrictCase", true))
              .getBusinessKey();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    ProcessInstance erasure = request("coordinator", caseNumber, "person-request");

    // every coordinator and supervisor may take the approval: none reads which case it is
    Map<String, Object> read = approversRead(erasure);
    assertThat(read.get("caseToEraseLabel")).asString().contains("制限されたケース");
    assertThat(read.toString()).doesNotContain(caseNumber);

    approve(erasure, "supervisor", "approve");
    assertThat(vault.erased(caseNumber)).isTrue();
  }

  /** What the approval's form gives a supervisor, as Tasklist loads it. */
  private Map<String, Object> approversRead(ProcessInstance erasure) {
    Task task =
        engine.getTaskService().createTaskQuery().processInstanceId(erasure.getId()).singleResult();
    engine.getIdentityService().setAuthentication("supervisor", List.of("supervisors"));
    try {
      return engine.getFormService().getTaskFormVariables(task.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void theSecondPersonMayDecline() {
    String caseNumber = openCase();
    ProcessInstance erasure = request("coordinator", caseNumber, "no-longer-needed");

    approve(erasure, "supervisor", "reject");

    assertThat(erasure).isEnded().hasPassed("erasureNotDone").hasNotPassed("erasePerson");
    assertThat(vault.erased(caseNumber)).isFalse();
  }

  @Test
  void whoAskedMayNotApprove() {
    String caseNumber = openCase();
    ProcessInstance erasure = request("coordinator", caseNumber, "person-request");

    assertThatThrownBy(() -> approve(erasure, "coordinator", "approve"))
        .hasRootCauseInstanceOf(Refusal.class)
        .rootCause()
        .hasMessageContaining("別の人");
    assertThat(erasure).isWaitingAt("approveErasure");
    assertThat(vault.erased(caseNumber)).isFalse();
  }

  @Test
  void onlyACoordinatorResponsibleForTheCaseMayAsk() {
    String caseNumber = openCase();
    access.setRegions("coordinator-okinawa", List.of("47"));
    user("coordinator-okinawa");

    String notTheirs =
        Refusals.messageOf(() -> request("coordinator-okinawa", caseNumber, "person-request"));
    assertThat(notTheirs).contains("担当するコーディネーター");
    // a number that is no case gets the same answer: it tells nobody which cases exist
    assertThat(Refusals.messageOf(() -> request("coordinator", "2026-999999", "person-request")))
        .isEqualTo(notTheirs.replace(caseNumber, "2026-999999"));
    assertThatThrownBy(() -> request("coordinator", caseNumber, "because"))
        .hasRootCauseInstanceOf(Refusal.class)
        .rootCause()
        .hasMessageContaining("理由");
    assertThat(vault.erased(caseNumber)).isFalse();
  }

  /**
   * A modeller's own {@code erase-person}: its approval task's assignee set by a listener to a
   * coordinator, the case, reason and approver given as input parameters. Deployed live or as a
   * trial, started and completed by the modeller alone, it erases nothing.
   */
  @Test
  void aModelOfTheSameKeyCannotEraseWithoutTheSecondPerson() {
    String caseNumber = openCase();
    for (String tenant : java.util.Arrays.asList(null, "trial")) {
      var model =
          org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(Erasure.PROCESS_KEY)
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .userTask("approveErasure")
              .camundaAssignee("modeller")
              .camundaTaskListenerExpression("complete", "${task.setAssignee('coordinator')}")
              .serviceTask("erasePerson")
              .camundaExpression("${erasure.erase(execution)}")
              .camundaInputParameter("caseToErase", caseNumber)
              .camundaInputParameter("erasureReason", "person-request")
              .camundaInputParameter("erasureApprovedBy", "coordinator")
              .endEvent()
              .done();
      // modellers may start it: the model says so
      model
          .<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(Erasure.PROCESS_KEY)
          .setCamundaCandidateStarterGroups("modellers");
      var builder =
          engine.getRepositoryService().createDeployment().addModelInstance("erase.bpmn", model);
      String deployment = (tenant == null ? builder : builder.tenantId(tenant)).deploy().getId();
      try {
        engine
            .getIdentityService()
            .setAuthentication("modeller", List.of("modellers"), List.of("trial"));
        var instance =
            tenant == null
                ? engine.getRuntimeService().startProcessInstanceByKey(Erasure.PROCESS_KEY)
                : engine
                    .getRuntimeService()
                    .createProcessInstanceByKey(Erasure.PROCESS_KEY)
                    .processDefinitionTenantId(tenant)
                    .execute();
        Task task =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId()))
            .as(tenant == null ? "live" : "trial")
            .hasRootCauseInstanceOf(Refusal.class);
      } finally {
        engine.getIdentityService().clearAuthentication();
        engine.getRepositoryService().deleteDeployment(deployment, true);
        policy.followModels(); // who may start erase-person: the real model's starters again
      }
    }
    assertThat(vault.erased(caseNumber)).isFalse();
    assertThat(vault.open(caseNumber)).isPresent();
  }

  /** A modeller's model that calls the retention step, started by hand, forgets nothing. */
  @Test
  void forgettingRunsOnlyOnTheSchedule() {
    java.time.Instant now = ClockUtil.now().toInstant();
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(81))));
    String closed = closedCase();
    ClockUtil.reset();
    for (String key : List.of("tidy-up", Erasure.FORGET_PROCESS_KEY)) {
      var model =
          org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key)
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .serviceTask("forget")
              .camundaExpression("${erasure.forgetClosedCases(execution)}")
              .camundaInputParameter("keepIdentityFor", "P30D")
              .endEvent()
              .done();
      model
          .<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(key)
          .setCamundaCandidateStarterGroups("modellers");
      String deployment =
          engine
              .getRepositoryService()
              .createDeployment()
              .addModelInstance("tidy.bpmn", model)
              .deploy()
              .getId();
      try {
        engine.getIdentityService().setAuthentication("modeller", List.of("modellers"));
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(key))
            .as(key)
            .hasRootCauseInstanceOf(Refusal.class)
            .rootCause()
            .hasMessageContaining("決まった時刻");
      } finally {
        engine.getIdentityService().clearAuthentication();
        engine.getRepositoryService().deleteDeployment(deployment, true);
        policy.followModels();
      }
    }
    assertThat(vault.erased(closed)).isFalse();
    // the real model's schedule is back once the modeller's version is gone
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processDefinitionKey(Erasure.FORGET_PROCESS_KEY)
                .timers()
                .count())
        .isEqualTo(1);
  }

  @Test
  void anApprovalCompletedByNobodyLoggedInErasesNothing() {
    String caseNumber = openCase();
    ProcessInstance erasure = request("coordinator", caseNumber, "person-request");
    Task task =
        engine.getTaskService().createTaskQuery().processInstanceId(erasure.getId()).singleResult();
    engine.getTaskService().claim(task.getId(), "supervisor");

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(task.getId(), Map.of("erasureDecision", "approve")))
        .hasRootCauseInstanceOf(Refusal.class);
    assertThat(vault.erased(caseNumber)).isFalse();
  }

  @Test
  void closedCasesAreForgottenAfterTheTimeTheModelSays() {
    java.time.Instant now = ClockUtil.now().toInstant();
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(181))));
    String old = closedCase();
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(81))));
    String recent = closedCase();
    ClockUtil.reset();
    String open = openCase();

    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey("forget-closed-cases")
            .singleResult();
    engine.getManagementService().executeJob(timer.getId());

    assertThat(vault.erased(old)).as("closed 181 days ago").isTrue();
    assertThat(vault.erased(recent)).as("closed 81 days ago").isFalse();
    assertThat(vault.erased(open)).as("open").isFalse();
  }

  private String openCase() {
    return CaseDriver.start(engine, Markers.fresh().intake()).getBusinessKey();
  }

  private String closedCase() {
    ProcessInstance pi = CaseDriver.start(engine, Markers.fresh().intake());
    CaseDriver.complete(
        engine,
        pi,
        "reviewTriage",
        "coordinator",
        Map.of("tracks", jp.bansou.FormJson.list(List.of())));
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    CaseDriver.complete(engine, pi, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    CaseDriver.complete(
        engine,
        pi,
        "proposeClosure",
        null,
        Map.of("nextStep", "close", "outcome", "resolved", "systemicProblem", false));
    CaseDriver.complete(
        engine, pi, "approveClosure", "coordinator", Map.of("closureDecision", "approve"));
    return pi.getBusinessKey();
  }

  private ProcessInstance request(String requester, String caseNumber, String reason) {
    engine.getIdentityService().setAuthentication(requester, List.of("coordinators"));
    try {
      return engine
          .getRuntimeService()
          .startProcessInstanceByKey(
              Erasure.PROCESS_KEY,
              Variables.putValue("caseToErase", caseNumber).putValue("erasureReason", reason));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** As the approver does in Tasklist: logged in, claims the task and completes it. */
  private void approve(ProcessInstance erasure, String approver, String decision) {
    Task task =
        engine.getTaskService().createTaskQuery().processInstanceId(erasure.getId()).singleResult();
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), approver);
    }
    String group = approver.startsWith("supervisor") ? "supervisors" : "coordinators";
    engine.getIdentityService().setAuthentication(approver, List.of(group));
    try {
      engine.getTaskService().complete(task.getId(), Map.of("erasureDecision", decision));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void user(String id) {
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      var user = engine.getIdentityService().newUser(id);
      user.setPassword(id);
      TestAccounts.save(engine.getIdentityService(), user);
      engine.getIdentityService().createMembership(id, "coordinators");
    }
  }
}
