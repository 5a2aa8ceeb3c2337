package jp.bansou.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.bansou.DecisionTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code emergency-aid-amount}, rule by rule (UNIQUE: exactly one row matches). */
class EmergencyAidAmountDecisionTest {

  static final DecisionTable table =
      new DecisionTable("emergency-aid-amount.dmn", "emergency-aid-amount");

  @ParameterizedTest(name = "household of {0} → ¥{1}")
  @CsvSource({
    "1, 30000, rule01",
    "2, 45000, rule02",
    "3, 60000, rule03",
    "4, 75000, rule04",
    "9, 75000, rule04"
  })
  void amountByHouseholdSize(int householdSize, int yen, String rule) {
    Object amount =
        table.evaluate(Map.of("householdSize", householdSize)).getSingleResult().getSingleEntry();

    assertThat(amount).isEqualTo(yen);
    assertThat(table.matchedRules()).containsExactly(rule);
  }
}
