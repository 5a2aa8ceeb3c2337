package jp.bansou.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.policy.PolicyIssue;
import jp.bansou.tracks.TrackDriver;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Process {@code accompaniment-case}: one test per path. */
@CaseEngineTest
class AccompanimentCaseProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired FormService formService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @Test
  void caseRunsFromIntakeToClosure() {
    ProcessInstance pi = start(Intake.person());

    assertThat(pi).isWaitingAt("reviewTriage").hasPassed("registerCase", "decideTriage");
    assertThat(pi.getBusinessKey()).matches("\\d{4}-\\d{6}");
    assertThat(runtimeService.getVariable(pi.getId(), "caseNumber")).isEqualTo(pi.getBusinessKey());
    assertThat(runtimeService.getVariable(pi.getId(), "statusCategory"))
        .isEqualTo("technical-intern");
    assertThat(task("reviewTriage", pi)).hasCandidateGroup("coordinators");

    triageAsProposed(pi);
    assertThat(pi).isWaitingAt("confirmCompanion");
    assignCompanion(pi, "companion");
    assertThat(pi).isWaitingAt("runTrack");

    completeTracks(pi);
    assertThat(pi).isWaitingAt("proposeClosure");
    assertThat(task("proposeClosure", pi)).isAssignedTo("companion");
    proposeClosure(pi, false, "");
    assertThat(pi).isWaitingAt("approveClosure");
    complete(task("approveClosure", pi), withVariables("closureDecision", "approve"));

    assertThat(pi)
        .isEnded()
        .hasPassed("caseWorkDone", "caseClosed")
        .hasNotPassed("flagPolicyIssue");
  }

  @Test
  void intakeWithoutConsentIsRefusedAndNothingIsKept() {
    long before =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("accompaniment-case")
            .count();
    Intake intake = Intake.person().with("consentCaseWork", false);

    assertThatThrownBy(() -> start(intake))
        .isInstanceOf(jp.bansou.engine.Refusal.class)
        .hasMessageContaining("同意");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("accompaniment-case")
                .count())
        .isEqualTo(before);
  }

  @Test
  void samePhoneIsShownToTheCoordinatorAndCanContinueAsANewCase() {
    Intake first = Intake.person();
    ProcessInstance earlier = start(first);
    Intake second = Intake.person().with("phone", first.phone().replace("-", " "));

    ProcessInstance pi = start(second);

    assertThat(pi).isWaitingAt("reviewPossibleDuplicate");
    assertThat(runtimeService.getVariable(pi.getId(), "possibleDuplicateSummary"))
        .asString()
        .contains(earlier.getBusinessKey(), "電話番号が同じ");
    complete(task("reviewPossibleDuplicate", pi), withVariables("duplicateDecision", "newCase"));
    assertThat(pi).isWaitingAt("reviewTriage");
    assertThat(earlier).isActive();
  }

  @Test
  void sameNameAndBirthDateCanBeLinkedToTheEarlierCase() {
    Intake first = Intake.person();
    ProcessInstance earlier = start(first);
    Intake second =
        Intake.person()
            .with("personName", "  " + first.personName().toUpperCase() + " ")
            .with("birthDate", first.variables().get("birthDate"));

    ProcessInstance pi = start(second);

    assertThat(pi).isWaitingAt("reviewPossibleDuplicate");
    assertThat(runtimeService.getVariable(pi.getId(), "possibleDuplicateSummary"))
        .asString()
        .contains(earlier.getBusinessKey(), "名前と生年月日が同じ");
    complete(
        task("reviewPossibleDuplicate", pi),
        withVariables("duplicateDecision", "link", "linkedCaseNumber", earlier.getBusinessKey()));
    assertThat(pi).isWaitingAt("reviewTriage");
    assertThat(runtimeService.getVariable(pi.getId(), "linkedCaseNumber"))
        .isEqualTo(earlier.getBusinessKey());
  }

  @Test
  void duplicateRequestCanBeClosed() {
    Intake first = Intake.person();
    start(first);
    ProcessInstance pi = start(Intake.person().with("phone", first.phone()));

    complete(
        task("reviewPossibleDuplicate", pi),
        withVariables("duplicateDecision", "closeAsDuplicate"));

    assertThat(pi).isEnded().hasPassed("closedAsDuplicate").hasNotPassed("decideTriage");
  }

  @Test
  void coordinatorOverridesTheProposedTriage() {
    ProcessInstance pi = start(Intake.person());
    assertThat(pi).variables().containsEntry("urgency", "normal");

    complete(
        task("reviewTriage", pi),
        withVariables(
            "urgency", "urgent",
            "tracks", FormJson.list(List.of("employer-negotiation", "lawyer-escalation")),
            "triageNote", "労基署への申告期限が近い"));

    assertThat(pi).isWaitingAt("confirmCompanion");
    assertThat(pi)
        .variables()
        .containsEntry("urgency", "urgent")
        .containsEntry("urgencyLabel", "至急")
        .containsEntry("triageOverridden", true)
        .containsEntry("trackList", List.of("employer-negotiation", "lawyer-escalation"));
  }

  @Test
  void acceptedProposalIsNotAnOverride() {
    ProcessInstance pi = start(Intake.person());
    triageAsProposed(pi);
    assertThat(pi).variables().containsEntry("triageOverridden", false);
  }

  @Test
  void triageNotDoneInTimeEscalatesToSupervisors() {
    ProcessInstance pi = start(Intake.person().with("noFoodOrMoney", true));
    assertThat(pi)
        .variables()
        .containsEntry("urgency", "emergency")
        .containsEntry("triageDeadline", "PT24H");
    assertThat(task("reviewTriage", pi).getPriority()).isEqualTo(90);

    execute(job("triageOverdue", pi));

    assertThat(pi).isWaitingAt("reviewTriage", "handleOverdueTriage");
    assertThat(task("handleOverdueTriage", pi)).hasCandidateGroup("supervisors");
    complete(task("handleOverdueTriage", pi), withVariables("overdueAction", "担当に電話した"));
    assertThat(pi).hasPassed("overdueTriageHandled").isWaitingAt("reviewTriage");
  }

  @Test
  void declinedCompanionIsReplaced() {
    ProcessInstance pi = start(Intake.person());
    triageAsProposed(pi);
    complete(task("confirmCompanion", pi), withVariables("companionId", "companion"));
    assertThat(task("offerCase", pi)).isAssignedTo("companion");

    complete(
        task("offerCase", pi), withVariables("offerAnswer", "decline", "declineReason", "手一杯"));

    assertThat(pi).isWaitingAt("confirmCompanion").hasPassed("excludeCompanion");
    assertThat(companionOptions(pi)).doesNotContain("companion").contains("companion2");
    assignCompanion(pi, "companion2");
    assertThat(pi).isWaitingAt("runTrack");
  }

  @Test
  void unansweredOfferGoesBackToMatching() {
    ProcessInstance pi = start(Intake.person());
    triageAsProposed(pi);
    complete(task("confirmCompanion", pi), withVariables("companionId", "companion"));

    execute(job("offerExpired", pi));

    assertThat(pi).isWaitingAt("confirmCompanion");
    assertThat(companionOptions(pi)).doesNotContain("companion");
  }

  @Test
  void noCandidateLeftGoesToTheCoordinatorWhoCanSearchAgain() {
    ProcessInstance pi = start(Intake.person());
    triageAsProposed(pi);
    for (String companion : companionOptions(pi)) {
      complete(task("confirmCompanion", pi), withVariables("companionId", companion));
      complete(task("offerCase", pi), withVariables("offerAnswer", "decline"));
    }

    assertThat(pi).isWaitingAt("handleNoCandidate");
    complete(
        task("handleNoCandidate", pi),
        withVariables("clearDeclines", true, "noCandidateNote", "近隣の団体に相談"));

    assertThat(pi).isWaitingAt("confirmCompanion");
    assertThat(companionOptions(pi)).contains("companion", "companion2");
  }

  @Test
  void tracksRunAsParallelCallActivitiesCarryingTheCaseNumberButNoIdentifiers() {
    Intake intake = Intake.person().list("problemFields", "labour", "housing");
    ProcessInstance pi = start(intake);
    triageAsProposed(pi);
    assignCompanion(pi, "companion");

    List<ProcessInstance> tracks = calledInstances(pi);
    assertThat(tracks).hasSize(2);
    assertThat(tracks)
        .extracting(ProcessInstance::getBusinessKey)
        .containsOnly(pi.getBusinessKey());
    assertThat(
            tracks.stream()
                .map(
                    t ->
                        repositoryService
                            .getProcessDefinition(t.getProcessDefinitionId())
                            .getKey()))
        .containsExactlyInAnyOrder("office-accompaniment", "employer-negotiation");
    for (ProcessInstance track : tracks) {
      Map<String, Object> variables = runtimeService.getVariables(track.getId());
      assertThat(variables)
          .containsEntry("caseNumber", pi.getBusinessKey())
          .containsEntry("companionId", "companion");
      assertThat(variables)
          .doesNotContainKeys("personName", "phone", "email", "birthDate", "problemDescription");
    }
    completeTracks(pi);
    assertThat(pi).isWaitingAt("proposeClosure");
  }

  @Test
  void companionAddsATrackLater() {
    ProcessInstance pi = start(Intake.person());
    triageAsProposed(pi);
    assignCompanion(pi, "companion");
    completeTracks(pi);

    complete(
        task("proposeClosure", pi),
        withVariables("nextStep", "addTrack", "additionalTrack", "lawyer-escalation"));

    assertThat(pi).isWaitingAt("runAddedTrack");
    List<ProcessInstance> added = calledInstances(pi);
    assertThat(added).hasSize(1);
    assertThat(
            repositoryService.getProcessDefinition(added.get(0).getProcessDefinitionId()).getKey())
        .isEqualTo("lawyer-escalation");
    completeTracks(pi);
    assertThat(pi).isWaitingAt("proposeClosure");
  }

  @Test
  void companionChecksInEvery14Days() {
    ProcessInstance pi = startSupportPhase();

    execute(job("checkInDue", pi));

    assertThat(task("checkIn", pi)).isAssignedTo("companion");
    complete(task("checkIn", pi), withVariables("checkInStatus", "来週ハローワークに同行"));
    assertThat(pi).hasPassed("checkInDone");
    assertThat(job("checkInDue", pi)).isNotNull(); // the cycle goes on
  }

  @Test
  void noUpdateFor30DaysRaisesATaskForSupervisors() {
    ProcessInstance pi = startSupportPhase();
    execute(job("checkInDue", pi));

    execute(job("noUpdate", pi));

    assertThat(task("followUpSilentCase", pi)).hasCandidateGroup("supervisors");
    complete(task("followUpSilentCase", pi), withVariables("silentCaseAction", "伴走者に電話"));
    assertThat(pi).hasPassed("silentCaseFollowedUp");
    assertThat(task("checkIn", pi)).isNotNull();
  }

  @Test
  void coordinatorSendsTheClosureBack() {
    ProcessInstance pi = startSupportPhase();
    completeTracks(pi);
    proposeClosure(pi, false, "");

    complete(
        task("approveClosure", pi),
        withVariables("closureDecision", "sendBack", "closureSendBackNote", "結果をもう少し詳しく"));

    assertThat(pi).isWaitingAt("proposeClosure");
    assertThat(task("proposeClosure", pi)).isAssignedTo("companion");
    proposeClosure(pi, false, "");
    complete(task("approveClosure", pi), withVariables("closureDecision", "approve"));
    assertThat(pi).isEnded();
  }

  @Test
  void systemicProblemStartsAPolicyIssueThatHoldsNoIdentifiers() {
    Intake intake = Intake.person();
    ProcessInstance pi = start(intake);
    triageAsProposed(pi);
    assignCompanion(pi, "companion");
    completeTracks(pi);
    List<String> policyIssuesBefore = policyIssues().stream().map(ProcessInstance::getId).toList();

    proposeClosure(pi, true, "監理団体が相談を受け付けず、実習先の変更ができない。");
    complete(task("approveClosure", pi), withVariables("closureDecision", "approve"));

    assertThat(pi).isEnded().hasPassed("flagPolicyIssue", "caseClosedWithPolicyIssue");
    List<ProcessInstance> started =
        policyIssues().stream().filter(i -> !policyIssuesBefore.contains(i.getId())).toList();
    assertThat(started).hasSize(1);
    ProcessInstance issue = started.get(0);
    Map<String, Object> variables = runtimeService.getVariables(issue.getId());
    variables.remove(PolicyIssue.REGISTER_OPTIONS.name());
    assertThat(variables.keySet()).isSubsetOf(PolicyIssue.HANDED_OVER);
    assertThat(variables)
        .containsEntry("advocacyField", "technical-intern")
        .containsEntry("prefecture", "13")
        .containsEntry("statusCategory", "technical-intern")
        .containsEntry("outcome", "partly-resolved");
    assertThat(issue.getBusinessKey()).isNull();
    String everything = variables.toString() + " " + issue;
    assertThat(everything)
        .doesNotContain(intake.personName(), intake.phone(), intake.email(), pi.getBusinessKey())
        .doesNotContain((String) intake.variables().get("birthDate"));
  }

  @Test
  void policyDescriptionThatNamesThePersonIsRefusedAndTheTaskStays() {
    Intake intake = Intake.person();
    ProcessInstance pi = start(intake);
    triageAsProposed(pi);
    assignCompanion(pi, "companion");
    completeTracks(pi);
    Task proposal = task("proposeClosure", pi);

    assertThatThrownBy(
            () ->
                taskService.complete(
                    proposal.getId(),
                    closureVariables(true, intake.personName() + "さんの雇用主が賃金を払わない")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("名前");

    assertThat(pi).isWaitingAt("proposeClosure");
    assertThat(task("proposeClosure", pi).getId()).isEqualTo(proposal.getId());
  }

  @Test
  void anEmergencyOfferWaitsHalfADayNotThreeDays() {
    ProcessInstance pi = start(Intake.person().with("noFoodOrMoney", true));
    triageAsProposed(pi);
    complete(task("confirmCompanion", pi), withVariables("companionId", "companion"));

    assertThat(pi).variables().containsEntry("offerDeadline", "PT12H");
    java.util.Date expected =
        java.util.Date.from(
            org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                .toInstant()
                .plus(java.time.Duration.ofHours(12)));
    assertThat(task("offerCase", pi).getDueDate()).isCloseTo(expected, 60_000);
    assertThat(job("offerExpired", pi).getDuedate()).isCloseTo(expected, 60_000);
  }

  /** 児童虐待防止法6条: the duty to notify is put in front of the coordinator and the companion. */
  @Test
  void whatTheCoordinatorMustKnowAtOnceIsShownAndTravelsWithTheCase() {
    ProcessInstance pi = start(Intake.person().with("childAbuse", true));

    assertThat(pi).variables().containsEntry("urgency", "emergency");
    assertThat(runtimeService.getVariable(pi.getId(), "triageFlags"))
        .asString()
        .contains("duty-to-notify");
    assertThat((String) runtimeService.getVariable(pi.getId(), "triageSummary"))
        .contains("注意", "児童虐待防止法6条");
    assertThat((String) runtimeService.getVariable(pi.getId(), "caseOverview"))
        .contains("児童相談所か福祉事務所に通告します");
  }

  @Test
  void documentPreparationRunsAsATrackOfTheCaseAndTheClosureShowsTheVisits() {
    ProcessInstance pi = start(Intake.person().list("problemFields", "residence"));
    assertThat(runtimeService.getVariable(pi.getId(), "proposedTracks"))
        .asString()
        .isEqualTo("[\"office-accompaniment\",\"document-preparation\"]");
    triageAsProposed(pi);
    assignCompanion(pi, "companion");

    assertThat(calledInstances(pi))
        .extracting(
            t -> repositoryService.getProcessDefinition(t.getProcessDefinitionId()).getKey())
        .containsExactlyInAnyOrder("office-accompaniment", "document-preparation");
    completeTracks(pi);

    assertThat(pi).isWaitingAt("proposeClosure");
    assertThat(
            (String)
                taskService.getVariableLocal(task("proposeClosure", pi).getId(), "visitRecord"))
        .contains("これまでの同行", "病院", "予定どおりできた");
  }

  // --- steps, as Tasklist would take them ---

  private ProcessInstance start(Intake intake) {
    String definitionId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("accompaniment-case")
            .withoutTenantId()
            .latestVersion()
            .singleResult()
            .getId();
    return formService.submitStartForm(definitionId, intake.variables());
  }

  private ProcessInstance startSupportPhase() {
    ProcessInstance pi = start(Intake.person());
    triageAsProposed(pi);
    assignCompanion(pi, "companion");
    return pi;
  }

  private void triageAsProposed(ProcessInstance pi) {
    complete(task("reviewTriage", pi));
  }

  private void assignCompanion(ProcessInstance pi, String companion) {
    assertThat(companionOptions(pi)).contains(companion);
    complete(task("confirmCompanion", pi), withVariables("companionId", companion));
    // meant for one person: assigned, nothing to claim, due when the offer runs out
    assertThat(task("offerCase", pi)).isAssignedTo(companion);
    assertThat(task("offerCase", pi).getDueDate())
        .isCloseTo(
            java.util.Date.from(
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                    .toInstant()
                    .plus(java.time.Duration.ofDays(3))),
            60_000);
    complete(task("offerCase", pi), withVariables("offerAnswer", "accept"));
  }

  private void completeTracks(ProcessInstance pi) {
    TrackDriver.completeTracks(engine, pi.getId());
  }

  private void proposeClosure(ProcessInstance pi, boolean systemicProblem, String description) {
    complete(task("proposeClosure", pi), closureVariables(systemicProblem, description));
  }

  private Map<String, Object> closureVariables(boolean systemicProblem, String description) {
    return withVariables(
        "nextStep", "close",
        "outcome", "partly-resolved",
        "closureSummary", "未払い賃金の一部を回収した",
        "systemicProblem", systemicProblem,
        "advocacyField", "technical-intern",
        "policyDescription", description);
  }

  private List<ProcessInstance> calledInstances(ProcessInstance pi) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list();
  }

  private List<ProcessInstance> policyIssues() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("policy-issue").list();
  }

  private List<String> companionOptions(ProcessInstance pi) {
    return CaseFile.COMPANION_OPTIONS
        .read(runtimeService.getVariable(pi.getId(), "companionOptions"))
        .orElseThrow()
        .stream()
        .map(jp.bansou.engine.Option::value)
        .toList();
  }
}
