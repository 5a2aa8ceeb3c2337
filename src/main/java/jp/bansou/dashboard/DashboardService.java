package jp.bansou.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.bansou.accompaniment.VisitOutcomes;
import jp.bansou.casefile.CaseFile;
import jp.bansou.casefile.CaseStages;
import jp.bansou.casefile.CaseStages.Stage;
import jp.bansou.casefile.CaseStages.StageMap;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummaryRecorder;
import jp.bansou.companion.CompanionMatcher;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.dashboard.Dashboard.BarrierRow;
import jp.bansou.dashboard.Dashboard.Breakdown;
import jp.bansou.dashboard.Dashboard.OpenCases;
import jp.bansou.dashboard.Dashboard.Overdue;
import jp.bansou.dashboard.Dashboard.OverdueTask;
import jp.bansou.dashboard.Dashboard.PrefectureRow;
import jp.bansou.dashboard.Dashboard.Silent;
import jp.bansou.dashboard.Dashboard.VisitBarriers;
import jp.bansou.dashboard.Dashboard.Week;
import jp.bansou.dashboard.Dashboard.Workload;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Trial;
import jp.bansou.facts.CaseFacts;
import jp.bansou.person.CaseVisibility;
import jp.bansou.policy.PolicyRegister;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.reports.SmallCells;
import jp.bansou.triage.UrgencyLevels;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The supervisors' numbers. Categories and case numbers only: no name, contact or address ever
 * enters them. Sources: {@code case_summary}, the companion profiles, the policy register, the
 * visits' outcomes ({@code visit_outcome}), the engine's open tasks and what the models say
 * (stages, the silent-case alarm, urgency labels).
 */
@Service
public class DashboardService {

  static final int WEEKS = 12;
  static final int LISTED_TASKS = 20;

  /** A task the model marks so ({@code dashboardList} = {@code silentCases}) lists its case. */
  static final String LIST_PROPERTY = "dashboardList";

  static final String SILENT_CASES = "silentCases";
  static final String UNTRIAGED = "untriaged";

  private final CaseSummaries summaries;
  private final CaseStages stages;
  private final UrgencyLevels urgencyLevels;
  private final CompanionProfiles profiles;
  private final CompanionMatcher matcher;
  private final PolicyRegister policyRegister;
  private final TaskService taskService;
  private final JdbcTemplate jdbc;
  private final ReferenceData reference;
  private final CaseVisibility visibility;
  private final VisitOutcomes visitOutcomes;
  private final Clock clock;
  private final Texts texts;
  private final List<DashboardSection> sections;

  public DashboardService(
      CaseSummaries summaries,
      CaseStages stages,
      UrgencyLevels urgencyLevels,
      CompanionProfiles profiles,
      CompanionMatcher matcher,
      PolicyRegister policyRegister,
      TaskService taskService,
      JdbcTemplate jdbc,
      ReferenceData reference,
      CaseVisibility visibility,
      VisitOutcomes visitOutcomes,
      Clock clock,
      Texts texts,
      org.springframework.beans.factory.ObjectProvider<DashboardSection> sections) {
    this.summaries = summaries;
    this.stages = stages;
    this.urgencyLevels = urgencyLevels;
    this.profiles = profiles;
    this.matcher = matcher;
    this.policyRegister = policyRegister;
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.reference = reference;
    this.visibility = visibility;
    this.visitOutcomes = visitOutcomes;
    this.clock = clock;
    this.texts = texts;
    this.sections = sections.stream().sorted(Comparator.comparing(DashboardSection::key)).toList();
  }

  public Dashboard snapshot() {
    Instant now = clock.instant();
    OpenCaseCounts open = openCaseCounts();
    List<OpenTask> caseTasks = openCaseTasks();
    return new Dashboard(
        now.toString(),
        openCases(open, caseTasks),
        overdueTasks(now),
        silentCases(caseTasks),
        workload(open),
        weekly(now),
        outcomes(),
        prefectures(open),
        policyIssuesByField(),
        visitBarriers(),
        sections());
  }

  /**
   * Which {@code case_summary} rows (aliased {@code s}) are the open cases the dashboard counts:
   * one condition, so that a further rule is one more {@code and}. A trial case ({@link Trial}) is
   * none.
   */
  static final String OPEN_CASES = "s.closed_at is null and " + Trial.realCase("s.case_number");

  /** Open cases counted by urgency, prefecture and companion: one grouped query, no case read. */
  record OpenCaseCounts(
      long total,
      Map<String, Long> byUrgency,
      Map<String, Long> byPrefecture,
      Map<String, Long> byCompanion) {}

  OpenCaseCounts openCaseCounts() {
    long[] total = new long[1];
    Map<String, Long> byUrgency = new HashMap<>();
    Map<String, Long> byPrefecture = new HashMap<>();
    Map<String, Long> byCompanion = new HashMap<>();
    jdbc.query(
        "select s.urgency, s.prefecture, s.companion_id, count(*) from case_summary s where "
            + OPEN_CASES
            + " group by s.urgency, s.prefecture, s.companion_id",
        rs -> {
          long cases = rs.getLong(4);
          total[0] += cases;
          String urgency = rs.getString(1);
          byUrgency.merge(urgency == null ? UNTRIAGED : urgency, cases, Long::sum);
          if (rs.getString(2) != null) {
            byPrefecture.merge(rs.getString(2), cases, Long::sum);
          }
          if (rs.getString(3) != null) {
            byCompanion.merge(rs.getString(3), cases, Long::sum);
          }
        });
    return new OpenCaseCounts(total[0], byUrgency, byPrefecture, byCompanion);
  }

  /** An open task of an open case's case process: what stages and the silent list need of it. */
  record OpenTask(String caseNumber, String taskId, String definitionId, String taskKey) {}

  /**
   * The open tasks of the open cases' case processes, four short columns each (not the engine's
   * task entities; the dashboard reads them as the engine's own query did, for every user).
   */
  List<OpenTask> openCaseTasks() {
    return jdbc.query(
        "select s.case_number, t.ID_, t.PROC_DEF_ID_, t.TASK_DEF_KEY_ from ACT_RU_TASK t"
            + " join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_"
            + " join case_summary s on s.process_instance_id = t.PROC_INST_ID_"
            + " where d.KEY_ = ? and t.TENANT_ID_ is null and "
            + OPEN_CASES,
        (rs, i) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        CaseFile.PROCESS_KEY);
  }

  /**
   * The barriers met at offices, counted per office type and prefecture; small counts hidden. Read
   * from {@code visit_barrier_tally} (a few dozen rows however many visits there have been).
   */
  private VisitBarriers visitBarriers() {
    List<VisitOutcomes.Tally> visits = visitOutcomes.tally();
    List<String> barrierCodes = reference.codes(ReferenceList.VISIT_BARRIERS);
    Map<String, Long> byBarrier = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (String code : barrierCodes) {
      byBarrier.put(code, 0L);
      labels.put(code, reference.name(ReferenceList.VISIT_BARRIERS, code));
    }
    visits.forEach(v -> v.barriers().forEach(b -> byBarrier.merge(b, v.visits(), Long::sum)));
    return new VisitBarriers(
        SmallCells.count(total(visits)),
        SmallCells.count(total(visits.stream().filter(v -> !v.barriers().isEmpty()).toList())),
        new Breakdown(SmallCells.breakdown(byBarrier), labels),
        barrierRows(
            visits, ReferenceList.OFFICE_TYPES, VisitOutcomes.Tally::officeType, barrierCodes),
        barrierRows(
            visits,
            ReferenceList.PREFECTURES,
            VisitOutcomes.Tally::officePrefecture,
            barrierCodes));
  }

  private static long total(List<VisitOutcomes.Tally> visits) {
    return visits.stream().mapToLong(VisitOutcomes.Tally::visits).sum();
  }

  private List<BarrierRow> barrierRows(
      List<VisitOutcomes.Tally> visits,
      ReferenceList list,
      java.util.function.Function<VisitOutcomes.Tally, String> category,
      List<String> barrierCodes) {
    List<BarrierRow> rows = new ArrayList<>();
    for (String code : reference.codes(list)) {
      List<VisitOutcomes.Tally> here =
          visits.stream().filter(v -> code.equals(category.apply(v))).toList();
      if (here.isEmpty()) {
        continue;
      }
      Map<String, Long> barriers = new LinkedHashMap<>();
      barrierCodes.forEach(b -> barriers.put(b, 0L));
      here.forEach(v -> v.barriers().forEach(b -> barriers.merge(b, v.visits(), Long::sum)));
      rows.add(
          new BarrierRow(
              code,
              reference.name(list, code),
              SmallCells.count(total(here)),
              SmallCells.count(total(here.stream().filter(v -> !v.barriers().isEmpty()).toList())),
              SmallCells.breakdown(barriers)));
    }
    return rows;
  }

  private OpenCases openCases(OpenCaseCounts open, List<OpenTask> caseTasks) {
    Map<String, List<OpenTask>> tasksByCase =
        caseTasks.stream().collect(Collectors.groupingBy(OpenTask::caseNumber));
    StageMap latest = stages.latest();
    Map<String, Long> byStage = new LinkedHashMap<>();
    Map<String, String> stageLabels = new LinkedHashMap<>();
    for (Stage stage : latest.stages()) {
      byStage.put(stage.code(), 0L);
      stageLabels.put(stage.code(), stage.label());
    }
    Map<String, Long> byUrgency = new LinkedHashMap<>();
    Map<String, String> urgencyLabels = new LinkedHashMap<>();
    for (UrgencyLevels.Level level : urgencyLevels.all()) {
      byUrgency.put(level.code(), 0L);
      urgencyLabels.put(level.code(), level.label());
    }
    byUrgency.put(UNTRIAGED, 0L);
    urgencyLabels.put(UNTRIAGED, texts.get("dashboard.untriaged"));
    open.byUrgency().forEach((urgency, cases) -> byUrgency.merge(urgency, cases, Long::sum));
    // a case without an open task is at the latest model's stage for none
    long withoutTask = open.total() - tasksByCase.size();
    if (withoutTask > 0) {
      byStage.merge(latest.stageOf(List.of()), withoutTask, Long::sum);
    }
    tasksByCase.forEach(
        (caseNumber, tasks) -> {
          // each case is read with the model of its own version
          StageMap map = stages.of(tasks.get(0).definitionId());
          byStage.merge(map.stageOf(tasks.stream().map(OpenTask::taskKey).toList()), 1L, Long::sum);
        });
    return new OpenCases(
        open.total(),
        SmallCells.breakdown(byStage),
        stageLabels,
        SmallCells.breakdown(byUrgency),
        urgencyLabels);
  }

  private Overdue overdueTasks(Instant now) {
    var query =
        taskService
            .createTaskQuery()
            .withoutTenantId()
            .dueBefore(Date.from(now))
            .orderByDueDate()
            .asc()
            .orderByTaskId()
            .asc();
    // a page at a time until the list is full: a restricted case's task is left out, looked up
    // among the page's cases (not every restricted case there has ever been)
    List<OverdueTask> listed = new ArrayList<>();
    int first = 0;
    while (listed.size() < LISTED_TASKS) {
      List<Task> page = query.listPage(first, LISTED_TASKS);
      if (page.isEmpty()) {
        break;
      }
      first += page.size();
      Map<Task, String> caseNumbers = new LinkedHashMap<>();
      for (Task task : page) {
        caseNumbers.put(
            task,
            CaseFacts.CASE_NUMBER
                .read(taskService.getVariable(task.getId(), CaseFacts.CASE_NUMBER.name()))
                .orElse(""));
      }
      Set<String> restricted = visibility.restrictedAmong(caseNumbers.values());
      caseNumbers.forEach(
          (task, caseNumber) -> {
            if (!restricted.contains(caseNumber)
                && listed.size() < LISTED_TASKS
                && listed.stream().noneMatch(t -> t.taskId().equals(task.getId()))) {
              // (a task that fell due meanwhile can move an earlier one onto the next page)
              listed.add(
                  new OverdueTask(
                      task.getName(),
                      caseNumber,
                      task.getDueDate().toInstant().toString(),
                      task.getId()));
            }
          });
    }
    return new Overdue(query.count(), listed);
  }

  /** Open cases whose silence alarm (a task the model marks for this list) is waiting. */
  private Silent silentCases(List<OpenTask> caseTasks) {
    Map<String, Set<String>> markedByDefinition = new HashMap<>();
    List<OpenTask> marked =
        caseTasks.stream()
            .filter(
                t ->
                    markedByDefinition
                        .computeIfAbsent(
                            t.definitionId(),
                            d -> Set.copyOf(stages.tasksMarked(d, LIST_PROPERTY, SILENT_CASES)))
                        .contains(t.taskKey()))
            .toList();
    Set<String> restricted =
        visibility.restrictedAmong(marked.stream().map(OpenTask::caseNumber).toList());
    Map<String, String> silent = new java.util.TreeMap<>();
    marked.forEach(
        t -> {
          if (!restricted.contains(t.caseNumber())) {
            silent.putIfAbsent(t.caseNumber(), t.taskId());
          }
        });
    return new Silent(
        silent.size(),
        List.copyOf(silent.keySet()),
        silent.entrySet().stream()
            .map(e -> new Dashboard.CaseTask(e.getKey(), e.getValue()))
            .toList());
  }

  private List<Workload> workload(OpenCaseCounts open) {
    Map<String, Long> cases = open.byCompanion();
    Set<String> companions = matcher.companionIds();
    // open tasks per assignee in one grouped query (the engine's task count, for every user)
    Map<String, Long> tasks = new HashMap<>();
    jdbc.query(
        "select ASSIGNEE_, count(*) from ACT_RU_TASK where ASSIGNEE_ is not null"
            + " and TENANT_ID_ is null group by ASSIGNEE_",
        rs -> {
          tasks.put(rs.getString(1), rs.getLong(2));
        });
    return profiles.available().stream()
        .filter(p -> companions.contains(p.userId()))
        .map(
            p ->
                new Workload(
                    p.displayName(),
                    cases.getOrDefault(p.userId(), 0L),
                    tasks.getOrDefault(p.userId(), 0L)))
        .sorted(Comparator.comparingLong(Workload::openCases).reversed())
        .toList();
  }

  private List<Week> weekly(Instant now) {
    LocalDate thisMonday = monday(now);
    LocalDate first = thisMonday.minusWeeks(WEEKS - 1);
    Map<LocalDate, long[]> counts = new TreeMap<>();
    for (int i = 0; i < WEEKS; i++) {
      counts.put(first.plusWeeks(i), new long[2]);
    }
    Instant since = first.atStartOfDay(EngineClock.JAPAN).toInstant();
    summaries
        .openedAndClosedPerHourSince(since)
        .forEach(
            (hour, n) -> {
              count(counts, hour, 0, n[0]);
              count(counts, hour, 1, n[1]);
            });
    List<Week> weeks = new ArrayList<>();
    counts.forEach(
        (monday, n) ->
            weeks.add(
                new Week(
                    monday.getYear()
                        + "-W"
                        + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    monday.toString(),
                    n[0],
                    n[1])));
    return weeks;
  }

  private static LocalDate monday(Instant at) {
    return at.atZone(EngineClock.JAPAN)
        .toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static void count(Map<LocalDate, long[]> counts, Instant at, int index, long cases) {
    long[] n = counts.get(monday(at));
    if (n != null) {
      n[index] += cases;
    }
  }

  private Breakdown outcomes() {
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (String code : reference.codes(ReferenceList.CASE_OUTCOMES)) {
      counts.put(code, 0L);
      labels.put(code, reference.name(ReferenceList.CASE_OUTCOMES, code));
    }
    counts.put(CaseSummaryRecorder.DUPLICATE, 0L);
    labels.put(CaseSummaryRecorder.DUPLICATE, texts.get("dashboard.duplicate"));
    counts.putAll(summaries.closedByOutcome());
    return new Breakdown(SmallCells.breakdown(counts), labels);
  }

  private List<PrefectureRow> prefectures(OpenCaseCounts open) {
    Map<String, Long> cases = open.byPrefecture();
    List<CompanionProfile> available = profiles.available();
    Set<String> companionIds = matcher.companionIds();
    List<PrefectureRow> rows = new ArrayList<>();
    for (String code : reference.codes(ReferenceList.PREFECTURES)) {
      long companions =
          available.stream()
              .filter(p -> !p.interpreter() && p.prefectures().contains(code))
              .count();
      long remote =
          available.stream()
              .filter(
                  p ->
                      companionIds.contains(p.userId())
                          && p.worksRemotely()
                          && !p.prefectures().contains(code))
              .count();
      long interpreters =
          available.stream().filter(p -> p.interpreter() && p.prefectures().contains(code)).count();
      long openCases = cases.getOrDefault(code, 0L);
      rows.add(
          new PrefectureRow(
              code,
              reference.name(ReferenceList.PREFECTURES, code),
              SmallCells.count(openCases),
              companions,
              remote,
              interpreters,
              // 支援空白地帯: cases here, but nobody who can go with them in person
              openCases > 0 && companions == 0));
    }
    return rows;
  }

  private Map<String, Object> sections() {
    Map<String, Object> contributed = new LinkedHashMap<>();
    sections.forEach(section -> contributed.put(section.key(), section.snapshot()));
    return contributed;
  }

  private Breakdown policyIssuesByField() {
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (String code : reference.codes(ReferenceList.ADVOCACY_FIELDS)) {
      counts.put(code, 0L);
      labels.put(code, reference.name(ReferenceList.ADVOCACY_FIELDS, code));
    }
    counts.putAll(policyRegister.openByField());
    return new Breakdown(counts, labels);
  }
}
