package jp.bansou.demo;

import static jp.bansou.reference.CsvRows.codes;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.bansou.course.CourseRecords;
import jp.bansou.course.CourseRecords.Applicant;
import jp.bansou.course.CourseSeries;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.StartupStep;
import jp.bansou.reference.CsvRows;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * A fictional course series with the nine sessions of the seed ({@code demo/course-sessions.csv}),
 * weekly from two weeks ago: the applicants of {@code demo/course-applicants.csv} registered (one
 * of them the demo companion {@code companion2}), the two past sessions held with their attendance
 * and evaluation, the others to come. Seeded once, in demo mode only.
 */
@Component
@ConditionalOnExpression("${bansou.demo-mode:false} and ${bansou.demo-data:true}")
public class DemoCourseSeries implements StartupStep {

  static final String SESSIONS = "demo/course-sessions.csv";
  static final String APPLICANTS = "demo/course-applicants.csv";

  private static final Logger LOG = LoggerFactory.getLogger(DemoCourseSeries.class);

  private final FormService formService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final CourseRecords records;
  private final EngineClock clock;

  public DemoCourseSeries(
      FormService formService,
      TaskService taskService,
      RuntimeService runtimeService,
      ManagementService managementService,
      RepositoryService repositoryService,
      IdentityService identityService,
      CourseRecords records,
      EngineClock clock) {
    this.formService = formService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "demo course series";
  }

  @Override
  public int getOrder() {
    return DEMO + 4;
  }

  @Override
  public void run() {
    if (records.seriesCount() > 0
        || repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(CourseSeries.PROCESS_KEY)
                .count()
            == 0) {
      return;
    }
    List<Map<String, String>> sessions = CsvRows.read(SESSIONS);
    ProcessInstance pi = plan(sessions.stream().map(s -> s.get("topic")).toList());
    for (Map<String, String> session : sessions) {
      Task planTask =
          taskService
              .createTaskQuery()
              .processInstanceId(pi.getId())
              .taskDefinitionKey("planCourseSession")
              .list()
              .stream()
              .filter(
                  t ->
                      session
                          .get("topic")
                          .equals(taskService.getVariable(t.getId(), "courseTopic")))
              .findFirst()
              .orElseThrow();
      complete(
          planTask,
          Variables.createVariables()
              .putValue(
                  "sessionDate",
                  clock.today().plusDays(Long.parseLong(session.get("days_from_today"))).toString())
              .putValue("sessionStartTime", session.get("start_time"))
              .putValue("lecturer", session.get("lecturer"))
              .putValue("sessionVenueType", session.get("venue_type"))
              .putValue("sessionVenue", session.get("venue")));
    }
    List<Map<String, String>> applicants = CsvRows.read(APPLICANTS);
    for (Map<String, String> applicant : applicants) {
      complete(
          task(pi, "registerCourseApplicant"),
          Variables.createVariables()
              .putValue("registrationAction", "register")
              .putValue("applicantName", applicant.get("name"))
              .putValue("applicantContact", applicant.get("contact"))
              .putValue("applicantPrefecture", applicant.get("prefecture"))
              .putValue("applicantAccount", applicant.get("account"))
              .putValueTyped("registeredTopics", json(codes(applicant.get("topics")))));
    }
    holdPastSessions(pi, applicants);
    LOG.info("Demo data: a fictional course series with {} sessions seeded.", sessions.size());
  }

  private ProcessInstance plan(List<String> topics) {
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(CourseSeries.PROCESS_KEY)
            .latestVersion()
            .singleResult()
            .getId();
    identityService.setAuthentication("coordinator", List.of("coordinators"));
    try {
      return formService.submitStartForm(
          definition,
          Variables.createVariables()
              .putValue("courseTitle", "（デモ）東京 伴走者研修（全9回）")
              .putValue("prefecture", "13")
              .putValue("courseVenueType", "venue")
              .putValue("courseVenue", "新宿区民センター")
              .putValueTyped("courseTopics", json(topics)));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The sessions whose day has passed: the roll call (with those absent) and the evaluation. */
  private void holdPastSessions(ProcessInstance pi, List<Map<String, String>> applicants) {
    Date now = Date.from(clock.instant());
    for (Job day :
        managementService
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId("sessionDay")
            .duedateLowerThan(now)
            .list()) {
      managementService.executeJob(day.getId());
    }
    long series = CourseSeries.id(pi.getBusinessKey());
    for (Task rollCall :
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("recordSessionAttendance")
            .list()) {
      String topic = (String) taskService.getVariable(rollCall.getId(), "courseTopic");
      List<String> present = new ArrayList<>();
      for (Applicant applicant : records.applicants(series)) {
        boolean absent =
            applicants.stream()
                .anyMatch(
                    a ->
                        a.get("name").equals(applicant.displayName())
                            && codes(a.get("absent_from")).contains(topic));
        if (applicant.topics().contains(topic) && !absent) {
          present.add(String.valueOf(applicant.id()));
        }
      }
      complete(rollCall, Variables.createVariables().putValueTyped("attendees", json(present)));
    }
    for (Task evaluation :
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("recordSessionEvaluation")
            .list()) {
      complete(
          evaluation,
          Variables.createVariables()
              .putValue("evaluationResponses", 3)
              .putValue("ratedGood", 2)
              .putValue("ratedFair", 1)
              .putValue("ratedPoor", 0)
              .putValue("evaluationComments", "（デモ）事例の話がわかりやすかった。"));
    }
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  private void complete(Task task, VariableMap variables) {
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), "coordinator");
    }
    taskService.complete(task.getId(), variables);
  }

  private static org.camunda.bpm.engine.variable.value.TypedValue json(List<String> codes) {
    return SpinValues.jsonValue(Spin.JSON(new ArrayList<>(codes))).create();
  }
}
