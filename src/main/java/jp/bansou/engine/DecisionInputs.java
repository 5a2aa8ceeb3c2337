package jp.bansou.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A decision table evaluated on its own (an administrator trying a table through {@code
 * /engine-rest/decision-definition/…/evaluate}, or our Java asking a table) with values it cannot
 * take is what was sent, not a fault: text for a column of numbers ({@code DMN-01005}), or no input
 * at all for a table that adds its rows up ({@code DMN-03004}). The REST API answered both with
 * 500; here each becomes a {@link Refusal} with a Japanese message, answered with 400 ({@code
 * jp.bansou.api.ApiErrors}). The value sent is not repeated. A table evaluated by a step of a model
 * fails as before: that is the model's fault, and an incident in Cockpit.
 */
@Component
public class DecisionInputs extends AbstractProcessEnginePlugin {

  static final Pattern WRONG_TYPE = Pattern.compile("^DMN-01005 .* with type '(\\w+)'");
  static final String NOTHING_TO_ADD_UP = "DMN-03004";

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
        (command, failure) ->
            command instanceof EvaluateDecisionCmd || command instanceof EvaluateDecisionTableCmd
                ? refusal(failure)
                : null);
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
   * The table's refusal of the values it was given, in the chain of what an evaluate command threw
   * ({@link RefusalLogging} logs it as an answer, not as an error quoting the value).
   */
  static boolean refusedInput(Throwable failure) {
    StackTraceElement[] frames = failure.getStackTrace();
    boolean evaluating =
        frames.length > 0
            && (frames[0].getClassName().equals(EvaluateDecisionCmd.class.getName())
                || frames[0].getClassName().equals(EvaluateDecisionTableCmd.class.getName()));
    return evaluating && inputFailure(failure) != null;
  }

  private static DmnEngineException inputFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DmnEngineException dmn
          && dmn.getMessage() != null
          && (WRONG_TYPE.matcher(dmn.getMessage()).find()
              || dmn.getMessage().startsWith(NOTHING_TO_ADD_UP))) {
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
