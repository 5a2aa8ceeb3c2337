package jp.bansou;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A DMN table from {@code processes/}, evaluated by a plain DMN engine, that also tells which rules
 * matched: DMN tests check rule by rule, not only the output.
 */
public final class DecisionTable {

  private final DmnEngine engine;
  private final DmnDecision decision;
  private final List<String> matchedRules = new ArrayList<>();

  public DecisionTable(String file, String decisionKey) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    DmnDecisionTableEvaluationListener listener =
        event -> {
          matchedRules.clear();
          event.getMatchingRules().stream()
              .map(DmnEvaluatedDecisionRule::getId)
              .forEach(matchedRules::add);
        };
    configuration.customPostDecisionTableEvaluationListeners(List.of(listener));
    engine = configuration.buildEngine();
    try (InputStream in = new FileInputStream("processes/" + file)) {
      decision = engine.parseDecision(decisionKey, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DmnDecisionResult evaluate(Map<String, Object> variables) {
    return engine.evaluateDecision(decision, variables);
  }

  /** The ids of the rules that matched in the last evaluation, in table order. */
  public List<String> matchedRules() {
    return List.copyOf(matchedRules);
  }
}
