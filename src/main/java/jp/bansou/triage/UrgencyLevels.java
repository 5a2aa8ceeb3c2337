package jp.bansou.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.bansou.engine.Trial;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The urgency levels as DMN {@code urgency-levels} defines them: label, task priority and severity
 * per level. A modeller changes them in the table; nothing about them is in Java.
 */
@Component
public class UrgencyLevels {

  public static final String DECISION_KEY = "urgency-levels";

  /** One level; severity 1 is the most severe. */
  public record Level(String code, String label, long taskPriority, long severity) {}

  private final ProcessEngine engine;
  private final Map<String, List<Level>> byDefinition = new ConcurrentHashMap<>();

  public UrgencyLevels(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The level of a code the triage produced; fails naming the code when the table lacks it. */
  public Level of(String code) {
    return of(all(), code);
  }

  /**
   * The level of a code among levels already read with {@link #all()} (one look-up, not one each).
   */
  public static Level of(List<Level> levels, String code) {
    return levels.stream()
        .filter(l -> l.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "DMN " + DECISION_KEY + " has no row for urgency '" + code + "'"));
  }

  /** Every level, most severe first. */
  public List<Level> all() {
    // a trial case's step reads the trial version of the table where one is deployed
    DecisionDefinition definition =
        Trial.decision(engine.getRepositoryService(), DECISION_KEY, Trial.current());
    return byDefinition.computeIfAbsent(definition.getId(), id -> read(definition));
  }

  /**
   * A DMN engine of its own for this lookup: the process engine's records each evaluation in
   * history and needs a command context, which a dashboard request does not have.
   */
  private static final DmnEngine LOOKUP =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  /** Each rule's code is its input entry; its outputs come from evaluating the table with it. */
  private List<Level> read(DecisionDefinition definition) {
    DmnModelInstance model = engine.getRepositoryService().getDmnModelInstance(definition.getId());
    DmnDecision decision = LOOKUP.parseDecision(DECISION_KEY, model);
    List<Level> levels = new ArrayList<>();
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      String code = rule.getInputEntries().iterator().next().getText().getTextContent().trim();
      code = code.replaceAll("^\"|\"$", "");
      DmnDecisionRuleResult row =
          LOOKUP
              .evaluateDecisionTable(
                  decision, Variables.createVariables().putValue("urgency", code))
              .getSingleResult();
      levels.add(
          new Level(
              code,
              row.getEntry("urgencyLabel"),
              ((Number) row.getEntry("taskPriority")).longValue(),
              ((Number) row.getEntry("severity")).longValue()));
    }
    levels.sort(Comparator.comparingLong(Level::severity));
    return List.copyOf(levels);
  }
}
