package jp.bansou.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A text longer than the database's column for it (an annotation of 5,000 characters, a reason, a
 * deployment's name) is what was sent, not a fault: the engine reports the database's refusal as a
 * persistence failure, which its REST API answers with 500 and a message that names nothing. Here
 * it becomes a {@link Refusal} with a Japanese message, answered with 400 ({@code
 * jp.bansou.api.ApiErrors}); nothing of the command was kept. Recognised by the SQL state both
 * databases give it (22001, a string too long for its column), anywhere in the chain.
 */
@Component
public class TooLongValues extends AbstractProcessEnginePlugin {

  /** The SQL state of a string too long for its column, in PostgreSQL and H2. */
  static final String TOO_LONG = "22001";

  private final ApplicationContext context;

  public TooLongValues(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    RefusingCommands.add(
        configuration,
        (command, failure, outermost) ->
            tooLong(failure) ? context.getBean(Texts.class).get("api.error.tooLong") : null);
  }

  static boolean tooLong(Throwable failure) {
    return SimultaneousGrants.hasSqlState(failure, java.util.Set.of(TOO_LONG));
  }
}
