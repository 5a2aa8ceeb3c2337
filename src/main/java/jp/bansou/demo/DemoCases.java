package jp.bansou.demo;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.*;
import static jp.bansou.reference.CsvRows.codes;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.engine.StartupStep;
import jp.bansou.engine.Var;
import jp.bansou.policy.PolicyIssue;
import jp.bansou.policy.PolicyRegister;
import jp.bansou.reference.CsvRows;
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
 * Fictional cases for a first look at Tasklist, Cockpit and the dashboard: the rows of {@code
 * demo/demo-cases.csv}, spread over the last twelve weeks, across prefectures, at every stage.
 * Seeded once, on an empty database, in demo mode only. Every person here is invented.
 *
 * <p>The cases are walked through their tasks on the engine's clock set back in time, so their
 * history looks lived; this runs as a start-up step, before the job executor starts.
 */
@Component
@ConditionalOnExpression("${bansou.demo-mode:false} and ${bansou.demo-data:true}")
public class DemoCases implements StartupStep {

  /** How far a demo case got, in the order of the case process. */
  enum Stage {
    TRIAGE,
    MATCHING,
    OFFERED,
    SUPPORT,
    CLOSURE,
    CLOSED
  }

  static final String ROWS = "demo/demo-cases.csv";

  static final String[] NAMES = {
    "アン", "ミン", "ラン", "ホア", "タオ", "ユン", "リア", "サム", "ノア", "カイ", "ルイ", "マヤ"
  };

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);

  private final FormService formService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final CaseSummaries summaries;
  private final PolicyRegister policyRegister;

  public DemoCases(
      FormService formService,
      TaskService taskService,
      RepositoryService repositoryService,
      CaseSummaries summaries,
      PolicyRegister policyRegister) {
    this.formService = formService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.summaries = summaries;
    this.policyRegister = policyRegister;
  }

  @Override
  public String name() {
    return "demo cases";
  }

  @Override
  public int getOrder() {
    return DEMO + 2;
  }

  @Override
  public void run() {
    if (summaries.any()) {
      return;
    }
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS_KEY)
            .withoutTenantId()
            .latestVersion()
            .singleResult()
            .getId();
    List<Map<String, String>> rows = CsvRows.read(ROWS);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    try {
      for (int i = 0; i < rows.size(); i++) {
        // spread over twelve weeks, oldest first, so the weekly chart has a history
        Instant opened = now.minus(Duration.ofHours(2L * 24 * (rows.size() - i) + 9));
        seed(definition, rows.get(i), i, opened);
      }
      classifyPolicyIssues();
    } finally {
      ClockUtil.reset();
    }
    LOG.info("Demo data: {} fictional cases seeded.", rows.size());
  }

  private void seed(String definition, Map<String, String> row, int index, Instant opened) {
    ClockUtil.setCurrentTime(Date.from(opened));
    List<String> languages = codes(row.get("languages"));
    List<String> problems = codes(row.get("problem_fields"));
    Stage stage = Stage.valueOf(row.get("stage").toUpperCase());
    String outcome = row.get("outcome").isBlank() ? "resolved" : row.get("outcome");
    VariableMap intake = Variables.createVariables();
    PERSON_NAME.put(intake, "（デモ）" + NAMES[index % NAMES.length] + " " + (index + 1));
    PHONE.put(intake, String.format("090-0000-%04d", index + 1));
    PREFECTURE.put(intake, row.get("prefecture"));
    RESIDENCE_STATUS.put(intake, row.get("residence_status"));
    NATIONALITY.put(intake, "OTHER");
    LANGUAGES.put(intake, languages);
    INTERPRETER_NEEDED.put(intake, !languages.contains("ja-easy"));
    PROBLEM_FIELDS.put(intake, problems);
    REFERRED_BY.put(intake, index % 3 == 0 ? "consultation-event" : "member-organisation");
    CONSENT_CASE_WORK.put(intake, true);
    CONSENT_SHARING.put(intake, true);
    CONSENT_STATISTICS.put(intake, index % 7 != 3);
    intake.putValue("nameIsPseudonym", true);
    intake.putValue("problemDescription", "デモ用の架空の相談です。");
    intake.putValue("consentLanguage", languages.get(0));
    if (!row.get("urgency_signal").isBlank()) {
      intake.putValue(row.get("urgency_signal"), true);
    }
    ProcessInstance pi = formService.submitStartForm(definition, intake);
    if (stage == Stage.TRIAGE) {
      return;
    }
    boolean ends = stage.compareTo(Stage.CLOSURE) >= 0;
    // closing demo cases skip their tracks, as a coordinator may when a case resolves early
    work(pi, "reviewTriage", "coordinator", ends ? put(TRACKS, List.of()) : null);
    if (stage == Stage.MATCHING) {
      return;
    }
    String companion =
        List.of("27", "28", "26").contains(row.get("prefecture")) ? "companion2" : "companion";
    work(pi, "confirmCompanion", "coordinator", put(COMPANION_ID, companion));
    if (stage == Stage.OFFERED) {
      return;
    }
    work(pi, "offerCase", companion, put(OFFER_ANSWER, "accept"));
    if (stage == Stage.SUPPORT) {
      return;
    }
    VariableMap closure = put(OUTCOME, outcome);
    closure.putValue("nextStep", "close");
    closure.putValue("closureSummary", "デモ用のまとめ");
    SYSTEMIC_PROBLEM.put(closure, index % 5 == 0);
    ADVOCACY_FIELD.put(
        closure, problems.contains("technical-intern") ? "technical-intern" : "labour");
    POLICY_DESCRIPTION.put(closure, "デモ用：相談窓口に通訳がいない。");
    work(pi, "proposeClosure", companion, closure);
    if (stage == Stage.CLOSURE) {
      return;
    }
    work(pi, "approveClosure", "coordinator", Variables.putValue("closureDecision", "approve"));
  }

  private static <T> VariableMap put(Var<T> variable, T value) {
    return variable.put(Variables.createVariables(), value);
  }

  /** The policy team files the flagged demo cases: the first opens an entry, the rest join it. */
  private void classifyPolicyIssues() {
    String entry = PolicyIssue.NEW_ENTRY;
    for (Task task :
        taskService.createTaskQuery().taskDefinitionKey("classifyPolicyIssue").list()) {
      taskService.claim(task.getId(), "policy");
      VariableMap answer = put(PolicyIssue.POLICY_ISSUE_ID, entry);
      PolicyIssue.NEW_ENTRY_TITLE.put(answer, "（デモ）相談窓口に通訳がいない");
      ADVOCACY_FIELD.put(answer, "welfare");
      taskService.complete(task.getId(), answer);
      entry =
          policyRegister.entries(true).stream()
              .filter(e -> e.title().startsWith("（デモ）"))
              .map(e -> String.valueOf(e.id()))
              .findFirst()
              .orElse(PolicyIssue.NEW_ENTRY);
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
