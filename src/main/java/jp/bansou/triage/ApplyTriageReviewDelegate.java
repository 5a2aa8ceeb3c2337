package jp.bansou.triage;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.*;

import java.util.List;
import java.util.Set;
import jp.bansou.casefile.CaseSummaryRecorder;
import jp.bansou.triage.UrgencyLevels.Level;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the coordinator's triage: the urgency and tracks as reviewed, whether they differ from the
 * DMN's proposal (an override, kept for the supervisors' numbers), and the track list that the
 * support phase runs: only deployed tracks ({@link SupportTracks}).
 */
@Component("applyTriageReview")
public class ApplyTriageReviewDelegate implements JavaDelegate {

  private final SupportTracks supportTracks;
  private final UrgencyLevels levels;
  private final CaseSummaryRecorder summaries;

  public ApplyTriageReviewDelegate(
      SupportTracks supportTracks, UrgencyLevels levels, CaseSummaryRecorder summaries) {
    this.supportTracks = supportTracks;
    this.levels = levels;
    this.summaries = summaries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Level urgency = levels.of(URGENCY.get(execution));
    List<String> known = supportTracks.codes();
    List<String> tracks =
        TRACKS.orElse(execution, List.of()).stream().filter(known::contains).distinct().toList();
    boolean overridden =
        !urgency.code().equals(PROPOSED_URGENCY.orElse(execution, ""))
            || !Set.copyOf(tracks).equals(Set.copyOf(PROPOSED_TRACKS.orElse(execution, List.of())));

    URGENCY_LABEL.set(execution, urgency.label());
    TASK_PRIORITY.set(execution, urgency.taskPriority());
    TRACKS.set(execution, tracks);
    TRACK_LIST.set(execution, tracks);
    TRIAGE_OVERRIDDEN.set(execution, overridden);
    summaries.triaged(execution);
  }
}
