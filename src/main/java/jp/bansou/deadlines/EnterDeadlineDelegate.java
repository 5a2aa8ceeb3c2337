package jp.bansou.deadlines;

import static jp.bansou.deadlines.DeadlineWatch.*;

import jp.bansou.engine.Trial;
import jp.bansou.facts.CaseFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step any process of a case may use to hand a deadline to the case's watch. The model gives it
 * as input parameters: {@code deadlineType} (reference/deadline-types.csv), {@code deadlineGiven}
 * (a date; the step does nothing without one) and {@code deadlineNote}.
 */
@Component("enterDeadline")
public class EnterDeadlineDelegate implements JavaDelegate {

  private final DeadlineWatches watches;

  public EnterDeadlineDelegate(DeadlineWatches watches) {
    this.watches = watches;
  }

  @Override
  public void execute(DelegateExecution execution) {
    watches.enter(
        CaseFacts.CASE_NUMBER.get(execution),
        Trial.tenant(execution),
        DEADLINE_TYPE.orElse(execution, null),
        DEADLINE_GIVEN.orElse(execution, null),
        DEADLINE_NOTE.orElse(execution, null));
  }
}
