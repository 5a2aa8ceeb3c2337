package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.Visit.*;
import static jp.bansou.facts.CaseFacts.COMPANION_ID;

import java.math.BigDecimal;
import jp.bansou.engine.Markdown;
import jp.bansou.engine.People;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the coordinator approves, in words: each person by name, their hours and the fee the model's
 * table gave.
 */
@Component("describeFeeClaim")
public class DescribeFeeClaimListener implements TaskListener {

  private final People people;
  private final Texts texts;

  public DescribeFeeClaimListener(People people, Texts texts) {
    this.people = people;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    StringBuilder summary =
        new StringBuilder(
            texts.get(
                "fee.summary.companion",
                Markdown.escape(people.name(COMPANION_ID.orElse(task, ""))),
                hours(HOURS_SPENT.orElse(task, null)),
                yen(COMPANION_FEE_YEN.orElse(task, null))));
    INTERPRETER_ID
        .find(task)
        .ifPresent(
            interpreter ->
                summary
                    .append("\n\n")
                    .append(
                        texts.get(
                            "fee.summary.interpreter",
                            Markdown.escape(people.name(interpreter)),
                            hours(INTERPRETER_HOURS.orElse(task, null)),
                            yen(INTERPRETER_FEE_YEN.orElse(task, null)))));
    FEE_SUMMARY.set(task.getExecution(), summary.toString());
  }

  private static String hours(BigDecimal hours) {
    return hours == null ? "—" : hours.stripTrailingZeros().toPlainString();
  }

  private static String yen(Long yen) {
    return yen == null ? "—" : String.format("%,d", yen);
  }
}
