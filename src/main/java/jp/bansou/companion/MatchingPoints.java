package jp.bansou.companion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.bansou.engine.Trial;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The points a companion gets for a case, from the deployed DMN {@code companion-matching}: a
 * modeller changes the weights in the table and deploys it; nothing about them is in Java. The
 * newest version decides, from the next ranking on.
 */
@Component
public class MatchingPoints {

  public static final String DECISION_KEY = "companion-matching";

  /** What the table weighs for one candidate. */
  public record Facts(
      boolean local,
      int fluentSharedLanguages,
      int conversationalSharedLanguages,
      int matchingSpecialties,
      long openCases) {}

  /**
   * A DMN engine of its own: the process engine's records each evaluation in history (one per
   * candidate per ranking) and needs a command context.
   */
  private static final DmnEngine LOOKUP =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final ProcessEngine engine;
  private final Map<String, DmnDecision> byDefinition = new ConcurrentHashMap<>();

  public MatchingPoints(ProcessEngine engine) {
    this.engine = engine;
  }

  public int of(Facts facts) {
    return table().of(facts);
  }

  /**
   * The newest table, looked up once for a whole ranking: every candidate of one ranking is weighed
   * by the same version.
   */
  public Table table() {
    return new Table(decision());
  }

  /** One version of the table. */
  public static final class Table {
    private final DmnDecision decision;

    Table(DmnDecision decision) {
      this.decision = decision;
    }

    public int of(Facts facts) {
      Object points =
          LOOKUP
              .evaluateDecisionTable(
                  decision,
                  Variables.createVariables()
                      .putValue("local", facts.local())
                      .putValue("fluentSharedLanguages", facts.fluentSharedLanguages())
                      .putValue(
                          "conversationalSharedLanguages", facts.conversationalSharedLanguages())
                      .putValue("matchingSpecialties", facts.matchingSpecialties())
                      .putValue("openCases", facts.openCases()))
              .getSingleEntry();
      return points == null ? 0 : ((Number) points).intValue();
    }
  }

  private DmnDecision decision() {
    // a trial case ranks by the trial version of the table where one is deployed
    DecisionDefinition definition =
        Trial.decision(engine.getRepositoryService(), DECISION_KEY, Trial.current());
    if (definition == null) {
      throw new IllegalStateException("DMN " + DECISION_KEY + " is not deployed");
    }
    return byDefinition.computeIfAbsent(
        definition.getId(),
        id ->
            LOOKUP.parseDecision(
                DECISION_KEY, engine.getRepositoryService().getDmnModelInstance(id)));
  }
}
