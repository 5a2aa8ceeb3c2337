package jp.bansou.companion;

import static jp.bansou.intake.CaseVariables.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.bansou.companion.CompanionMatcher.Candidate;
import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Proposes ranked companions to the coordinator, leaving out those who declined this case. */
@Component("rankCompanions")
public class RankCompanionsDelegate implements JavaDelegate {

  private final CompanionMatcher matcher;

  public RankCompanionsDelegate(CompanionMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (FormValues.flag(execution, CLEAR_DECLINES)) {
      execution.setVariable(DECLINED_COMPANIONS, FormValues.jsonList(List.of()));
      execution.setVariable(CLEAR_DECLINES, false);
    }
    List<Candidate> candidates =
        matcher.rank(
            FormValues.text(execution, PREFECTURE),
            FormValues.strings(execution, LANGUAGES),
            FormValues.strings(execution, PROBLEM_FIELDS),
            FormValues.strings(execution, DECLINED_COMPANIONS));
    execution.setVariable(CANDIDATE_COUNT, candidates.size());
    execution.setVariable(
        COMPANION_OPTIONS,
        FormValues.jsonList(
            candidates.stream()
                .map(
                    c ->
                        Map.of(
                            "value",
                            c.userId(),
                            "label",
                            c.displayName() + "（" + c.reasons() + "）"))
                .toList()));
    execution.setVariable(
        CANDIDATE_SUMMARY,
        candidates.isEmpty()
            ? "候補者がいません。"
            : candidates.stream()
                .map(c -> "1. " + c.displayName() + " — " + c.reasons())
                .collect(Collectors.joining("\n")));
    execution.removeVariable(COMPANION_ID);
  }
}
