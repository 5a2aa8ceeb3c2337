package jp.bansou.intake;

import org.camunda.bpm.engine.ProcessEngineException;

/** An intake that cannot be accepted; the message is shown to the person entering it. */
public class CaseIntakeException extends ProcessEngineException {

  public CaseIntakeException(String message) {
    super(message);
  }
}
