package jp.bansou.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A decision table evaluated on its own (an administrator trying a table through {@code
 * /engine-rest/decision-definition/…/evaluate}, or our Java asking a table) with values it cannot
 * take is what was sent, not a fault: text for a column of numbers ({@code DMN-01005}), or no input
 * at all for a table that adds its rows up ({@code DMN-03004}). The REST API answered both with
 * 500; here each becomes a {@link Refusal} with a Japanese message, answered with 400 ({@code
 * jp.bansou.api.ApiErrors}). The value sent is not repeated. Only an evaluation that is a command
 * of its own: a table failing inside another command (a step of a model, our Java in one, given
 * what a changed table no longer takes) fails as before, the model's fault, an error in the log and
 * an incident in Cockpit, not a refusal that tells a companion to change a value's type.
 */
@Component
public class DecisionInputs extends AbstractProcessEnginePlugin {

  /** The table's words for a value of another kind; the value may run over several lines. */
  static final Pattern WRONG_TYPE =
      Pattern.compile("^DMN-01005 .* with type '(\\w+)'\\.?$", Pattern.DOTALL);

  /**
   * Rows whose outputs cannot be added up because every one is empty: what a table that adds up its
   * rows gives when its inputs were not sent. Outputs that are there but are no numbers are the
   * table's fault, and stay its error.
   */
  static final Pattern NOTHING_TO_ADD_UP =
      Pattern.compile(
          "^DMN-03004 Unable to convert value '\\[(?:Untyped 'null' value(?:, )?)+\\]'",
          Pattern.DOTALL);

  /** How a table's input types read in the refusal. */
  static final Map<String, String> TYPES =
      Map.of(
          "string", "文字",
          "integer", "整数",
          "long", "整数",
          "double", "数",
          "boolean", "true か false",
          "date", "日時");

  private final ApplicationContext context;

  public DecisionInputs(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    RefusingCommands.add(
        configuration,
        (command, failure, outermost) ->
            outermost && evaluating(command) ? refusal(failure) : null);
  }

  private String refusal(Throwable failure) {
    DmnEngineException cause = inputFailure(failure);
    if (cause == null) {
      return null;
    }
    Matcher wrongType = WRONG_TYPE.matcher(cause.getMessage());
    if (wrongType.find()) {
      return texts()
          .get(
              "decision.refused.inputType",
              TYPES.getOrDefault(wrongType.group(1), wrongType.group(1)));
    }
    return texts().get("decision.refused.missingInput");
  }

  /**
   * Whether the command whose context closes with this failure is an evaluation on its own that
   * failed on the values it was given: answered 400, so {@link RefusalLogging} logs it as an
   * answer, not as an error quoting the value. A table that fails inside another command (a model's
   * step, our Java in one) is the model's fault and stays an error.
   */
  static boolean refusedInput(Command<?> closing, Throwable failure) {
    return evaluating(closing) && inputFailure(failure) != null;
  }

  private static boolean evaluating(Command<?> command) {
    return command instanceof EvaluateDecisionCmd || command instanceof EvaluateDecisionTableCmd;
  }

  private static DmnEngineException inputFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DmnEngineException dmn
          && dmn.getMessage() != null
          && (WRONG_TYPE.matcher(dmn.getMessage()).find()
              || NOTHING_TO_ADD_UP.matcher(dmn.getMessage()).find())) {
        return dmn;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private Texts texts() {
    return context.getBean(Texts.class);
  }
}
