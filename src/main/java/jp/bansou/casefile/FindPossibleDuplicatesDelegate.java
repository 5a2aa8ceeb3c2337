package jp.bansou.casefile;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.CASE_NUMBER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.engine.SummaryLines;
import jp.bansou.engine.Texts;
import jp.bansou.person.PersonIntake;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Looks for open cases that may be the same person: the same name and birth date, or the same phone
 * number, compared by the vault's keyed indexes (no plaintext). It only shows their case numbers to
 * the coordinator; nothing is ever merged automatically.
 */
@Component("findPossibleDuplicates")
public class FindPossibleDuplicatesDelegate implements JavaDelegate {

  /** Case numbers shown on the form; all of them stay in possibleDuplicateNumbers. */
  static final int SUMMARY_LINES = 20;

  private final PersonIntake person;
  private final Texts texts;

  public FindPossibleDuplicatesDelegate(PersonIntake person, Texts texts) {
    this.person = person;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CASE_NUMBER.get(execution);
    Map<String, String> reasons = new LinkedHashMap<>();
    person
        .sameNameAndBirthDate(caseNumber)
        .forEach(other -> reasons.put(other, texts.get("duplicates.reason.nameAndBirthDate")));
    person
        .samePhone(caseNumber)
        .forEach(
            other ->
                reasons.merge(other, texts.get("duplicates.reason.phone"), (a, b) -> a + "、" + b));
    POSSIBLE_DUPLICATE_COUNT.set(execution, (long) reasons.size());
    POSSIBLE_DUPLICATE_NUMBERS.set(execution, List.copyOf(reasons.keySet()));
    // a shelter's office phone may be shared by a hundred open cases: the summary stays short
    POSSIBLE_DUPLICATE_SUMMARY.set(
        execution,
        SummaryLines.join(
            reasons.entrySet().stream()
                .map(e -> texts.get("duplicates.line", e.getKey(), e.getValue()))
                .toList(),
            SUMMARY_LINES,
            left -> texts.get("summary.more", left)));
  }
}
