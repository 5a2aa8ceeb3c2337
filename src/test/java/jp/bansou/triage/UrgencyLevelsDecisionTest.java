package jp.bansou.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.bansou.DecisionTable;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code urgency-levels}, rule by rule: one row per urgency, nothing else matches. */
class UrgencyLevelsDecisionTest {

  static final DecisionTable table = new DecisionTable("urgency-levels.dmn", "urgency-levels");

  @ParameterizedTest(name = "{0} → {1}, priority {2}, severity {3}")
  @CsvSource({
    "emergency, 緊急, 90, 1",
    "urgent, 至急, 70, 2",
    "normal, 通常, 50, 3",
  })
  void eachLevelHasItsLabelPriorityAndSeverity(
      String urgency, String label, int priority, int severity) {
    DmnDecisionResultEntries row = table.evaluate(Map.of("urgency", urgency)).getSingleResult();

    assertThat((String) row.getEntry("urgencyLabel")).isEqualTo(label);
    assertThat(((Number) row.getEntry("taskPriority")).intValue()).isEqualTo(priority);
    assertThat(((Number) row.getEntry("severity")).intValue()).isEqualTo(severity);
    assertThat(table.matchedRules()).containsExactly(urgency);
  }

  @Test
  void anUnknownUrgencyMatchesNoRow() {
    assertThat(table.evaluate(Map.of("urgency", "someday")).getResultList()).isEmpty();
    assertThat(table.matchedRules()).isEmpty();
  }

  @Test
  void aMoreSevereLevelHasAHigherPriority() {
    long emergency =
        ((Number)
                table
                    .evaluate(Map.of("urgency", "emergency"))
                    .getSingleResult()
                    .getEntry("taskPriority"))
            .longValue();
    long normal =
        ((Number)
                table
                    .evaluate(Map.of("urgency", "normal"))
                    .getSingleResult()
                    .getEntry("taskPriority"))
            .longValue();
    assertThat(emergency).isGreaterThan(normal);
  }
}
