package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.Visit.VISIT_RESULT;
import static jp.bansou.accompaniment.Visit.VISIT_TIME;
import static jp.bansou.facts.CaseFacts.VISIT_DATE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The visit's time as the model needs it: the outcome task's due date, and the reminder timer (its
 * lead time, e.g. {@code P1D}, is written in the model).
 */
@ModelApi
@Component("visitSchedule")
public class VisitSchedule {

  static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  private final Clock clock;
  private final Texts texts;

  public VisitSchedule(Clock clock, Texts texts) {
    this.clock = clock;
    this.texts = texts;
  }

  /**
   * Refuses, before the visit's day, an outcome saying the visit took place ({@code results}, as
   * the model lists them, e.g. {@code done,partly-done}): a postponement may be recorded at once, a
   * visit and its fee only from its day.
   */
  public void notBeforeVisit(DelegateTask task, String results) {
    LocalDate day = VISIT_DATE.orElse(task, null);
    String result = VISIT_RESULT.orElse(task, "");
    boolean tookPlace = Arrays.asList(results.split("\\s*,\\s*")).contains(result);
    if (day != null
        && tookPlace
        && LocalDate.now(clock.withZone(EngineClock.JAPAN)).isBefore(day)) {
      throw new Refusal(texts.get("visit.refused.beforeVisit", SHOWN.format(day)));
    }
  }

  public Date visitTime(DelegateExecution execution) {
    LocalDate date = VISIT_DATE.orElse(execution, null);
    if (date == null) {
      return null;
    }
    String time = VISIT_TIME.orElse(execution, "");
    LocalTime at = DEFAULT_TIME;
    try {
      at = time.isEmpty() ? DEFAULT_TIME : LocalTime.parse(time.length() == 4 ? "0" + time : time);
    } catch (DateTimeParseException notATime) {
      // a note such as 「午前中」: remind by the default time
    }
    return Date.from(date.atTime(at).atZone(EngineClock.JAPAN).toInstant());
  }

  /** The lead time before the visit, but never in the past: a late schedule reminds at once. */
  public Date reminderTime(DelegateExecution execution, String leadTime) {
    Date visit = visitTime(execution);
    Instant now = clock.instant();
    if (visit == null) {
      return Date.from(now);
    }
    Instant reminder =
        leadTime.contains("T")
            ? visit.toInstant().minus(Duration.parse(leadTime))
            : visit.toInstant().atZone(EngineClock.JAPAN).minus(Period.parse(leadTime)).toInstant();
    return Date.from(reminder.isBefore(now) ? now : reminder);
  }
}
