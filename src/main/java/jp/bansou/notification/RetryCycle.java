package jp.bansou.notification;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's retry time cycle {@code R<attempts>/<interval>} (Camunda Modeler: <i>Retry time
 * cycle</i>), applied the way the engine applies it to a job: after the first failure {@code
 * attempts - 1} retries are left, each after the interval; with none left, an incident.
 */
record RetryCycle(int attempts, Duration interval) {

  /** The engine's own default for a step without a cycle. */
  static final RetryCycle DEFAULT = new RetryCycle(3, Duration.ZERO);

  private static final Pattern CYCLE = Pattern.compile("R(\\d+)/(P\\S+)");

  /** The cycle written in a model, or {@link #DEFAULT} when there is none or it cannot be read. */
  static RetryCycle parse(String text) {
    if (text == null) {
      return DEFAULT;
    }
    Matcher matcher = CYCLE.matcher(text.trim());
    if (!matcher.matches()) {
      return DEFAULT;
    }
    try {
      return new RetryCycle(Integer.parseInt(matcher.group(1)), Duration.parse(matcher.group(2)));
    } catch (RuntimeException unreadable) {
      return DEFAULT;
    }
  }

  /** Retries left after a failed attempt, given those left before it (null: the first). */
  int retriesAfterFailure(Integer retriesBefore) {
    int before = retriesBefore == null ? attempts : retriesBefore;
    return Math.max(0, before - 1);
  }
}
