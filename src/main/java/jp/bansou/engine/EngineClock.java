package jp.bansou.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" for our code, in Japan's time zone: the engine's own clock, so that due dates, timers and
 * our records agree, and a test that moves the engine's time moves ours with it. The only place
 * that reads the engine-internal {@code ClockUtil}.
 */
@Component
public class EngineClock extends Clock {

  /** The one time zone of the network's work. */
  public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  @Override
  public ZoneId getZone() {
    return JAPAN;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(JAPAN) ? this : Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.now(this);
  }
}
