package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.Visit.*;
import static jp.bansou.facts.CaseFacts.*;

import java.util.List;
import jp.bansou.accompaniment.InterpreterMatcher.Match;
import jp.bansou.engine.Texts;
import jp.bansou.person.CaseVisibility;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Offers the visit to matching interpreters, in person if possible, else by phone or video. A
 * restricted (DV) case is offered to nobody: an offer names the office and the days, which is where
 * the person will be and when, so the case's one coordinator chooses and asks an interpreter
 * instead (the model's way when nobody matches). This is a privacy floor, not a rule a model can
 * change.
 */
@Component("findInterpreters")
public class FindInterpretersDelegate implements JavaDelegate {

  private final InterpreterMatcher matcher;
  private final ReferenceData reference;
  private final Texts texts;
  private final CaseVisibility visibility;

  public FindInterpretersDelegate(
      InterpreterMatcher matcher, ReferenceData reference, Texts texts, CaseVisibility visibility) {
    this.matcher = matcher;
    this.reference = reference;
    this.texts = texts;
    this.visibility = visibility;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Match match =
        matcher.find(
            PREFECTURE.orElse(execution, ""),
            LANGUAGES.orElse(execution, List.of()),
            DECLINED_INTERPRETERS.orElse(execution, List.of()));
    INTERPRETATION_MODE.set(execution, match.mode());
    if (visibility.isRestricted(CASE_NUMBER.orElse(execution, ""))) {
      INTERPRETER_CANDIDATES.set(execution, List.of());
      INTERPRETER_CANDIDATE_COUNT.set(execution, 0L);
      INTERPRETATION_SUMMARY.set(
          execution,
          texts.get(
              "interpretation.restricted",
              reference.names(ReferenceList.LANGUAGES, LANGUAGES.orElse(execution, List.of()))));
      return;
    }
    INTERPRETER_CANDIDATES.set(execution, match.interpreterIds());
    INTERPRETER_CANDIDATE_COUNT.set(execution, (long) match.interpreterIds().size());
    INTERPRETATION_SUMMARY.set(
        execution,
        match.interpreterIds().isEmpty()
            ? texts.get(
                "interpretation.none",
                reference.names(ReferenceList.LANGUAGES, LANGUAGES.orElse(execution, List.of())))
            : texts.get(
                "interpretation.summary",
                reference.name(ReferenceList.INTERPRETATION_MODES, match.mode()),
                match.interpreterIds().size(),
                reference.names(ReferenceList.LANGUAGES, LANGUAGES.orElse(execution, List.of()))));
  }
}
