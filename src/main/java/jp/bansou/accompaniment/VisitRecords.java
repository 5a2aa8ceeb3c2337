package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.Visit.*;

import java.util.List;
import java.util.stream.Collectors;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.Texts;
import jp.bansou.facts.CaseFacts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A case's visits as its own tasks show them (the check-in, the closure): each visit's month,
 * office type, purpose, result and barriers, in words from the reference lists. And, for the
 * outcome of a new visit, the barriers of the last one forgotten, so nothing is counted twice.
 */
@ModelApi
@Component("visitRecords")
public class VisitRecords {

  private final VisitOutcomes outcomes;
  private final ReferenceData reference;
  private final Texts texts;

  public VisitRecords(VisitOutcomes outcomes, ReferenceData reference, Texts texts) {
    this.outcomes = outcomes;
    this.reference = reference;
    this.texts = texts;
  }

  /** Sets the task's {@code visitRecord} (create listener of a case task). */
  public void show(DelegateTask task) {
    List<VisitOutcome> visits = outcomes.ofCase(CaseFacts.CASE_NUMBER.get(task));
    VISIT_RECORD.setLocal(
        task,
        visits.isEmpty()
            ? null
            : texts.get(
                "visit.record", visits.stream().map(this::line).collect(Collectors.joining("\n"))));
  }

  /** Create listener of the outcome task: a follow-up visit starts without the last barriers. */
  public void forgetLastBarriers(DelegateTask task) {
    var execution = task.getExecution();
    for (var variable :
        List.of(
            BARRIERS,
            CaseFacts.SYSTEMIC_PROBLEM,
            CaseFacts.ADVOCACY_FIELD,
            CaseFacts.POLICY_DESCRIPTION,
            CaseFacts.BARRIER_SUMMARY)) {
      execution.removeVariable(variable.name());
    }
  }

  private String line(VisitOutcome visit) {
    return texts.get(
        "visit.record.line",
        visit.visitMonth(),
        reference.name(ReferenceList.OFFICE_TYPES, visit.officeType()),
        reference.name(ReferenceList.VISIT_PURPOSES, visit.visitPurpose()),
        reference.name(ReferenceList.VISIT_RESULTS, visit.visitResult()),
        visit.barriers().isEmpty()
            ? ""
            : texts.get(
                "visit.record.barriers",
                reference.names(ReferenceList.VISIT_BARRIERS, visit.barriers())));
  }
}
