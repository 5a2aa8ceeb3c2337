package jp.bansou.companion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Process {@code companion-onboarding}: application, review, account, course. */
@CaseEngineTest
public class CompanionOnboardingProcessTest {

  static final List<String> BASICS =
      List.of("casework", "residence", "labour", "welfare", "children-youth");

  @Autowired ProcessEngine engine;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired CompanionProfiles profiles;
  @Autowired CompanionMatcher matcher;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @Test
  void acceptedApplicantGetsAnAccountGroupsAndAProfileThatMatchingUses() {
    String userId = "volunteer-" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance pi = apply(userId, "coordinator");

    assertThat(task("reviewApplication", pi)).hasCandidateGroup("coordinators");
    complete(task("reviewApplication", pi), withVariables("reviewDecision", "accept"));

    assertThat(identityService.createUserQuery().userId(userId).memberOfGroup("companions").count())
        .isEqualTo(1);
    assertThat(
            identityService.createUserQuery().userId(userId).memberOfGroup("interpreters").count())
        .isEqualTo(1);
    assertThat(identityService.getUserInfo(userId, "mailLanguage")).isEqualTo("en");
    CompanionProfile profile = profiles.find(userId).orElseThrow();
    assertThat(profile.languageLevels())
        .containsEntry("si", "fluent")
        .containsEntry("en", "conversational");
    assertThat(profile.prefectures()).containsExactly("32");
    assertThat(profile.interpreter()).isTrue();
    assertThat(profile.certified()).isFalse();
    execute(job("sendWelcomeMail", pi));
    assertThat(pi).isWaitingAt("recordAttendance");
  }

  @Test
  void fiveBasicSessionsCertifyTheCompanion() {
    String userId = acceptedCompanion();
    ProcessInstance pi = onboardingOf(userId);

    for (String session : BASICS) {
      assertThat(profiles.find(userId).orElseThrow().certified()).isFalse();
      attend(pi, session, false);
    }

    assertThat(profiles.find(userId).orElseThrow().certified()).isTrue();
    assertThat(
            identityService
                .createUserQuery()
                .userId(userId)
                .memberOfGroup(Role.CERTIFIED_COMPANIONS)
                .count())
        .isEqualTo(1);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "courseProgress"))
        .contains("5/9", "認定伴走者");
    assertThat(pi).isWaitingAt("recordAttendance");
  }

  @Test
  void anAppliedSessionAddsItsSpecialtyAndMatchingSeesIt() {
    String userId = acceptedCompanion();
    ProcessInstance pi = onboardingOf(userId);

    attend(pi, "refugee", false);

    assertThat(profiles.find(userId).orElseThrow().specialties()).contains("refugee");
    var candidate =
        matcher.rank("32", List.of("si"), List.of("refugee"), List.of()).stream()
            .filter(c -> c.userId().equals(userId))
            .findFirst()
            .orElseThrow();
    assertThat(candidate.reasons()).contains("難民");
  }

  @Test
  void aSingleSessionIsAllowedAndTheCourseCanEnd() {
    String userId = acceptedCompanion();
    ProcessInstance pi = onboardingOf(userId);

    attend(pi, "dv", true);

    assertThat(pi).isEnded().hasPassed("enrolmentDone");
    assertThat(profiles.find(userId).orElseThrow().specialties()).containsExactly("dv");
  }

  @Test
  void allNineSessionsEndTheCourse() {
    String userId = acceptedCompanion();
    ProcessInstance pi = onboardingOf(userId);
    for (String session :
        List.of(
            "casework",
            "residence",
            "labour",
            "welfare",
            "children-youth",
            "technical-intern",
            "dv",
            "refugee",
            "irregular")) {
      attend(pi, session, false);
    }
    assertThat(pi).isEnded();
  }

  @Test
  void coordinatorAsksForMoreAndTheApplicantAnswers() {
    String userId = "volunteer-" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance pi = apply(userId, "companion2");

    complete(
        task("reviewApplication", pi),
        withVariables("reviewDecision", "askForMore", "reviewQuestions", "同行の経験はありますか"));

    assertThat(task("provideMoreInformation", pi)).isAssignedTo("companion2");
    complete(task("provideMoreInformation", pi), withVariables("moreInformation", "3年あります"));
    assertThat(pi).isWaitingAt("reviewApplication");
    assertThat(pi).variables().containsEntry("moreInformation", "3年あります");
  }

  /**
   * An application naming an account already there (here a companion applying again in another's
   * name) keeps the account's name and its profile's: what a companion may not rename, an accepted
   * application does not rename either.
   */
  @Test
  void anApplicationForAnExistingAccountKeepsItsName() {
    String userId = acceptedCompanion();
    String before = profiles.find(userId).orElseThrow().displayName();
    ProcessInstance again =
        formService.submitStartForm(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("companion-onboarding")
                .latestVersion()
                .singleResult()
                .getId(),
            application(userId).putValue("applicantName", "コーディネーター"));

    complete(task("reviewApplication", again), withVariables("reviewDecision", "accept"));

    assertThat(profiles.find(userId).orElseThrow().displayName()).isEqualTo(before);
    assertThat(identityService.createUserQuery().userId(userId).singleResult().getFirstName())
        .isEqualTo("テスト ボランティア");
  }

  @Test
  void declinedApplicationCreatesNoAccount() {
    String userId = "volunteer-" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance pi = apply(userId, "coordinator");

    complete(task("reviewApplication", pi), withVariables("reviewDecision", "decline"));

    assertThat(pi).isEnded().hasPassed("applicationDeclined");
    assertThat(identityService.createUserQuery().userId(userId).count()).isZero();
    assertThat(profiles.find(userId)).isEmpty();
  }

  // --- steps ---

  public static VariableMap application(String userId) {
    return Variables.createVariables()
        .putValue("applicantUserId", userId)
        .putValue("applicantName", "テスト ボランティア")
        .putValue("applicantEmail", userId + "@example.invalid")
        .putValue("mailLanguage", "en")
        .putValueTyped("fluentLanguages", FormJson.list(List.of("si", "ja")))
        .putValueTyped("conversationalLanguages", FormJson.list(List.of("en")))
        .putValueTyped("coveredPrefectures", FormJson.list(List.of("32")))
        .putValue("worksRemotely", false)
        .putValue("wantsToInterpret", true)
        .putValue("availability", "土日");
  }

  private ProcessInstance apply(String userId, String startedBy) {
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("companion-onboarding")
            .latestVersion()
            .singleResult()
            .getId();
    // as Tasklist does: the starter is authenticated with their groups, and becomes the initiator
    identityService.setAuthentication(
        startedBy,
        identityService.createGroupQuery().groupMember(startedBy).list().stream()
            .map(g -> g.getId())
            .toList());
    try {
      return formService.submitStartForm(definition, application(userId));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String acceptedCompanion() {
    String userId = "volunteer-" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance pi = apply(userId, "coordinator");
    complete(task("reviewApplication", pi), withVariables("reviewDecision", "accept"));
    execute(job("sendWelcomeMail", pi));
    return userId;
  }

  private ProcessInstance onboardingOf(String userId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey("companion-onboarding")
        .variableValueEquals("applicantUserId", userId)
        .singleResult();
  }

  private void attend(ProcessInstance pi, String session, boolean finish) {
    complete(
        task("recordAttendance", pi),
        withVariables(
            "courseSession", session, "attendedOn", "2026-11-20", "finishCourse", finish));
  }
}
