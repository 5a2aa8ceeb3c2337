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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
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

  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final DemoWork demo;
  private final CourseRecords records;
  private final EngineClock clock;

  public DemoCourseSeries(
      DemoWork demo,
      TaskService taskService,
      ManagementService managementService,
      RepositoryService repositoryService,
      CourseRecords records,
      EngineClock clock) {
    this.taskService = taskService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.demo = demo;
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
      demo.complete(
          planTask,
          "coordinator",
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
      demo.complete(
          demo.task(pi, "registerCourseApplicant"),
          "coordinator",
          Variables.createVariables()
              .putValue("registrationAction", "register")
              .putValue("applicantName", applicant.get("name"))
              .putValue("applicantContact", applicant.get("contact"))
              .putValue("applicantPrefecture", applicant.get("prefecture"))
              .putValue("applicantAccount", applicant.get("account"))
              .putValueTyped("registeredTopics", DemoWork.json(codes(applicant.get("topics")))));
    }
    holdPastSessions(pi, applicants);
    LOG.info("Demo data: a fictional course series with {} sessions seeded.", sessions.size());
  }

  private ProcessInstance plan(List<String> topics) {
    return demo.startAsCoordinator(
        CourseSeries.PROCESS_KEY,
        Variables.createVariables()
            .putValue("courseTitle", "（デモ）東京 伴走者研修（全9回）")
            .putValue("prefecture", "13")
            .putValue("courseVenueType", "venue")
            .putValue("courseVenue", "新宿区民センター")
            .putValueTyped("courseTopics", DemoWork.json(topics)));
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
      demo.complete(
          rollCall,
          "coordinator",
          Variables.createVariables().putValueTyped("attendees", DemoWork.json(present)));
    }
    for (Task evaluation :
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("recordSessionEvaluation")
            .list()) {
      demo.complete(
          evaluation,
          "coordinator",
          Variables.createVariables()
              .putValue("evaluationResponses", 3)
              .putValue("ratedGood", 2)
              .putValue("ratedFair", 1)
              .putValue("ratedPoor", 0)
              .putValue("evaluationComments", "（デモ）事例の話がわかりやすかった。"));
    }
  }
}
