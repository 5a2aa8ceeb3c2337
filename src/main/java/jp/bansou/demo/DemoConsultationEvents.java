package jp.bansou.demo;

import static jp.bansou.reference.CsvRows.codes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.StartupStep;
import jp.bansou.outreach.ConsultationEvent;
import jp.bansou.outreach.ConsultationEvents;
import jp.bansou.reference.CsvRows;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Two fictional 相談会 ({@code demo/consultation-events.csv}): one held today with the walk-ins of
 * {@code demo/walk-ins.csv} and its report done, one in three weeks whose duties are being offered.
 * Seeded once, when there is no event yet, in demo mode only. Every person here is invented.
 */
@Component
@ConditionalOnExpression("${bansou.demo-mode:false} and ${bansou.demo-data:true}")
public class DemoConsultationEvents implements StartupStep {

  static final String EVENTS = "demo/consultation-events.csv";
  static final String WALK_INS = "demo/walk-ins.csv";

  private static final Logger LOG = LoggerFactory.getLogger(DemoConsultationEvents.class);

  private final TaskService taskService;
  private final DemoWork demo;
  private final ConsultationEvents events;
  private final EngineClock clock;

  public DemoConsultationEvents(
      DemoWork demo, TaskService taskService, ConsultationEvents events, EngineClock clock) {
    this.taskService = taskService;
    this.demo = demo;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "demo consultation events";
  }

  @Override
  public int getOrder() {
    return DEMO + 3;
  }

  @Override
  public void run() {
    if (!events.since(LocalDate.of(2000, 1, 1)).isEmpty()) {
      return;
    }
    List<Map<String, String>> rows = CsvRows.read(EVENTS);
    for (Map<String, String> row : rows) {
      ProcessInstance pi = plan(row);
      demo.work(pi, "reviewPublicity", "coordinator", Variables.putValue("publicityChecked", true));
      if ("reported".equals(row.get("stage"))) {
        hold(pi);
      }
    }
    LOG.info("Demo data: {} fictional consultation events seeded.", rows.size());
  }

  private ProcessInstance plan(Map<String, String> row) {
    VariableMap plan =
        Variables.createVariables()
            .putValue("eventTitle", row.get("title"))
            .putValue(
                "eventDate",
                clock.today().plusDays(Long.parseLong(row.get("days_from_today"))).toString())
            .putValue("startTime", row.get("start_time"))
            .putValue("endTime", row.get("end_time"))
            .putValue("prefecture", row.get("prefecture"))
            .putValue("venueType", row.get("venue_type"))
            .putValue("venue", row.get("venue"))
            .putValueTyped("eventTopics", DemoWork.json(codes(row.get("topics"))))
            .putValueTyped("eventLanguages", DemoWork.json(codes(row.get("languages"))))
            .putValue("companionsNeeded", Integer.parseInt(row.get("companions")))
            .putValue("lawyersNeeded", Integer.parseInt(row.get("lawyers")));
    return demo.startAsCoordinator(ConsultationEvent.PROCESS_KEY, plan);
  }

  /** The demo people take the duties, the day comes, the walk-ins are received, the report done. */
  private void hold(ProcessInstance pi) {
    for (String person : List.of("companion", "interpreter", "lawyer")) {
      for (Task offer :
          taskService
              .createTaskQuery()
              .processInstanceId(pi.getId())
              .taskDefinitionKey("offerEventDuty")
              .taskCandidateUser(person)
              .list()) {
        taskService.claim(offer.getId(), person);
        taskService.complete(offer.getId(), Variables.putValue("dutyAnswer", "accept"));
        break;
      }
    }
    demo.fireTimer(pi, "waitForDay");
    int index = 0;
    for (Map<String, String> walkIn : CsvRows.read(WALK_INS)) {
      Task form =
          taskService
              .createTaskQuery()
              .processDefinitionKey(ConsultationEvent.WALK_IN_PROCESS_KEY)
              .processInstanceBusinessKey(pi.getBusinessKey())
              .taskAssignee("companion")
              .singleResult();
      VariableMap answers =
          Variables.createVariables()
              .putValueTyped("languages", DemoWork.json(codes(walkIn.get("languages"))))
              .putValue("nationality", walkIn.get("nationality"))
              .putValue("residenceStatus", walkIn.get("residence_status"))
              .putValueTyped("problemFields", DemoWork.json(codes(walkIn.get("problem_fields"))))
              .putValueTyped("urgentNeeds", DemoWork.json(codes(walkIn.get("urgent_needs"))))
              .putValue("prefecture", "13")
              .putValue("followUp", walkIn.get("follow_up"))
              .putValue("consentStatistics", Boolean.parseBoolean(walkIn.get("consent_statistics")))
              .putValue("lastWalkIn", false);
      index++;
      if ("case".equals(walkIn.get("follow_up"))) {
        answers.putValue("personName", "（デモ）来場者 " + index);
        answers.putValue("consentCaseWork", true);
        answers.putValue("problemDescription", "デモ用の架空の相談です。");
      }
      taskService.complete(form.getId(), answers);
    }
    demo.work(pi, "closeEventDay", "coordinator", Variables.putValue("dayClosed", true));
    demo.work(
        pi,
        "reviewEventReport",
        "coordinator",
        Variables.putValue("eventReportNote", "（デモ）ベトナム語の通訳がもう1人ほしかった。"));
  }
}
