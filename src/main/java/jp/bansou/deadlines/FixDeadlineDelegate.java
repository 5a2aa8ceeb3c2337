package jp.bansou.deadlines;

import static jp.bansou.deadlines.DeadlineWatch.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import java.util.Map;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Works out one watched deadline from its row of DMN {@code deadline-types}: the deadline's day
 * (the date given, plus the row's period when it counts from that date) and when to alert (the
 * row's lead time before the day, at 9:00; at once when that is past).
 */
@Component("fixDeadline")
public class FixDeadlineDelegate implements JavaDelegate {

  static final LocalTime ALERT_TIME = LocalTime.of(9, 0);

  private final Clock clock;

  public FixDeadlineDelegate(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> rule = (Map<String, Object>) execution.getVariable(DEADLINE_RULE);
    LocalDate given = DEADLINE_GIVEN.get(execution);
    LocalDate deadline = given.plus(period((String) rule.get("period")));
    Instant alert =
        deadline
            .minus(period((String) rule.get("leadTime")))
            .atTime(ALERT_TIME)
            .atZone(EngineClock.JAPAN)
            .toInstant();
    Instant now = clock.instant();

    DEADLINE_DATE.setLocal(execution, deadline);
    DEADLINE_NAME.setLocal(execution, (String) rule.get("deadlineName"));
    DEADLINE_ADVICE.setLocal(execution, (String) rule.get("advice"));
    APPEALABLE.setLocal(execution, Boolean.TRUE.equals(rule.get("appealable")));
    ALERT_LAWYER.setLocal(execution, Boolean.TRUE.equals(rule.get("alertLawyer")));
    ALERT_AT.setLocal(execution, Date.from(alert.isBefore(now) ? now : alert));
    execution.removeVariableLocal(DEADLINE_RULE);
  }

  /** An ISO period from the table (P14D, P6M, P1Y); none counts as zero. */
  static Period period(String iso) {
    return iso == null || iso.isBlank() ? Period.ZERO : Period.parse(iso.trim());
  }
}
