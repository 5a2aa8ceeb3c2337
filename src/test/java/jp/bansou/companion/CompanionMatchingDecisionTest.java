package jp.bansou.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.bansou.DecisionTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DMN {@code companion-matching}: the points for one candidate, summed over the rows (4 for the
 * same prefecture or 1 remote, 2 per fluent and 1 per conversational shared language, 1 per
 * matching specialty, minus 1 per open case).
 */
class CompanionMatchingDecisionTest {

  static final DecisionTable table =
      new DecisionTable("companion-matching.dmn", "companion-matching");

  @ParameterizedTest(
      name = "local {0}, fluent {1}, conversational {2}, specialties {3}, cases {4} → {5}")
  @CsvSource({
    "true, 0, 0, 0, 0, 4",
    "false, 0, 0, 0, 0, 1",
    "true, 2, 0, 0, 0, 8",
    "false, 1, 1, 0, 0, 4",
    "true, 0, 0, 3, 0, 7",
    "true, 1, 0, 1, 2, 5",
    "false, 0, 0, 0, 3, -2",
  })
  void pointsAreTheSumOfTheRows(
      boolean local, int fluent, int conversational, int specialties, int openCases, int points) {
    Object sum =
        table
            .evaluate(
                Map.of(
                    "local", local,
                    "fluentSharedLanguages", fluent,
                    "conversationalSharedLanguages", conversational,
                    "matchingSpecialties", specialties,
                    "openCases", openCases))
            .getSingleEntry();

    assertThat(((Number) sum).intValue()).isEqualTo(points);
    assertThat(table.matchedRules())
        .contains(local ? "rule_local" : "rule_remote")
        .doesNotContain(local ? "rule_remote" : "rule_local");
  }
}
