package jp.bansou.companion;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.*;

import java.util.List;
import jp.bansou.companion.CompanionMatcher.Candidate;
import jp.bansou.engine.Markdown;
import jp.bansou.engine.Option;
import jp.bansou.engine.SummaryLines;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Proposes ranked companions to the coordinator, leaving out those who declined this case. */
@Component("rankCompanions")
public class RankCompanionsDelegate implements JavaDelegate {

  /** The best-ranked companions described on the form; every one stays among the options. */
  static final int SUMMARY_LINES = 20;

  private final CompanionMatcher matcher;
  private final Texts texts;

  public RankCompanionsDelegate(CompanionMatcher matcher, Texts texts) {
    this.matcher = matcher;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (CLEAR_DECLINES.isTrue(execution)) {
      DECLINED_COMPANIONS.set(execution, List.of());
      CLEAR_DECLINES.set(execution, false);
    }
    propose(execution, DECLINED_COMPANIONS.orElse(execution, List.of()));
    COMPANION_ID.remove(execution);
  }

  /**
   * Ranks the companions for the case facts in {@code execution}, leaving out {@code excluded}, and
   * sets the options, their description and their count (also used by a hand-over).
   */
  public void propose(DelegateExecution execution, java.util.Collection<String> excluded) {
    List<Candidate> candidates =
        matcher.rank(
            PREFECTURE.orElse(execution, ""),
            LANGUAGES.orElse(execution, List.of()),
            PROBLEM_FIELDS.orElse(execution, List.of()),
            excluded);
    CANDIDATE_COUNT.set(execution, (long) candidates.size());
    COMPANION_OPTIONS.set(
        execution,
        candidates.stream()
            .map(
                c ->
                    new Option(
                        c.userId(), texts.get("matching.option", c.displayName(), c.reasons())))
            .toList());
    CANDIDATE_SUMMARY.set(
        execution,
        candidates.isEmpty()
            ? texts.get("matching.none")
            : SummaryLines.join(
                candidates.stream()
                    .map(
                        c ->
                            texts.get(
                                "matching.line", Markdown.escape(c.displayName()), c.reasons()))
                    .toList(),
                SUMMARY_LINES,
                left -> texts.get("summary.more", left)));
  }
}
