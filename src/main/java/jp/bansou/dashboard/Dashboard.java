package jp.bansou.dashboard;

import java.util.List;
import java.util.Map;

/**
 * What {@code /api/dashboard} answers: categories, counts and case numbers, never a name or a
 * contact. Maps keep their order (stages, urgencies and outcomes as the models and lists give
 * them). A count of fewer than three people in a breakdown is null (see {@code SmallCells}); a
 * restricted case is in no list. {@code sections} holds what other capabilities add ({@link
 * DashboardSection}), by key.
 */
public record Dashboard(
    String generatedAt,
    OpenCases openCases,
    Overdue overdueTasks,
    Silent silentCases,
    List<Workload> companionWorkload,
    List<Week> weekly,
    Breakdown outcomes,
    List<PrefectureRow> prefectures,
    Breakdown policyIssuesByField,
    VisitBarriers visitBarriers,
    Map<String, Object> sections) {

  /** Counts per code and the label of each code. */
  public record Breakdown(Map<String, Long> counts, Map<String, String> labels) {}

  public record OpenCases(
      long total,
      Map<String, Long> byStage,
      Map<String, String> stageLabels,
      Map<String, Long> byUrgency,
      Map<String, String> urgencyLabels) {}

  /** An overdue task; {@code taskId} opens it in Tasklist (for those who may see it). */
  public record OverdueTask(String task, String caseNumber, String due, String taskId) {}

  public record Overdue(long count, List<OverdueTask> tasks) {}

  /** Cases without news; each with the task that asks about it, to open in Tasklist. */
  public record Silent(long count, List<String> caseNumbers, List<CaseTask> tasks) {}

  public record CaseTask(String caseNumber, String taskId) {}

  public record Workload(String companion, long openCases, long openTasks) {}

  public record Week(String week, String from, long opened, long closed) {}

  /**
   * What accompanied visits met at the offices (table {@code visit_outcome}): all visits, those
   * that met a barrier, each barrier's count, and the same per office type and per prefecture of
   * the office (rows only where visits were recorded). Counts of one or two are null.
   */
  public record VisitBarriers(
      Long visits,
      Long visitsWithBarrier,
      Breakdown byBarrier,
      List<BarrierRow> byOfficeType,
      List<BarrierRow> byPrefecture) {}

  /** One office type or prefecture: its visits, those with a barrier, and each barrier's count. */
  public record BarrierRow(
      String code, String name, Long visits, Long visitsWithBarrier, Map<String, Long> barriers) {}

  public record PrefectureRow(
      String code,
      String name,
      Long openCases,
      long companions,
      long remoteCompanions,
      long interpreters,
      boolean gap) {}
}
