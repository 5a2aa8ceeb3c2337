package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.AccompanimentVariables.VISIT_DATE;
import static jp.bansou.accompaniment.AccompanimentVariables.VISIT_TIME;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The visit's time as the model needs it: the outcome task's due date, and the reminder timer (its
 * lead time, e.g. {@code P1D}, is written in the model).
 */
@Component("visitSchedule")
public class VisitSchedule {

  static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

  public Date visitTime(DelegateExecution execution) {
    LocalDate date = FormValues.date(execution, VISIT_DATE);
    if (date == null) {
      return null;
    }
    String time = FormValues.text(execution, VISIT_TIME);
    LocalTime at = DEFAULT_TIME;
    try {
      at = time.isEmpty() ? DEFAULT_TIME : LocalTime.parse(time.length() == 4 ? "0" + time : time);
    } catch (java.time.format.DateTimeParseException notATime) {
      // a note such as 「午前中」: remind by the default time
    }
    return Date.from(date.atTime(at).atZone(FormValues.JAPAN).toInstant());
  }

  /** The lead time before the visit, but never in the past: a late schedule reminds at once. */
  public Date reminderTime(DelegateExecution execution, String leadTime) {
    Date visit = visitTime(execution);
    Date now = ClockUtil.getCurrentTime();
    if (visit == null) {
      return now;
    }
    java.time.Instant reminder =
        leadTime.contains("T")
            ? visit.toInstant().minus(Duration.parse(leadTime))
            : visit.toInstant().atZone(FormValues.JAPAN).minus(Period.parse(leadTime)).toInstant();
    return reminder.isBefore(now.toInstant()) ? now : Date.from(reminder);
  }
}
