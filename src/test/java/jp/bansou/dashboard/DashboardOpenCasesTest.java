package jp.bansou.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.CaseFile;
import jp.bansou.casefile.CaseStages;
import jp.bansou.casefile.CaseStages.Stage;
import jp.bansou.casefile.CaseStages.StageMap;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.casefile.Intake;
import jp.bansou.companion.CompanionMatcher;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.dashboard.Dashboard.OpenCases;
import jp.bansou.dashboard.Dashboard.PrefectureRow;
import jp.bansou.dashboard.Dashboard.Silent;
import jp.bansou.dashboard.Dashboard.Workload;
import jp.bansou.engine.Texts;
import jp.bansou.person.CaseVisibility;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.reports.SmallCells;
import jp.bansou.triage.UrgencyLevels;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard counts open cases by stage, urgency, prefecture and companion in SQL (one grouped
 * query and the open case tasks' four columns) instead of reading every open case and task: the
 * figures must be exactly what the former computation over every open row said (kept here as the
 * reference).
 */
@CaseEngineTest
class DashboardOpenCasesTest {

  @Autowired ProcessEngine engine;
  @Autowired DashboardService dashboard;
  @Autowired CaseSummaries summaries;
  @Autowired CaseStages stages;
  @Autowired UrgencyLevels urgencyLevels;
  @Autowired CompanionProfiles profiles;
  @Autowired CompanionMatcher matcher;
  @Autowired TaskService taskService;
  @Autowired ReferenceData reference;
  @Autowired CaseVisibility visibility;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired Texts texts;

  @Test
  void openCaseFiguresAreWhatCountingEveryOpenCaseSaid() {
    // cases at several stages: just taken in, triaged, with a companion
    for (int i = 0; i < 4; i++) {
      var pi = CaseDriver.start(engine, Intake.person());
      if (i > 0) {
        CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
      }
      if (i > 1) {
        CaseDriver.complete(
            engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
      }
    }

    Dashboard now = dashboard.snapshot();

    List<CaseSummary> open = summaries.open();
    List<Task> caseTasks =
        taskService.createTaskQuery().processDefinitionKey(CaseFile.PROCESS_KEY).list();
    assertThat(open).hasSizeGreaterThanOrEqualTo(4);
    assertThat(now.openCases()).isEqualTo(openCasesCountedOverRows(open, caseTasks));
    assertThat(now.openCases().total()).isEqualTo(open.size());
    assertThat(now.silentCases()).isEqualTo(silentOverRows(open, caseTasks));
    assertThat(now.companionWorkload()).isEqualTo(workloadOverRows(open));
    assertThat(now.prefectures()).isEqualTo(prefecturesOverRows(open));
  }

  // --- the former computations (DashboardService before issue 21's open-case counts) ---

  private OpenCases openCasesCountedOverRows(List<CaseSummary> open, List<Task> caseTasks) {
    Map<String, List<Task>> tasksByInstance =
        caseTasks.stream().collect(Collectors.groupingBy(Task::getProcessInstanceId));
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
    byUrgency.put(DashboardService.UNTRIAGED, 0L);
    urgencyLabels.put(DashboardService.UNTRIAGED, texts.get("dashboard.untriaged"));
    for (CaseSummary c : open) {
      List<Task> tasks = tasksByInstance.getOrDefault(c.processInstanceId(), List.of());
      StageMap map = tasks.isEmpty() ? latest : stages.of(tasks.get(0).getProcessDefinitionId());
      byStage.merge(
          map.stageOf(tasks.stream().map(Task::getTaskDefinitionKey).toList()), 1L, Long::sum);
      byUrgency.merge(
          c.urgency() == null ? DashboardService.UNTRIAGED : c.urgency(), 1L, Long::sum);
    }
    return new OpenCases(
        open.size(),
        SmallCells.breakdown(byStage),
        stageLabels,
        SmallCells.breakdown(byUrgency),
        urgencyLabels);
  }

  private Silent silentOverRows(List<CaseSummary> open, List<Task> caseTasks) {
    Map<String, String> caseNumbers =
        open.stream()
            .collect(Collectors.toMap(CaseSummary::processInstanceId, CaseSummary::caseNumber));
    Map<String, Set<String>> markedByDefinition = new HashMap<>();
    Set<String> restricted = jp.bansou.person.RestrictedCases.all(jdbc);
    Map<String, String> silent = new java.util.TreeMap<>();
    caseTasks.stream()
        .filter(
            t ->
                markedByDefinition
                    .computeIfAbsent(
                        t.getProcessDefinitionId(),
                        d ->
                            Set.copyOf(
                                stages.tasksMarked(
                                    d,
                                    DashboardService.LIST_PROPERTY,
                                    DashboardService.SILENT_CASES)))
                    .contains(t.getTaskDefinitionKey()))
        .forEach(
            t -> {
              String caseNumber = caseNumbers.get(t.getProcessInstanceId());
              if (caseNumber != null && !restricted.contains(caseNumber)) {
                silent.putIfAbsent(caseNumber, t.getId());
              }
            });
    return new Silent(
        silent.size(),
        List.copyOf(silent.keySet()),
        silent.entrySet().stream()
            .map(e -> new Dashboard.CaseTask(e.getKey(), e.getValue()))
            .toList());
  }

  private List<Workload> workloadOverRows(List<CaseSummary> open) {
    Map<String, Long> cases =
        open.stream()
            .filter(c -> c.companionId() != null)
            .collect(Collectors.groupingBy(CaseSummary::companionId, Collectors.counting()));
    Set<String> companions = matcher.companionIds();
    return profiles.available().stream()
        .filter(p -> companions.contains(p.userId()))
        .map(
            p ->
                new Workload(
                    p.displayName(),
                    cases.getOrDefault(p.userId(), 0L),
                    taskService.createTaskQuery().taskAssignee(p.userId()).count()))
        .sorted(Comparator.comparingLong(Workload::openCases).reversed())
        .toList();
  }

  private List<PrefectureRow> prefecturesOverRows(List<CaseSummary> open) {
    Map<String, Long> cases =
        open.stream()
            .filter(c -> c.prefecture() != null)
            .collect(Collectors.groupingBy(CaseSummary::prefecture, Collectors.counting()));
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
              openCases > 0 && companions == 0));
    }
    return rows;
  }
}
