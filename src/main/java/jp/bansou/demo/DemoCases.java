package jp.bansou.demo;

import static jp.bansou.intake.CaseVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import jp.bansou.forms.FormValues;
import jp.bansou.policy.PolicyRegister;
import jp.bansou.reports.CaseSummaries;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Fictional cases for a first look at Tasklist, Cockpit and the dashboard: three dozen cases over
 * the last twelve weeks, across prefectures, at every stage. Seeded once, on an empty database, in
 * demo mode only. Every person here is invented.
 */
@Component
@ConditionalOnExpression("${bansou.demo-mode:false} and ${bansou.demo-data:true}")
public class DemoCases {

  enum Stage {
    TRIAGE,
    MATCHING,
    OFFERED,
    SUPPORT,
    CLOSURE,
    CLOSED
  }

  /** prefecture, residence status, problems, languages, signal, stage, outcome. */
  record Demo(
      String prefecture,
      String status,
      List<String> problems,
      List<String> languages,
      String signal,
      Stage stage,
      String outcome) {}

  static final List<Demo> CASES =
      List.of(
          new Demo(
              "13",
              "technical-intern",
              List.of("labour"),
              List.of("vi"),
              null,
              Stage.CLOSED,
              "resolved"),
          new Demo(
              "13",
              "provisional-release",
              List.of("livelihood", "medical"),
              List.of("fa"),
              "noFoodOrMoney",
              Stage.SUPPORT,
              null),
          new Demo(
              "14",
              "spouse-of-japanese",
              List.of("dv", "housing"),
              List.of("tl"),
              "violence",
              Stage.SUPPORT,
              null),
          new Demo(
              "27",
              "designated-activities",
              List.of("refugee"),
              List.of("ku-tr"),
              "detentionRisk",
              Stage.MATCHING,
              null),
          new Demo(
              "23",
              "technical-intern",
              List.of("technical-intern", "labour"),
              List.of("vi"),
              null,
              Stage.SUPPORT,
              null),
          new Demo(
              "11",
              "permanent-resident",
              List.of("children"),
              List.of("pt"),
              null,
              Stage.CLOSED,
              "partly-resolved"),
          new Demo("13", "student", List.of("livelihood"), List.of("ne"), null, Stage.TRIAGE, null),
          new Demo(
              "40",
              "specified-skilled",
              List.of("labour", "housing"),
              List.of("id"),
              "noHousing",
              Stage.OFFERED,
              null),
          new Demo(
              "01",
              "no-status",
              List.of("medical"),
              List.of("zh"),
              "healthEmergency",
              Stage.MATCHING,
              null),
          new Demo(
              "47",
              "long-term-resident",
              List.of("livelihood"),
              List.of("es"),
              null,
              Stage.MATCHING,
              null),
          new Demo(
              "13",
              "engineer-humanities",
              List.of("labour"),
              List.of("en"),
              null,
              Stage.CLOSED,
              "resolved"),
          new Demo(
              "28",
              "dependent",
              List.of("children", "residence"),
              List.of("zh"),
              null,
              Stage.CLOSURE,
              null),
          new Demo(
              "26",
              "spouse-of-permanent",
              List.of("dv"),
              List.of("th"),
              "violence",
              Stage.CLOSED,
              "referred"),
          new Demo(
              "14",
              "technical-intern",
              List.of("technical-intern"),
              List.of("my"),
              null,
              Stage.CLOSED,
              "contact-lost"),
          new Demo(
              "22",
              "long-term-resident",
              List.of("labour"),
              List.of("pt"),
              null,
              Stage.TRIAGE,
              null),
          new Demo(
              "13",
              "provisional-release",
              List.of("residence", "refugee"),
              List.of("ku-tr"),
              "detentionRisk",
              Stage.SUPPORT,
              null),
          new Demo(
              "27",
              "permanent-resident",
              List.of("medical"),
              List.of("ko"),
              null,
              Stage.CLOSED,
              "resolved"),
          new Demo(
              "13",
              "technical-intern",
              List.of("labour"),
              List.of("km"),
              null,
              Stage.SUPPORT,
              null),
          new Demo(
              "11",
              "no-status",
              List.of("livelihood"),
              List.of("si"),
              "noFoodOrMoney",
              Stage.TRIAGE,
              null),
          new Demo(
              "23",
              "specified-skilled",
              List.of("labour"),
              List.of("ne"),
              null,
              Stage.CLOSED,
              "withdrawn"),
          new Demo("13", "student", List.of("housing"), List.of("vi"), null, Stage.CLOSURE, null),
          new Demo(
              "14",
              "permanent-resident",
              List.of("children"),
              List.of("es"),
              null,
              Stage.SUPPORT,
              null),
          new Demo(
              "04",
              "technical-intern",
              List.of("technical-intern", "labour"),
              List.of("vi"),
              null,
              Stage.MATCHING,
              null),
          new Demo(
              "27",
              "designated-activities",
              List.of("residence"),
              List.of("ne"),
              null,
              Stage.CLOSED,
              "resolved"),
          new Demo(
              "13",
              "spouse-of-japanese",
              List.of("dv"),
              List.of("tl"),
              "violence",
              Stage.CLOSED,
              "partly-resolved"),
          new Demo(
              "28",
              "technical-intern",
              List.of("labour"),
              List.of("id"),
              null,
              Stage.OFFERED,
              null),
          new Demo(
              "13",
              "no-status",
              List.of("medical", "livelihood"),
              List.of("ja-easy"),
              null,
              Stage.SUPPORT,
              null),
          new Demo(
              "11",
              "long-term-resident",
              List.of("labour"),
              List.of("pt"),
              null,
              Stage.CLOSED,
              "resolved"),
          new Demo(
              "43",
              "technical-intern",
              List.of("technical-intern"),
              List.of("km"),
              "noHousing",
              Stage.MATCHING,
              null),
          new Demo("13", "dependent", List.of("children"), List.of("zh"), null, Stage.TRIAGE, null),
          new Demo(
              "14",
              "engineer-humanities",
              List.of("labour"),
              List.of("en"),
              null,
              Stage.CLOSURE,
              null),
          new Demo(
              "27",
              "spouse-of-japanese",
              List.of("residence"),
              List.of("tl"),
              null,
              Stage.SUPPORT,
              null),
          new Demo(
              "13",
              "provisional-stay",
              List.of("refugee"),
              List.of("my"),
              null,
              Stage.CLOSED,
              "referred"),
          new Demo(
              "23",
              "technical-intern",
              List.of("labour", "technical-intern"),
              List.of("vi"),
              null,
              Stage.CLOSED,
              "resolved"),
          new Demo(
              "26", "student", List.of("livelihood"), List.of("ne"), null, Stage.SUPPORT, null),
          new Demo(
              "13",
              "permanent-resident",
              List.of("medical"),
              List.of("pt"),
              null,
              Stage.TRIAGE,
              null));

  static final String[] NAMES = {
    "アン", "ミン", "ラン", "ホア", "タオ", "ユン", "リア", "サム", "ノア", "カイ", "ルイ", "マヤ"
  };

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);

  private final FormService formService;
  private final TaskService taskService;
  private final PolicyRegister policyRegister;

  public DemoCases(
      FormService formService,
      TaskService taskService,
      RepositoryService repositoryService,
      CaseSummaries summaries,
      PolicyRegister policyRegister,
      DemoCompanionProfiles profilesFirst) {
    this.formService = formService;
    this.taskService = taskService;
    this.policyRegister = policyRegister;
    if (!summaries.all().isEmpty()) {
      return;
    }
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS_KEY)
            .latestVersion()
            .singleResult()
            .getId();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    try {
      for (int i = 0; i < CASES.size(); i++) {
        // spread over twelve weeks, oldest first, so the weekly chart has a history
        Instant opened = now.minus(Duration.ofHours(2L * 24 * (CASES.size() - i) + 9));
        seed(definition, CASES.get(i), i, opened);
      }
      classifyPolicyIssues();
    } finally {
      ClockUtil.reset();
    }
    LOG.info("Demo data: {} fictional cases seeded.", CASES.size());
  }

  private void seed(String definition, Demo demo, int index, Instant opened) {
    ClockUtil.setCurrentTime(Date.from(opened));
    VariableMap intake =
        Variables.createVariables()
            .putValue(PERSON_NAME, "（デモ）" + NAMES[index % NAMES.length] + " " + (index + 1))
            .putValue("nameIsPseudonym", true)
            .putValue(PHONE, String.format("090-0000-%04d", index + 1))
            .putValue(PREFECTURE, demo.prefecture())
            .putValue(MUNICIPALITY, "")
            .putValue(RESIDENCE_STATUS, demo.status())
            .putValue(NATIONALITY, "OTHER")
            .putValueTyped(LANGUAGES, FormValues.jsonList(demo.languages()))
            .putValue(INTERPRETER_NEEDED, !demo.languages().contains("ja-easy"))
            .putValueTyped(PROBLEM_FIELDS, FormValues.jsonList(demo.problems()))
            .putValue(PROBLEM_DESCRIPTION, "デモ用の架空の相談です。")
            .putValue(REFERRED_BY, index % 3 == 0 ? "consultation-event" : "member-organisation")
            .putValue(CONSENT_CASE_WORK, true)
            .putValue(CONSENT_SHARING, true)
            .putValue(CONSENT_STATISTICS, index % 7 != 3)
            .putValue(CONSENT_LANGUAGE, demo.languages().get(0));
    if (demo.signal() != null) {
      intake.putValue(demo.signal(), true);
    }
    ProcessInstance pi = formService.submitStartForm(definition, intake);
    if (demo.stage() == Stage.TRIAGE) {
      return;
    }
    boolean ends = demo.stage().compareTo(Stage.CLOSURE) >= 0;
    // closing demo cases skip their tracks, as a coordinator may when a case resolves early
    work(
        pi,
        "reviewTriage",
        "coordinator",
        ends ? Variables.putValue(TRACKS, FormValues.jsonList(List.of())) : null);
    if (demo.stage() == Stage.MATCHING) {
      return;
    }
    String companion =
        List.of("27", "28", "26").contains(demo.prefecture()) ? "companion2" : "companion";
    work(pi, "confirmCompanion", "coordinator", Variables.putValue(COMPANION_ID, companion));
    if (demo.stage() == Stage.OFFERED) {
      return;
    }
    work(pi, "offerCase", companion, Variables.putValue(OFFER_ANSWER, "accept"));
    if (demo.stage() == Stage.SUPPORT) {
      return;
    }
    work(
        pi,
        "proposeClosure",
        companion,
        Variables.putValue(NEXT_STEP, "close")
            .putValue(OUTCOME, demo.outcome() == null ? "resolved" : demo.outcome())
            .putValue("closureSummary", "デモ用のまとめ")
            .putValue(SYSTEMIC_PROBLEM, index % 5 == 0)
            .putValue(
                ADVOCACY_FIELD,
                demo.problems().contains("technical-intern") ? "technical-intern" : "labour")
            .putValue(POLICY_DESCRIPTION, "デモ用：相談窓口に通訳がいない。"));
    if (demo.stage() == Stage.CLOSURE) {
      return;
    }
    work(pi, "approveClosure", "coordinator", Variables.putValue(CLOSURE_DECISION, "approve"));
  }

  /** The policy team files the flagged demo cases: the first opens an entry, the rest join it. */
  private void classifyPolicyIssues() {
    String entry = "new";
    for (Task task :
        taskService.createTaskQuery().taskDefinitionKey("classifyPolicyIssue").list()) {
      taskService.claim(task.getId(), "policy");
      taskService.complete(
          task.getId(),
          Variables.putValue("policyIssueId", entry)
              .putValue("newPolicyIssueTitle", "（デモ）相談窓口に通訳がいない")
              .putValue(ADVOCACY_FIELD, "welfare"));
      entry =
          policyRegister.entries(true).stream()
              .filter(e -> e.title().startsWith("（デモ）"))
              .map(e -> String.valueOf(e.id()))
              .findFirst()
              .orElse("new");
    }
  }

  /** One day later, the named person claims and completes the task. */
  private void work(ProcessInstance pi, String taskKey, String user, VariableMap variables) {
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1))));
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), user);
    }
    taskService.complete(task.getId(), variables);
  }
}
