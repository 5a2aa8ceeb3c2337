package jp.bansou.conference;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.person.CaseVisibility;
import jp.bansou.reference.ReferenceData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds the open cases that are stuck, by the model's rules: nothing done for a while, an office
 * that refused, tasks past their due date. Restricted (DV) cases are never on an agenda.
 */
@Service
public class StuckCases {

  /** Why a case is on the agenda. */
  public enum Reason {
    NO_UPDATE,
    REFUSED,
    OVERDUE
  }

  /** A stuck case and why. */
  public record Stuck(CaseSummary summary, List<Reason> reasons, long overdueTasks) {}

  private final CaseSummaries summaries;
  private final CaseVisibility visibility;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final JdbcTemplate jdbc;
  private final ReferenceData reference;
  private final Clock clock;

  public StuckCases(
      CaseSummaries summaries,
      CaseVisibility visibility,
      HistoryService historyService,
      TaskService taskService,
      JdbcTemplate jdbc,
      ReferenceData reference,
      Clock clock) {
    this.summaries = summaries;
    this.visibility = visibility;
    this.historyService = historyService;
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.reference = reference;
    this.clock = clock;
  }

  /** The stuck open cases of the region ({@code null}: all regions), by case number. */
  public List<Stuck> find(
      String region, Duration noUpdateFor, Duration refusalsWithin, Set<String> refusalBarriers) {
    Instant now = clock.instant();
    List<CaseSummary> open = summaries.open();
    Set<String> restricted =
        visibility.restrictedAmong(open.stream().map(CaseSummary::caseNumber).toList());
    List<Stuck> stuck = new ArrayList<>();
    for (CaseSummary summary : open) {
      if (restricted.contains(summary.caseNumber())
          || region != null && !region.equals(reference.regionOf(summary.prefecture()))) {
        continue;
      }
      judge(summary, now, noUpdateFor, refusalsWithin, refusalBarriers).ifPresent(stuck::add);
    }
    stuck.sort(java.util.Comparator.comparing(s -> s.summary().caseNumber()));
    return stuck;
  }

  /**
   * The one case, if it is open, not restricted and stuck by the same rules: for an agenda case's
   * own step, which once searched every open case again to find it.
   */
  public Optional<Stuck> one(
      String caseNumber,
      Duration noUpdateFor,
      Duration refusalsWithin,
      Set<String> refusalBarriers) {
    return summaries
        .open(caseNumber)
        .filter(summary -> !visibility.isRestricted(caseNumber))
        .flatMap(
            summary ->
                judge(summary, clock.instant(), noUpdateFor, refusalsWithin, refusalBarriers));
  }

  /** Why an open, unrestricted case with a companion is stuck; empty when it is not. */
  private Optional<Stuck> judge(
      CaseSummary summary,
      Instant now,
      Duration noUpdateFor,
      Duration refusalsWithin,
      Set<String> refusalBarriers) {
    if (summary.companionId() == null) {
      return Optional.empty();
    }
    List<Reason> reasons = new ArrayList<>();
    if (lastUpdate(summary).isBefore(now.minus(noUpdateFor))) {
      reasons.add(Reason.NO_UPDATE);
    }
    if (refused(summary.caseNumber(), now.minus(refusalsWithin), refusalBarriers)) {
      reasons.add(Reason.REFUSED);
    }
    long overdue =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(summary.caseNumber())
            .dueBefore(Date.from(now))
            .count();
    if (overdue > 0) {
      reasons.add(Reason.OVERDUE);
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(new Stuck(summary, reasons, overdue));
  }

  private Instant lastUpdate(CaseSummary summary) {
    List<HistoricTaskInstance> last =
        historyService
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(summary.caseNumber())
            .finished()
            .orderByHistoricTaskInstanceEndTime()
            .desc()
            .listPage(0, 1);
    Instant opened = summary.openedAt() == null ? Instant.EPOCH : summary.openedAt();
    if (last.isEmpty() || last.get(0).getEndTime() == null) {
      return opened;
    }
    Instant done = last.get(0).getEndTime().toInstant();
    return done.isAfter(opened) ? done : opened;
  }

  private boolean refused(String caseNumber, Instant since, Set<String> refusalBarriers) {
    for (var row :
        jdbc.queryForList(
            "select visit_result, barriers from visit_outcome where case_number = ?"
                + " and recorded_at >= ?",
            caseNumber,
            Timestamp.from(since))) {
      if ("not-done".equals(row.get("VISIT_RESULT"))) {
        return true;
      }
      String barriers = String.valueOf(row.get("BARRIERS"));
      for (String barrier : barriers.split(",")) {
        if (refusalBarriers.contains(barrier.trim())) {
          return true;
        }
      }
    }
    return false;
  }
}
