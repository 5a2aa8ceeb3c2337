package jp.bansou.casefile;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.Trial;
import jp.bansou.forms.FormSchema;
import jp.bansou.person.CaseVisibility;
import jp.bansou.statistics.FormStatistics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_summary} in step with the case, called from the model where the case changes:
 * registered, triaged, assigned to a companion, closed. Categories only; who may see the case
 * follows the same moments ({@link CaseVisibility}).
 */
@ModelApi
@Component("caseSummaryRecorder")
public class CaseSummaryRecorder {

  /** The outcome recorded for a request closed as a duplicate. */
  public static final String DUPLICATE = "duplicate";

  private final CaseSummaries summaries;
  private final CaseVisibility visibility;
  private final FormStatistics statistics;

  public CaseSummaryRecorder(
      CaseSummaries summaries, CaseVisibility visibility, FormStatistics statistics) {
    this.summaries = summaries;
    this.visibility = visibility;
    this.statistics = statistics;
  }

  public void registered(DelegateExecution execution) {
    summaries.opened(
        CASE_NUMBER.get(execution),
        execution.getProcessInstanceId(),
        PREFECTURE.orElse(execution, null),
        STATUS_CATEGORY.orElse(execution, null),
        NATIONALITY.orElse(execution, null),
        LANGUAGES.orElse(execution, List.of()),
        PROBLEM_FIELDS.orElse(execution, List.of()),
        REFERRED_BY.orElse(execution, null),
        CONSENT_STATISTICS.isTrue(execution),
        Trial.of(execution));
    if (Trial.of(execution)) {
      return; // a trial case's answers are counted nowhere
    }
    startForm(execution)
        .ifPresent(
            form -> statistics.record(CASE_NUMBER.get(execution), form, execution.getVariables()));
  }

  /** The intake form's statistic questions, kept as the case gets its number. */
  private static Optional<FormSchema> startForm(DelegateExecution execution) {
    try (InputStream in =
        execution
            .getProcessEngineServices()
            .getFormService()
            .getDeployedStartForm(execution.getProcessDefinitionId())) {
      return Optional.of(FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (RuntimeException | IOException noCamundaForm) {
      return Optional.empty();
    }
  }

  public void triaged(DelegateExecution execution) {
    summaries.triaged(
        CASE_NUMBER.get(execution),
        URGENCY.get(execution),
        TRACKS.orElse(execution, List.of()),
        TRIAGE_OVERRIDDEN.isTrue(execution));
  }

  /** The companion accepted: from now on they see the person (see jp.bansou.person). */
  public void assigned(DelegateExecution execution) {
    summaries.assigned(CASE_NUMBER.get(execution), COMPANION_ID.get(execution));
    visibility.assigned(CASE_NUMBER.get(execution), COMPANION_ID.get(execution));
  }

  /** At the end of the case; a request refused before it got its number leaves no summary. */
  public void closed(DelegateExecution execution) {
    CASE_NUMBER
        .find(execution)
        .ifPresent(
            caseNumber -> {
              summaries.closed(
                  caseNumber,
                  CLOSE_AS_DUPLICATE.equals(DUPLICATE_DECISION.orElse(execution, ""))
                      ? DUPLICATE
                      : OUTCOME.orElse(execution, null));
              visibility.closed(caseNumber);
            });
  }
}
