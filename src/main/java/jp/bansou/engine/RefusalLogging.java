package jp.bansou.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * A {@link Refusal} is an answer to the person, not a fault: the engine logs it as it logs its own
 * refusals of a bad request ({@code ENGINE-16002}, debug), not as {@code ERROR ENGINE-16004} with a
 * stack trace for every refused comment; so is a grant made twice at once ({@link
 * SimultaneousGrants}). Any other exception is logged as before.
 */
@Component
public class RefusalLogging extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Factory factory = new Factory();
    // the engine gives its configuration only to a factory it makes itself
    factory.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(factory);
  }

  static final class Factory extends CommandContextFactory {
    @Override
    public CommandContext createCommandContext() {
      return new CommandContext(processEngineConfiguration) {
        @Override
        protected boolean shouldLogFine(Throwable exception) {
          // a grant made twice at once is a simultaneous change, logged as such by
          // SimultaneousGrants, as the engine logs its own optimistic locking failures
          return isRefusal(exception)
              || SimultaneousGrants.grantedTwice(exception)
              || super.shouldLogFine(exception);
        }
      };
    }
  }

  /** A refusal, or an engine exception wrapping one (a listener's, an expression's). */
  static boolean isRefusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refusal) {
        return true;
      }
    }
    return false;
  }
}
