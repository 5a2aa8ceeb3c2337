package jp.bansou.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * What a person entered cannot be accepted as it is (no consent, a missing name, a description that
 * identifies the person). The message is Japanese, for the person who entered it, and says what to
 * do; the task or form stays as it was.
 */
public class Refusal extends ProcessEngineException {

  public Refusal(String message) {
    super(message);
  }
}
