package jp.bansou.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.bansou.DecisionTable;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DMN {@code case-triage}, rule by rule: which rows match, and what they output. */
class CaseTriageDecisionTest {

  static final DecisionTable table = new DecisionTable("case-triage.dmn", "case-triage");

  /** Nothing special: a case with no signal and an unknown field is normal, with no track. */
  static VariableMap quiet() {
    return Variables.createVariables()
        .putValue("noFoodOrMoney", false)
        .putValue("noHousing", false)
        .putValue("violence", false)
        .putValue("detentionRisk", false)
        .putValue("healthEmergency", false)
        .putValue("legalDeadlineDays", null)
        .putValue("statusCategory", "work")
        .putValue("problemFields", List.of("other"));
  }

  static Stream<Arguments> rules() {
    String none = null;
    return Stream.of(
        row("rule01", Map.of("noFoodOrMoney", true), "emergency", "PT24H", none),
        row("rule02", Map.of("noHousing", true), "emergency", "PT24H", none),
        row("rule03", Map.of("violence", true), "emergency", "PT24H", none, "rule21"),
        row("rule04", Map.of("detentionRisk", true), "emergency", "PT24H", none, "rule20"),
        row("rule05", Map.of("healthEmergency", true), "emergency", "PT24H", none),
        row("rule06", Map.of("legalDeadlineDays", 3), "emergency", "PT24H", none, "rule22"),
        row("rule07", Map.of("legalDeadlineDays", 14), "urgent", "PT72H", none, "rule22"),
        row("rule08", Map.of("problemFields", List.of("dv")), "urgent", "PT72H", none, "rule16"),
        row("rule09", Map.of("statusCategory", "no-status"), "urgent", "PT72H", none),
        row(
            "rule11",
            Map.of("problemFields", List.of("livelihood")),
            none,
            none,
            "office-accompaniment"),
        row(
            "rule12",
            Map.of("problemFields", List.of("medical")),
            none,
            none,
            "office-accompaniment"),
        row(
            "rule13",
            Map.of("problemFields", List.of("housing")),
            none,
            none,
            "office-accompaniment"),
        row(
            "rule14",
            Map.of("problemFields", List.of("children")),
            none,
            none,
            "office-accompaniment"),
        row(
            "rule15",
            Map.of("problemFields", List.of("residence")),
            none,
            none,
            "office-accompaniment"),
        row(
            "rule16",
            Map.of("problemFields", List.of("dv")),
            none,
            none,
            "office-accompaniment",
            "rule08"),
        row(
            "rule17",
            Map.of("problemFields", List.of("labour")),
            none,
            none,
            "employer-negotiation"),
        row(
            "rule18",
            Map.of("problemFields", List.of("technical-intern")),
            none,
            none,
            "employer-negotiation"),
        row("rule19", Map.of("problemFields", List.of("refugee")), none, none, "lawyer-escalation"),
        row("rule20", Map.of("detentionRisk", true), none, none, "lawyer-escalation", "rule04"),
        row("rule21", Map.of("violence", true), none, none, "lawyer-escalation", "rule03"),
        row("rule22", Map.of("legalDeadlineDays", 10), none, none, "lawyer-escalation", "rule07"));
  }

  static Arguments row(
      String rule,
      Map<String, Object> change,
      String urgency,
      String deadline,
      String track,
      String... alsoMatching) {
    List<String> expected = new ArrayList<>(List.of(rule, "rule10"));
    expected.addAll(List.of(alsoMatching));
    return Arguments.of(rule, change, expected, urgency, deadline, track);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleMatchesItsOwnSituation(
      String rule,
      Map<String, Object> change,
      List<String> expectedMatches,
      String urgency,
      String deadline,
      String track) {
    VariableMap input = quiet();
    input.putAll(change);

    DmnDecisionResult result = table.evaluate(input);

    assertThat(table.matchedRules()).containsExactlyInAnyOrderElementsOf(expectedMatches);
    // COLLECT keeps rule order, so the rule's output is at its position among the matches
    Map<String, Object> output = result.getResultList().get(table.matchedRules().indexOf(rule));
    assertThat(output.get("urgency")).isEqualTo(urgency);
    assertThat(output.get("triageDeadline")).isEqualTo(deadline);
    assertThat(output.get("track")).isEqualTo(track);
  }

  @Test
  void everyCaseIsAtLeastNormalWithinSevenDays() {
    DmnDecisionResult result = table.evaluate(quiet());
    assertThat(table.matchedRules()).containsExactly("rule10");
    assertThat(result.getSingleResult().getEntryMap())
        .containsEntry("urgency", "normal")
        .containsEntry("triageDeadline", "P7D");
  }

  @Test
  void legalDeadlineBoundaries() {
    table.evaluate(quiet().putValue("legalDeadlineDays", 3));
    assertThat(table.matchedRules()).containsExactlyInAnyOrder("rule06", "rule10", "rule22");
    table.evaluate(quiet().putValue("legalDeadlineDays", 4));
    assertThat(table.matchedRules()).containsExactlyInAnyOrder("rule07", "rule10", "rule22");
    table.evaluate(quiet().putValue("legalDeadlineDays", 14));
    assertThat(table.matchedRules()).containsExactlyInAnyOrder("rule07", "rule10", "rule22");
    table.evaluate(quiet().putValue("legalDeadlineDays", 15));
    assertThat(table.matchedRules()).containsExactly("rule10");
  }

  @Test
  void problemFieldsAsTasklistSubmitsThem() {
    VariableMap input =
        quiet()
            .putValueTyped(
                "problemFields",
                SpinValues.jsonValue(Spin.JSON("[\"labour\",\"housing\"]")).create());
    table.evaluate(input);
    assertThat(table.matchedRules()).containsExactlyInAnyOrder("rule10", "rule13", "rule17");
  }
}
