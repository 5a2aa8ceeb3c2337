package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.AccompanimentVariables.*;

import jp.bansou.accompaniment.InterpreterMatcher.Match;
import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Offers the visit to matching interpreters, in person if possible, else by phone or video. */
@Component("findInterpreters")
public class FindInterpretersDelegate implements JavaDelegate {

  private final InterpreterMatcher matcher;

  public FindInterpretersDelegate(InterpreterMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Match match =
        matcher.find(
            FormValues.text(execution, PREFECTURE),
            FormValues.strings(execution, LANGUAGES),
            FormValues.strings(execution, DECLINED_INTERPRETERS));
    execution.setVariable(INTERPRETER_CANDIDATES, FormValues.javaList(match.interpreterIds()));
    execution.setVariable(INTERPRETER_CANDIDATE_COUNT, match.interpreterIds().size());
    execution.setVariable(INTERPRETATION_MODE, match.mode().code());
    execution.setVariable(
        INTERPRETATION_SUMMARY,
        match.interpreterIds().isEmpty()
            ? "この言語を通訳できる人が見つかりません。"
            : "通訳の方法：**" + match.mode().label() + "**（候補 " + match.interpreterIds().size() + "人）");
  }
}
