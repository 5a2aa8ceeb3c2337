package jp.bansou.reports;

import static jp.bansou.intake.CaseVariables.*;

import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_summary} in step with the case, called from the model where the case changes:
 * registered, triaged, assigned to a companion, closed. Categories only.
 */
@Component("caseSummaryRecorder")
public class CaseSummaryRecorder {

  private final CaseSummaries summaries;

  public CaseSummaryRecorder(CaseSummaries summaries) {
    this.summaries = summaries;
  }

  public void registered(DelegateExecution execution) {
    summaries.opened(
        FormValues.text(execution, CASE_NUMBER),
        execution.getProcessInstanceId(),
        FormValues.text(execution, PREFECTURE),
        FormValues.text(execution, STATUS_CATEGORY),
        FormValues.text(execution, NATIONALITY),
        FormValues.strings(execution, LANGUAGES),
        FormValues.strings(execution, PROBLEM_FIELDS),
        FormValues.text(execution, REFERRED_BY),
        FormValues.flag(execution, CONSENT_STATISTICS));
  }

  public void triaged(DelegateExecution execution) {
    summaries.triaged(
        FormValues.text(execution, CASE_NUMBER),
        FormValues.text(execution, URGENCY),
        FormValues.strings(execution, TRACKS),
        FormValues.flag(execution, TRIAGE_OVERRIDDEN));
  }

  public void assigned(DelegateExecution execution) {
    summaries.assigned(
        FormValues.text(execution, CASE_NUMBER), FormValues.text(execution, COMPANION_ID));
  }

  public void closed(DelegateExecution execution) {
    String outcome =
        "closeAsDuplicate".equals(FormValues.text(execution, DUPLICATE_DECISION))
            ? "duplicate"
            : FormValues.text(execution, OUTCOME);
    summaries.closed(FormValues.text(execution, CASE_NUMBER), outcome.isEmpty() ? null : outcome);
  }
}
