package jp.bansou.legal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When to alert before a legal deadline (e.g. 審査請求 7 days from the refusal notice). The lead time
 * is written in the model (e.g. {@code P2D}); an alert already due comes at once.
 */
@Component("legalDeadlines")
public class LegalDeadlines {

  static final LocalTime ALERT_TIME = LocalTime.of(9, 0);

  /**
   * Moves a newly entered deadline into the watching scope, so that the next deadline entered
   * starts its own watch instead of changing this one.
   */
  public void takeOver(DelegateExecution watch) {
    watch.setVariableLocal("deadlineDate", watch.getVariable(LegalVariables.LEGAL_DEADLINE_DATE));
    watch.setVariableLocal("deadlineNote", watch.getVariable("legalDeadlineNote"));
    watch.removeVariable(LegalVariables.LEGAL_DEADLINE_DATE);
    watch.removeVariable("legalDeadlineNote");
  }

  public Date alertTime(Object deadline, String leadTime) {
    LocalDate day =
        deadline instanceof Date date
            ? date.toInstant().atZone(FormValues.JAPAN).toLocalDate()
            : LocalDate.parse(deadline.toString().substring(0, 10));
    ZonedDateTime at = day.atTime(ALERT_TIME).atZone(FormValues.JAPAN);
    ZonedDateTime alert =
        leadTime.contains("T")
            ? at.minus(Duration.parse(leadTime))
            : at.minus(Period.parse(leadTime));
    Date now = ClockUtil.getCurrentTime();
    return alert.toInstant().isBefore(now.toInstant()) ? now : Date.from(alert.toInstant());
  }
}
