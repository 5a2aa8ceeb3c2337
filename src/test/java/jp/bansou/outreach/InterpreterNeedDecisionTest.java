package jp.bansou.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.DecisionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code interpreter-need}, rule by rule (FIRST: the first matching row wins). */
class InterpreterNeedDecisionTest {

  static final DecisionTable table = new DecisionTable("interpreter-need.dmn", "interpreter-need");

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "ja, false, japanese",
    "vi ja, false, japanese",
    "ja-easy ja, false, japanese",
    "ja-easy, false, easyJapanese",
    "ne ja-easy, false, easyJapanese",
    "vi, true, otherLanguages",
    "vi en, true, otherLanguages",
    "other, true, otherLanguages",
    "jap, true, otherLanguages"
  })
  void byTheLanguagesSpoken(String spoken, boolean needed, String rule) {
    assertThat(decide(Arrays.asList(spoken.split(" ")))).isEqualTo(needed);
    assertThat(table.matchedRules()).first().isEqualTo(rule);
  }

  @Test
  void languagesNotKnownNeedAnInterpreter() {
    assertThat(decide(List.of())).isEqualTo(true);
    assertThat(table.matchedRules()).first().isEqualTo("otherLanguages");
    assertThat(decide(null)).isEqualTo(true);
    assertThat(table.matchedRules()).first().isEqualTo("otherLanguages");
  }

  private static Object decide(List<String> languages) {
    Map<String, Object> input = new HashMap<>();
    input.put("languages", languages);
    return table.evaluate(input).getSingleResult().getSingleEntry();
  }
}
