package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.Visit.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.bansou.engine.Texts;
import jp.bansou.facts.CaseFacts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Keeps the visit's outcome in categories (office type and prefecture, purpose, result, barriers
 * met, month) for the case and the policy evidence, and words the barriers for the policy team in
 * case the companion flags them.
 */
@Component("keepVisitOutcome")
public class KeepVisitOutcomeDelegate implements JavaDelegate {

  private final VisitOutcomes outcomes;
  private final ReferenceData reference;
  private final Clock clock;
  private final Texts texts;

  public KeepVisitOutcomeDelegate(
      VisitOutcomes outcomes, ReferenceData reference, Clock clock, Texts texts) {
    this.outcomes = outcomes;
    this.reference = reference;
    this.clock = clock;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String officeType = OFFICE_TYPE.orElse(execution, "other");
    String prefecture =
        OFFICE_PREFECTURE.orElse(execution, CaseFacts.PREFECTURE.orElse(execution, null));
    String purpose = VISIT_PURPOSE.orElse(execution, null);
    List<String> barriers =
        BARRIERS.orElse(execution, List.of()).stream()
            .filter(b -> reference.has(ReferenceList.VISIT_BARRIERS, b))
            .distinct()
            .toList();
    LocalDate day = CaseFacts.VISIT_DATE.orElse(execution, LocalDate.now(clock));
    outcomes.add(
        new VisitOutcome(
            CaseFacts.CASE_NUMBER.get(execution),
            officeType,
            prefecture,
            purpose,
            VISIT_RESULT.get(execution),
            barriers,
            YearMonth.from(day).toString(),
            CaseFacts.SYSTEMIC_PROBLEM.isTrue(execution) && !barriers.isEmpty()));
    CaseFacts.BARRIER_SUMMARY.set(
        execution,
        barriers.isEmpty()
            ? null
            : texts.get(
                "visit.barrierSummary",
                reference.name(ReferenceList.OFFICE_TYPES, officeType),
                reference.name(ReferenceList.PREFECTURES, prefecture),
                reference.name(ReferenceList.VISIT_PURPOSES, purpose),
                reference.names(ReferenceList.VISIT_BARRIERS, barriers)));
  }
}
