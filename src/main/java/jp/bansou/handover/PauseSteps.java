package jp.bansou.handover;

import static jp.bansou.handover.HandOver.*;

import java.time.LocalDate;
import java.util.Date;
import jp.bansou.companion.CompanionPauses;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A companion pauses (illness, family, travel) until a date: matching skips them from now on, a
 * coordinator sees their open cases, and on the date the pause ends by the model's timer.
 */
@ModelApi
@Component("pauses")
public class PauseSteps {

  private final CompanionPauses pauses;
  private final HandOverSteps handOvers;
  private final EngineClock clock;
  private final Texts texts;

  public PauseSteps(
      CompanionPauses pauses, HandOverSteps handOvers, EngineClock clock, Texts texts) {
    this.pauses = pauses;
    this.handOvers = handOvers;
    this.clock = clock;
    this.texts = texts;
  }

  /** The pause starts: by a companion, until a day after today; their open cases are listed. */
  public void start(DelegateExecution execution) {
    String companion = PAUSED_COMPANION.orElse(execution, null);
    if (!handOvers.isMember(companion, Role.COMPANIONS)) {
      throw new Refusal(texts.get("pause.refused.notCompanion"));
    }
    LocalDate until = PAUSED_UNTIL.orElse(execution, null);
    if (until == null || !until.isAfter(clock.today())) {
      throw new Refusal(texts.get("pause.refused.date"));
    }
    String reason = PAUSE_REASON.orElse(execution, null);
    if (reason == null) {
      throw new Refusal(texts.get("pause.refused.reason"));
    }
    pauses.start(companion, reason, until);
    PAUSE_ENDS_AT.set(execution, Date.from(until.atStartOfDay(EngineClock.JAPAN).toInstant()));
    COMPANION.set(execution, companion);
    handOvers.listCases(execution, companion);
  }

  /** The date came: matching proposes the companion again. */
  public void end(DelegateExecution execution) {
    pauses.end(PAUSED_COMPANION.get(execution));
  }
}
