package jp.bansou.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Turns an engine command's failure that was caused by what the caller sent into a {@link Refusal}
 * with a Japanese message, answered 400 ({@code jp.bansou.api.ApiErrors}); any other failure passes
 * as it was. Nothing of the command is kept either way.
 */
final class RefusingCommands {

  /**
   * The Japanese message for this failure of this command, or null if it is no refusal; {@code
   * outermost}: the command is not run inside another (by a step's Java, say).
   */
  interface Reading {
    String refusal(Command<?> command, ProcessEngineException failure, boolean outermost);
  }

  private RefusingCommands() {}

  static void add(ProcessEngineConfigurationImpl configuration, Reading reading) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration
        .getCustomPreCommandInterceptorsTxRequired()
        .add(
            new CommandInterceptor() {
              @Override
              public <T> T execute(Command<T> command) {
                boolean outermost = Context.getCommandContext() == null;
                try {
                  return next.execute(command);
                } catch (ProcessEngineException failure) {
                  String refusal = reading.refusal(command, failure, outermost);
                  if (refusal != null) {
                    throw new Refusal(refusal);
                  }
                  throw failure;
                }
              }
            });
  }
}
