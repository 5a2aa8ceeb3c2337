package jp.bansou.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import jp.bansou.DecisionTable;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
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
        .putValue("suicideRisk", false)
        .putValue("childAbuse", false)
        .putValue("pregnantWithoutInsurance", false)
        .putValue("internFled", false)
        .putValue("legalDeadlineDays", null)
        .putValue("legalDeadlineType", null)
        .putValue("refugeeRefusalDays", null)
        .putValue("refugeeApplicationCount", null)
        .putValue("visaExpiryDays", null)
        .putValue("statusCategory", "work")
        .putValue("problemFields", List.of("other"));
  }

  static final String EMERGENCY = "emergency";
  static final String URGENT = "urgent";

  static Stream<Arguments> rules() {
    String none = null;
    return Stream.of(
        row("foodOrMoney", Map.of("noFoodOrMoney", true), EMERGENCY, "PT24H", none, none),
        row("housing", Map.of("noHousing", true), EMERGENCY, "PT24H", none, none),
        row("violence", Map.of("violence", true), EMERGENCY, "PT24H", none, none, "violenceLawyer"),
        row(
            "detention",
            Map.of("detentionRisk", true),
            EMERGENCY,
            "PT24H",
            none,
            none,
            "detentionLawyer"),
        row("health", Map.of("healthEmergency", true), EMERGENCY, "PT24H", none, none),
        row("suicide", Map.of("suicideRisk", true), EMERGENCY, "PT24H", none, "suicide-risk"),
        row(
            "childAbuse",
            Map.of("childAbuse", true),
            EMERGENCY,
            "PT24H",
            "office-accompaniment",
            "duty-to-notify"),
        row(
            "deadline3",
            Map.of("legalDeadlineDays", 3),
            EMERGENCY,
            "PT24H",
            none,
            none,
            "deadlineLawyer"),
        row(
            "refugeeAppeal",
            Map.of("refugeeRefusalDays", 7),
            EMERGENCY,
            "PT24H",
            "lawyer-escalation",
            "refugee-appeal-window"),
        row(
            "deadline14",
            Map.of("legalDeadlineDays", 14),
            URGENT,
            "PT72H",
            none,
            none,
            "deadlineLawyer"),
        row(
            "thirdApplication",
            Map.of("refugeeApplicationCount", 3),
            URGENT,
            "PT72H",
            "lawyer-escalation",
            "no-removal-stay"),
        row(
            "internFled",
            Map.of("internFled", true),
            URGENT,
            "PT72H",
            "employer-negotiation",
            "intern-fled"),
        row(
            "pregnancy",
            Map.of("pregnantWithoutInsurance", true),
            URGENT,
            "PT72H",
            "office-accompaniment",
            "pregnancy-uninsured"),
        row("visaExpired", Map.of("visaExpiryDays", -1), URGENT, "PT72H", none, "visa-expired"),
        row(
            "visaSoon",
            Map.of("visaExpiryDays", 30),
            URGENT,
            "PT72H",
            "office-accompaniment",
            none,
            "visaSoonDocuments"),
        row(
            "visaSoonDocuments",
            Map.of("visaExpiryDays", 0),
            none,
            none,
            "document-preparation",
            none,
            "visaSoon"),
        row("dv", Map.of("problemFields", List.of("dv")), URGENT, "PT72H", none, none, "dvField"),
        row("noStatus", Map.of("statusCategory", "no-status"), URGENT, "PT72H", none, none),
        row(
            "livelihood",
            Map.of("problemFields", List.of("livelihood")),
            none,
            none,
            "office-accompaniment",
            none),
        row(
            "medical",
            Map.of("problemFields", List.of("medical")),
            none,
            none,
            "office-accompaniment",
            none),
        row(
            "housingField",
            Map.of("problemFields", List.of("housing")),
            none,
            none,
            "office-accompaniment",
            none),
        row(
            "children",
            Map.of("problemFields", List.of("children")),
            none,
            none,
            "office-accompaniment",
            none),
        row(
            "residence",
            Map.of("problemFields", List.of("residence")),
            none,
            none,
            "office-accompaniment",
            none,
            "residenceDocuments"),
        row(
            "residenceDocuments",
            Map.of("problemFields", List.of("residence")),
            none,
            none,
            "document-preparation",
            none,
            "residence"),
        row(
            "dvField",
            Map.of("problemFields", List.of("dv")),
            none,
            none,
            "office-accompaniment",
            none,
            "dv"),
        row(
            "labour",
            Map.of("problemFields", List.of("labour")),
            none,
            none,
            "employer-negotiation",
            none),
        row(
            "intern",
            Map.of("problemFields", List.of("technical-intern")),
            none,
            none,
            "employer-negotiation",
            none),
        row(
            "refugee",
            Map.of("problemFields", List.of("refugee")),
            none,
            none,
            "office-accompaniment",
            none,
            "refugeeDocuments"),
        row(
            "refugeeDocuments",
            Map.of("problemFields", List.of("refugee")),
            none,
            none,
            "document-preparation",
            none,
            "refugee"),
        row(
            "detentionLawyer",
            Map.of("detentionRisk", true),
            none,
            none,
            "lawyer-escalation",
            none,
            "detention"),
        row(
            "violenceLawyer",
            Map.of("violence", true),
            none,
            none,
            "lawyer-escalation",
            none,
            "violence"),
        row(
            "deadlineLawyer",
            Map.of("legalDeadlineDays", 10, "legalDeadlineType", "appeal"),
            none,
            none,
            "lawyer-escalation",
            none,
            "deadline14"));
  }

  static Arguments row(
      String rule,
      Map<String, Object> change,
      String urgency,
      String deadline,
      String track,
      String flag,
      String... alsoMatching) {
    List<String> expected = new ArrayList<>(List.of(rule, "everyCase"));
    expected.addAll(List.of(alsoMatching));
    return Arguments.of(rule, change, expected, urgency, deadline, track, flag);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleMatchesItsOwnSituation(
      String rule,
      Map<String, Object> change,
      List<String> expectedMatches,
      String urgency,
      String deadline,
      String track,
      String flag) {
    VariableMap input = quiet();
    input.putAll(change);

    DmnDecisionResult result = table.evaluate(input);

    assertThat(table.matchedRules()).containsExactlyInAnyOrderElementsOf(expectedMatches);
    // COLLECT keeps rule order, so the rule's output is at its position among the matches
    Map<String, Object> output = result.getResultList().get(table.matchedRules().indexOf(rule));
    assertThat(output.get("urgency")).isEqualTo(urgency);
    assertThat(output.get("triageDeadline")).isEqualTo(deadline);
    assertThat(output.get("track")).isEqualTo(track);
    assertThat(output.get("flag")).isEqualTo(flag);
  }

  @Test
  void everyCaseIsAtLeastNormalWithinSevenDays() {
    DmnDecisionResult result = table.evaluate(quiet());
    assertThat(table.matchedRules()).containsExactly("everyCase");
    assertThat(result.getSingleResult().getEntryMap())
        .containsEntry("urgency", "normal")
        .containsEntry("triageDeadline", "P7D");
  }

  @ParameterizedTest(name = "{0} days → {1}")
  @CsvSource({
    "3, deadline3 deadlineLawyer",
    "4, deadline14 deadlineLawyer",
    "14, deadline14 deadlineLawyer",
    "15, ''"
  })
  void legalDeadlineBoundaries(long days, String rules) {
    assertMatches(quiet().putValue("legalDeadlineDays", days), rules);
  }

  /** Only appeals, court dates and other legal deadlines go to a lawyer; a 出頭日 does not. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "appeal, deadline3 deadlineLawyer",
    "court-date, deadline3 deadlineLawyer",
    "legal, deadline3 deadlineLawyer",
    "reporting-date, deadline3",
    "document-due, deadline3"
  })
  void whichLegalDeadlinesGoToALawyer(String type, String rules) {
    assertMatches(
        quiet().putValue("legalDeadlineDays", 2).putValue("legalDeadlineType", type), rules);
  }

  /** 審査請求 within 7 days of the 不認定 notice: emergency, and a lawyer. */
  @ParameterizedTest(name = "{0} days after the notice → {1}")
  @CsvSource({"-1, ''", "0, refugeeAppeal", "7, refugeeAppeal", "8, ''"})
  void refugeeRefusalBoundaries(long days, String rules) {
    assertMatches(quiet().putValue("refugeeRefusalDays", days), rules);
  }

  @ParameterizedTest(name = "application {0} → {1}")
  @CsvSource({"1, ''", "2, ''", "3, thirdApplication", "5, thirdApplication"})
  void fromTheThirdRefugeeApplicationThereIsNoStayOfRemoval(long count, String rules) {
    assertMatches(quiet().putValue("refugeeApplicationCount", count), rules);
  }

  @ParameterizedTest(name = "{0} days to the visa's expiry → {1}")
  @CsvSource({
    "-1, visaExpired",
    "0, visaSoon visaSoonDocuments",
    "30, visaSoon visaSoonDocuments",
    "31, ''"
  })
  void visaExpiryBoundaries(long days, String rules) {
    assertMatches(quiet().putValue("visaExpiryDays", days), rules);
  }

  /** A refugee case goes to a lawyer only for a refusal, a third application or detention. */
  @Test
  void aRefugeeCaseAloneIsNotSentToALawyer() {
    DmnDecisionResult result =
        table.evaluate(quiet().putValue("problemFields", List.of("refugee")));
    assertThat(tracks(result)).containsExactly("office-accompaniment", "document-preparation");
  }

  @Test
  void aVisaRenewalIsNotSentToALawyer() {
    DmnDecisionResult result = table.evaluate(quiet().putValue("visaExpiryDays", 10));
    assertThat(tracks(result)).containsExactly("office-accompaniment", "document-preparation");
  }

  @Test
  void problemFieldsAsTasklistSubmitsThem() {
    VariableMap input =
        quiet()
            .putValueTyped(
                "problemFields",
                SpinValues.jsonValue(Spin.JSON("[\"labour\",\"housing\"]")).create());
    table.evaluate(input);
    assertThat(table.matchedRules())
        .containsExactlyInAnyOrder("everyCase", "housingField", "labour");
  }

  /** Every track and flag the table gives is one of the reference lists. */
  @Test
  void outputsAreReferenceCodes() {
    ReferenceData reference = new ReferenceData();
    for (Arguments row : rules().toList()) {
      VariableMap input = quiet();
      @SuppressWarnings("unchecked")
      Map<String, Object> change = (Map<String, Object>) row.get()[1];
      input.putAll(change);
      for (Map<String, Object> output : table.evaluate(input).getResultList()) {
        if (output.get("track") != null) {
          assertThat(jp.bansou.TrackModels.codes()).contains((String) output.get("track"));
        }
        if (output.get("flag") != null) {
          assertThat(reference.has(ReferenceList.TRIAGE_FLAGS, (String) output.get("flag")))
              .isTrue();
        }
      }
    }
  }

  private static List<String> tracks(DmnDecisionResult result) {
    return result.getResultList().stream()
        .map(r -> (String) r.get("track"))
        .filter(Objects::nonNull)
        .toList();
  }

  private static void assertMatches(VariableMap input, String rules) {
    table.evaluate(input);
    List<String> expected = new ArrayList<>(List.of("everyCase"));
    if (!rules.isBlank()) {
      expected.addAll(List.of(rules.split(" ")));
    }
    assertThat(table.matchedRules()).containsExactlyInAnyOrderElementsOf(expected);
  }
}
