package jp.bansou.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * What a person entered cannot be accepted as it is (no consent, a missing name, a description that
 * identifies the person). The message is Japanese, for the person who entered it, and says what to
 * do; the task or form stays as it was.
 *
 * <p>The engine wraps an exception from a listener or an expression in its own; the last refusal of
 * the current request is remembered, so that the answer to the caller can be a 400 with this
 * message (see {@code jp.bansou.api.ApiErrors}).
 */
public class Refusal extends ProcessEngineException {

  private static final ThreadLocal<Refusal> LAST = new ThreadLocal<>();

  public Refusal(String message) {
    super(message);
    LAST.set(this);
  }

  /** The refusal raised last in this thread, if any. */
  public static Refusal last() {
    return LAST.get();
  }

  /** Forgets it: a new request starts. */
  public static void forget() {
    LAST.remove();
  }
}
