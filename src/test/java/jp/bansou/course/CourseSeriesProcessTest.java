package jp.bansou.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.engine.EngineClock;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process {@code course-series}: the course as sessions with a date, a lecturer and a place; people
 * who are not companions register (an applicant record, not an account), attendance and a short
 * evaluation per session, certificates by the DMN at the end; a companion's attendance feeds their
 * profile as onboarding does.
 */
@CaseEngineTest
class CourseSeriesProcessTest {

  static final List<String> NINE =
      List.of(
          "casework",
          "residence",
          "labour",
          "welfare",
          "children-youth",
          "technical-intern",
          "dv",
          "refugee",
          "irregular");
  static final List<String> BASICS = NINE.subList(0, 5);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired CompanionProfiles profiles;
  @Autowired CourseRecords records;

  private final List<String> usersToDelete = new ArrayList<>();

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @AfterEach
  void deleteUsers() {
    usersToDelete.forEach(identityService::deleteUser);
  }

  @Test
  void registrationAttendanceAndCertificatesForApplicantsAndACompanion() {
    String companion = companionAccount();
    ProcessInstance pi = plan(NINE);
    String series = pi.getBusinessKey();
    assertThat(series).matches("CS-\\d{4}");
    assertThat(tasks(pi, "planCourseSession")).hasSize(9);
    for (int i = 0; i < NINE.size(); i++) {
      Task planTask = tasks(pi, "planCourseSession").get(0);
      assertThat((String) taskService.getVariable(planTask.getId(), "courseTopicLabel"))
          .isNotBlank();
      complete(
          planTask,
          Map.of(
              "sessionDate", LocalDate.now(EngineClock.JAPAN).plusDays(7 + i).toString(),
              "sessionStartTime", "18:30",
              "lecturer", "講師 " + (i + 1),
              "sessionVenueType", "venue",
              "sessionVenue", "新宿区民センター"));
    }

    // people who are not companions yet register; a companion is linked to their account
    register(pi, "研修 花子", "none", NINE);
    register(pi, "単発 太郎", "none", List.of("refugee"));
    register(pi, "伴走 次郎", companion, BASICS);
    assertThat(runtimeService.getVariable(pi.getId(), "registeredCount")).isEqualTo(3L);
    assertThat(runtimeService.getVariable(pi.getId(), "applicantName")).isNull();
    complete(task(pi, "registerCourseApplicant"), Map.of("registrationAction", "close"));
    assertThat(tasks(pi, "registerCourseApplicant")).isEmpty();

    // each session on its day: the roll call (花子 misses DV), then the evaluation
    List<Job> days =
        managementService
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId("sessionDay")
            .list();
    assertThat(days).hasSize(9);
    days.forEach(j -> managementService.executeJob(j.getId()));
    for (Task rollCall : tasks(pi, "recordSessionAttendance")) {
      String topic = (String) taskService.getVariable(rollCall.getId(), "courseTopic");
      @SuppressWarnings("unchecked")
      List<String> present =
          new ArrayList<>(
              (List<String>)
                  org.camunda.spin.Spin.JSON(
                          taskService.getVariable(rollCall.getId(), "attendees").toString())
                      .mapTo(List.class));
      if ("dv".equals(topic)) {
        present.remove(applicantId(series, "研修 花子"));
      }
      complete(rollCall, Map.of("attendees", FormJson.list(present)));
    }
    assertThat(profiles.find(companion).orElseThrow().specialties()).containsAll(BASICS);
    assertThat(profiles.find(companion).orElseThrow().certified()).isTrue();
    assertThat(
            identityService
                .createUserQuery()
                .userId(companion)
                .memberOfGroup(Role.CERTIFIED_COMPANIONS)
                .count())
        .isEqualTo(1);

    for (Task evaluation : tasks(pi, "recordSessionEvaluation")) {
      complete(
          evaluation,
          Map.of(
              "evaluationResponses",
              3,
              "ratedGood",
              2,
              "ratedFair",
              1,
              "ratedPoor",
              0,
              "evaluationComments",
              "事例がよかった"));
    }

    assertThat(pi).isWaitingAt("handOutCertificates");
    assertThat((String) runtimeService.getVariable(pi.getId(), "certificateList"))
        .contains("研修 花子：基礎課程修了証（出席 8回）")
        .contains("単発 太郎：受講証明書（出席 1回）")
        .contains("伴走 次郎：基礎課程修了証（出席 5回）", "プロフィールにも記録しました");
    assertThat(records.sessions(CourseSeries.id(series)))
        .hasSize(9)
        .allSatisfy(s -> assertThat(s.held()).isTrue());
    complete(task(pi, "handOutCertificates"), Map.of("certificatesHanded", true));
    assertThat(pi).isEnded().hasPassed("courseFinished");
    assertThat(records.certificates(CourseSeries.id(series)))
        .containsEntry("basic", 2L)
        .containsEntry("attendance", 1L);
  }

  @Test
  void aSingleSessionSeriesEndsWhileRegistrationIsStillOpen() {
    ProcessInstance pi = plan(List.of("dv"));
    complete(
        task(pi, "planCourseSession"),
        Map.of(
            "sessionDate", LocalDate.now(EngineClock.JAPAN).toString(),
            "sessionStartTime", "10:00",
            "lecturer", "DV支援の専門家",
            "sessionVenueType", "online",
            "sessionVenue", "Zoom"));
    register(pi, "一回 だけ", "none", List.of("dv"));
    runDay(pi);
    complete(task(pi, "recordSessionAttendance"), Map.of());
    complete(
        task(pi, "recordSessionEvaluation"),
        Map.of("evaluationResponses", 1, "ratedGood", 1, "ratedFair", 0, "ratedPoor", 0));

    assertThat(tasks(pi, "registerCourseApplicant")).isEmpty();
    assertThat((String) runtimeService.getVariable(pi.getId(), "certificateList"))
        .contains("一回 だけ：受講証明書（出席 1回）");
  }

  @Test
  void anEvaluationWithMoreAnswersThanResponsesIsRefused() {
    ProcessInstance pi = plan(List.of("refugee"));
    complete(
        task(pi, "planCourseSession"),
        Map.of(
            "sessionDate", LocalDate.now(EngineClock.JAPAN).toString(),
            "sessionStartTime", "10:00",
            "lecturer", "講師",
            "sessionVenueType", "venue"));
    runDay(pi);
    complete(task(pi, "recordSessionAttendance"), Map.of());
    Task evaluation = task(pi, "recordSessionEvaluation");

    assertThatThrownBy(
            () ->
                taskService.complete(
                    evaluation.getId(),
                    Map.of("evaluationResponses", 2, "ratedGood", 2, "ratedPoor", 1)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("答えた人数（2人）より多く");
    assertThat(task(pi, "recordSessionEvaluation")).isNotNull();
  }

  @Test
  void anApplicantWithoutASessionIsRefused() {
    ProcessInstance pi = plan(List.of("labour"));
    Task registration = task(pi, "registerCourseApplicant");
    assertThatThrownBy(
            () ->
                taskService.complete(
                    registration.getId(),
                    Map.of(
                        "registrationAction",
                        "register",
                        "applicantName",
                        "名前 だけ",
                        "registeredTopics",
                        FormJson.list())))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("1回だけでも");
  }

  // --- steps ---

  private ProcessInstance plan(List<String> topics) {
    VariableMap plan =
        Variables.createVariables()
            .putValue("courseTitle", "伴走者研修 " + UUID.randomUUID().toString().substring(0, 4))
            .putValue("prefecture", "13")
            .putValue("courseVenueType", "venue")
            .putValue("courseVenue", "新宿区民センター")
            .putValueTyped("courseTopics", FormJson.list(topics));
    String definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(CourseSeries.PROCESS_KEY)
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

  private void register(ProcessInstance pi, String name, String account, List<String> topics) {
    complete(
        task(pi, "registerCourseApplicant"),
        Map.of(
            "registrationAction",
            "register",
            "applicantName",
            name,
            "applicantContact",
            "090-0000-0000",
            "applicantPrefecture",
            "13",
            "applicantAccount",
            account,
            "registeredTopics",
            FormJson.list(topics)));
  }

  private void runDay(ProcessInstance pi) {
    managementService
        .createJobQuery()
        .processInstanceId(pi.getId())
        .activityId("sessionDay")
        .list()
        .forEach(j -> managementService.executeJob(j.getId()));
  }

  private String applicantId(String series, String name) {
    return records.applicants(CourseSeries.id(series)).stream()
        .filter(a -> a.displayName().equals(name))
        .map(a -> String.valueOf(a.id()))
        .findFirst()
        .orElseThrow();
  }

  /** A companion account with a profile, as onboarding would have made it. */
  private String companionAccount() {
    String id = "course-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setFirstName(id);
    identityService.saveUser(user);
    identityService.createMembership(id, Role.COMPANIONS.groupId());
    usersToDelete.add(id);
    profiles.save(
        new CompanionProfile(
            id, "研修テスト伴走者", List.of("13"), List.of("ja"), List.of(), false, false, true));
    return id;
  }

  private List<Task> tasks(ProcessInstance pi, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(key)
        .list();
  }

  private Task task(ProcessInstance pi, String key) {
    List<Task> found = tasks(pi, key);
    return found.isEmpty() ? null : found.get(0);
  }

  private void complete(Task task, Map<String, Object> variables) {
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), "coordinator");
    }
    VariableMap typed = Variables.createVariables();
    variables.forEach(
        (k, v) -> {
          if (v instanceof org.camunda.bpm.engine.variable.value.TypedValue t) {
            typed.putValueTyped(k, t);
          } else {
            typed.putValue(k, v);
          }
        });
    taskService.complete(task.getId(), typed);
  }
}
