package jp.bansou.triage;

import static jp.bansou.intake.CaseVariables.*;

import java.util.List;
import java.util.Set;
import jp.bansou.forms.FormValues;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.reports.CaseSummaryRecorder;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the coordinator's triage: the urgency and tracks as reviewed, whether they differ from the
 * DMN's proposal (an override, kept for the supervisors' numbers), and the track list that the
 * support phase runs.
 */
@Component("applyTriageReview")
public class ApplyTriageReviewDelegate implements JavaDelegate {

  private final ReferenceData reference;
  private final CaseSummaryRecorder summaries;

  public ApplyTriageReviewDelegate(ReferenceData reference, CaseSummaryRecorder summaries) {
    this.reference = reference;
    this.summaries = summaries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Urgency urgency = Urgency.of(FormValues.text(execution, URGENCY));
    List<String> known = reference.codes(ReferenceList.SUPPORT_TRACKS);
    List<String> tracks =
        FormValues.strings(execution, TRACKS).stream().filter(known::contains).distinct().toList();
    boolean overridden =
        !urgency.code().equals(FormValues.text(execution, PROPOSED_URGENCY))
            || !Set.copyOf(tracks)
                .equals(Set.copyOf(FormValues.strings(execution, PROPOSED_TRACKS)));

    execution.setVariable(URGENCY_LABEL, urgency.label());
    execution.setVariable(TRACKS, FormValues.jsonList(tracks));
    execution.setVariable(TRACK_LIST, FormValues.javaList(tracks));
    execution.setVariable(TRIAGE_OVERRIDDEN, overridden);
    summaries.triaged(execution);
  }
}
