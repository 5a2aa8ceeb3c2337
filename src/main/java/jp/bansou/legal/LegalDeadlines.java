package jp.bansou.legal;

import static jp.bansou.facts.CaseFacts.LEGAL_DEADLINE_DATE;
import static jp.bansou.facts.CaseFacts.LEGAL_DEADLINE_NOTE;
import static jp.bansou.legal.LegalReferral.WATCHED_DEADLINE;
import static jp.bansou.legal.LegalReferral.WATCHED_DEADLINE_NOTE;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.ModelApi;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When to alert before a legal deadline (e.g. 審査請求 7 days from the refusal notice). The lead time
 * is written in the model (e.g. {@code P2D}); an alert already due comes at once.
 */
@ModelApi
@Component("legalDeadlines")
public class LegalDeadlines {

  static final LocalTime ALERT_TIME = LocalTime.of(9, 0);

  private final Clock clock;

  public LegalDeadlines(Clock clock) {
    this.clock = clock;
  }

  /**
   * Moves a newly entered deadline into the watching scope, so that the next deadline entered
   * starts its own watch instead of changing this one.
   */
  public void takeOver(DelegateExecution watch) {
    WATCHED_DEADLINE.setLocal(watch, LEGAL_DEADLINE_DATE.orElse(watch, null));
    WATCHED_DEADLINE_NOTE.setLocal(watch, LEGAL_DEADLINE_NOTE.orElse(watch, null));
    LEGAL_DEADLINE_DATE.remove(watch);
    LEGAL_DEADLINE_NOTE.remove(watch);
  }

  public Date alertTime(Object deadline, String leadTime) {
    LocalDate day = WATCHED_DEADLINE.read(deadline).orElseThrow();
    ZonedDateTime at = day.atTime(ALERT_TIME).atZone(EngineClock.JAPAN);
    ZonedDateTime alert =
        leadTime.contains("T")
            ? at.minus(Duration.parse(leadTime))
            : at.minus(Period.parse(leadTime));
    return Date.from(
        alert.toInstant().isBefore(clock.instant()) ? clock.instant() : alert.toInstant());
  }
}
