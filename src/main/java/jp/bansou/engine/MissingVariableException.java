package jp.bansou.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/** A variable the model should have set is missing: a modelling error, named for the modeller. */
public class MissingVariableException extends ProcessEngineException {

  public MissingVariableException(String variable) {
    super(
        "Process variable '" + variable + "' is missing: the model must set it before this step.");
  }
}
