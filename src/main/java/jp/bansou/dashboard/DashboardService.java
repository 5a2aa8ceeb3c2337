package jp.bansou.dashboard;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.bansou.companion.CompanionMatcher;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.forms.FormValues;
import jp.bansou.intake.CaseVariables;
import jp.bansou.policy.PolicyRegister;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.reports.CaseSummaries;
import jp.bansou.reports.CaseSummary;
import jp.bansou.triage.Urgency;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The supervisors' numbers. Categories and case numbers only: no name, contact or address ever
 * enters this JSON. Sources: {@code case_summary}, the companion profiles, the policy register, the
 * engine's open tasks and its task history.
 */
@Service
public class DashboardService {

  static final Duration SILENCE = Duration.ofDays(30);
  static final int WEEKS = 12;
  static final int LISTED_TASKS = 20;

  private final CaseSummaries summaries;
  private final CompanionProfiles profiles;
  private final CompanionMatcher matcher;
  private final PolicyRegister policyRegister;
  private final TaskService taskService;
  private final JdbcTemplate jdbc;
  private final ReferenceData reference;

  public DashboardService(
      CaseSummaries summaries,
      CompanionProfiles profiles,
      CompanionMatcher matcher,
      PolicyRegister policyRegister,
      TaskService taskService,
      JdbcTemplate jdbc,
      ReferenceData reference) {
    this.summaries = summaries;
    this.profiles = profiles;
    this.matcher = matcher;
    this.policyRegister = policyRegister;
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.reference = reference;
  }

  public Map<String, Object> snapshot() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<CaseSummary> open = summaries.open();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("generatedAt", now.toString());
    result.put("openCases", openCases(open));
    result.put("overdueTasks", overdueTasks(now));
    result.put("silentCases", silentCases(open, now));
    result.put("companionWorkload", workload(open));
    result.put("weekly", weekly(now));
    result.put("outcomes", outcomes());
    result.put("prefectures", prefectures(open));
    result.put("policyIssuesByField", policyIssuesByField());
    return result;
  }

  private Map<String, Object> openCases(List<CaseSummary> open) {
    Map<String, List<String>> taskKeysByInstance = new HashMap<>();
    for (Task task :
        taskService.createTaskQuery().processDefinitionKey(CaseVariables.PROCESS_KEY).list()) {
      taskKeysByInstance
          .computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>())
          .add(task.getTaskDefinitionKey());
    }
    Map<String, Long> byStage = new LinkedHashMap<>();
    for (CaseStage stage : CaseStage.values()) {
      byStage.put(stage.code(), 0L);
    }
    Map<String, Long> byUrgency = new LinkedHashMap<>();
    for (Urgency urgency : Urgency.values()) {
      byUrgency.put(urgency.code(), 0L);
    }
    byUrgency.put("untriaged", 0L);
    for (CaseSummary c : open) {
      CaseStage stage =
          CaseStage.of(taskKeysByInstance.getOrDefault(c.processInstanceId(), List.of()));
      byStage.merge(stage.code(), 1L, Long::sum);
      byUrgency.merge(c.urgency() == null ? "untriaged" : c.urgency(), 1L, Long::sum);
    }
    Map<String, String> stageLabels = new LinkedHashMap<>();
    for (CaseStage stage : CaseStage.values()) {
      stageLabels.put(stage.code(), stage.label());
    }
    Map<String, String> urgencyLabels = new LinkedHashMap<>();
    for (Urgency urgency : Urgency.values()) {
      urgencyLabels.put(urgency.code(), urgency.label());
    }
    urgencyLabels.put("untriaged", "未判定");
    return Map.of(
        "total", (long) open.size(),
        "byStage", byStage,
        "stageLabels", stageLabels,
        "byUrgency", byUrgency,
        "urgencyLabels", urgencyLabels);
  }

  private Map<String, Object> overdueTasks(Instant now) {
    var query = taskService.createTaskQuery().dueBefore(Date.from(now)).orderByDueDate().asc();
    long count = query.count();
    List<Map<String, Object>> listed = new ArrayList<>();
    for (Task task : query.listPage(0, LISTED_TASKS)) {
      Object caseNumber = taskService.getVariable(task.getId(), CaseVariables.CASE_NUMBER);
      listed.add(
          Map.of(
              "task", task.getName(),
              "caseNumber", caseNumber == null ? "" : caseNumber.toString(),
              "due", task.getDueDate().toInstant().toString()));
    }
    return Map.of("count", count, "tasks", listed);
  }

  /** Open cases where no task of the case or its tracks was completed for 30 days. */
  private Map<String, Object> silentCases(List<CaseSummary> open, Instant now) {
    Map<String, Instant> lastWork = new HashMap<>();
    // only the open cases' task history: reading all of it took a second at 100,000 closed cases
    jdbc.query(
        "select t.ROOT_PROC_INST_ID_, max(t.END_TIME_) from ACT_HI_TASKINST t"
            + " join case_summary c on c.process_instance_id = t.ROOT_PROC_INST_ID_"
            + " where c.closed_at is null and t.END_TIME_ is not null group by t.ROOT_PROC_INST_ID_",
        rs -> {
          Timestamp last = rs.getTimestamp(2);
          if (rs.getString(1) != null && last != null) {
            lastWork.put(rs.getString(1), last.toInstant());
          }
        });
    Instant limit = now.minus(SILENCE);
    List<String> silent =
        open.stream()
            .filter(
                c -> {
                  Instant last = lastWork.getOrDefault(c.processInstanceId(), c.openedAt());
                  return last.isBefore(limit) && c.openedAt().isBefore(limit);
                })
            .map(CaseSummary::caseNumber)
            .sorted()
            .toList();
    return Map.of("count", (long) silent.size(), "caseNumbers", silent);
  }

  private List<Map<String, Object>> workload(List<CaseSummary> open) {
    Map<String, Long> cases =
        open.stream()
            .filter(c -> c.companionId() != null)
            .collect(Collectors.groupingBy(CaseSummary::companionId, Collectors.counting()));
    List<Map<String, Object>> rows = new ArrayList<>();
    Set<String> companions = matcher.companionIds();
    for (CompanionProfile profile : profiles.available()) {
      if (!companions.contains(profile.userId())) {
        continue;
      }
      rows.add(
          Map.of(
              "companion", profile.displayName(),
              "openCases", cases.getOrDefault(profile.userId(), 0L),
              "openTasks", taskService.createTaskQuery().taskAssignee(profile.userId()).count()));
    }
    rows.sort((a, b) -> Long.compare((Long) b.get("openCases"), (Long) a.get("openCases")));
    return rows;
  }

  private List<Map<String, Object>> weekly(Instant now) {
    LocalDate thisMonday =
        now.atZone(FormValues.JAPAN)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate first = thisMonday.minusWeeks(WEEKS - 1);
    Map<LocalDate, long[]> counts = new TreeMap<>();
    for (int i = 0; i < WEEKS; i++) {
      counts.put(first.plusWeeks(i), new long[2]);
    }
    Instant since = first.atStartOfDay(FormValues.JAPAN).toInstant();
    for (CaseSummary c : summaries.openedOrClosedSince(since)) {
      count(counts, c.openedAt(), 0);
      if (c.closedAt() != null) {
        count(counts, c.closedAt(), 1);
      }
    }
    List<Map<String, Object>> weeks = new ArrayList<>();
    counts.forEach(
        (monday, n) ->
            weeks.add(
                Map.of(
                    "week",
                    monday.getYear()
                        + "-W"
                        + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    "from",
                    monday.toString(),
                    "opened",
                    n[0],
                    "closed",
                    n[1])));
    return weeks;
  }

  private static void count(Map<LocalDate, long[]> counts, Instant at, int index) {
    LocalDate monday =
        at.atZone(FormValues.JAPAN)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    long[] n = counts.get(monday);
    if (n != null) {
      n[index]++;
    }
  }

  private Map<String, Object> outcomes() {
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (String code : reference.codes(ReferenceList.CASE_OUTCOMES)) {
      counts.put(code, 0L);
      labels.put(code, reference.name(ReferenceList.CASE_OUTCOMES, code));
    }
    counts.put("duplicate", 0L);
    labels.put("duplicate", "重複として終了");
    jdbc.query(
        "select outcome, count(*) from case_summary where closed_at is not null and outcome is not null"
            + " group by outcome",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return Map.of("counts", counts, "labels", labels);
  }

  private List<Map<String, Object>> prefectures(List<CaseSummary> open) {
    Map<String, Long> cases =
        open.stream()
            .filter(c -> c.prefecture() != null)
            .collect(Collectors.groupingBy(CaseSummary::prefecture, Collectors.counting()));
    List<CompanionProfile> available = profiles.available();
    Set<String> companionIds = matcher.companionIds();
    List<Map<String, Object>> rows = new ArrayList<>();
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
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", code);
      row.put("name", reference.name(ReferenceList.PREFECTURES, code));
      row.put("openCases", openCases);
      row.put("companions", companions);
      row.put("remoteCompanions", remote);
      row.put("interpreters", interpreters);
      // 支援空白地帯: cases here, but nobody who can go with them in person
      row.put("gap", openCases > 0 && companions == 0);
      rows.add(row);
    }
    return rows;
  }

  private Map<String, Object> policyIssuesByField() {
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (String code : reference.codes(ReferenceList.ADVOCACY_FIELDS)) {
      counts.put(code, 0L);
      labels.put(code, reference.name(ReferenceList.ADVOCACY_FIELDS, code));
    }
    counts.putAll(policyRegister.openByField());
    return Map.of("counts", counts, "labels", labels);
  }
}
