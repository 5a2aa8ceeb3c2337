package jp.bansou.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import jp.bansou.DecisionTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code offer-deadline}: how long an offer waits, by what is offered and how urgent. */
class OfferDeadlineDecisionTest {

  static final DecisionTable table = new DecisionTable("offer-deadline.dmn", "offer-deadline");

  @ParameterizedTest(name = "{0}, {1} → {2}")
  @CsvSource({
    "case, emergency, PT12H, case_emergency",
    "case, urgent, PT24H, case_urgent",
    "case, normal, P3D, case_normal",
    "case, , P3D, case_normal",
    "interpretation, emergency, PT6H, interpretation_emergency",
    "interpretation, urgent, PT24H, interpretation_urgent",
    "interpretation, normal, PT48H, interpretation_normal",
    "interpretation, , PT48H, interpretation_normal",
    "legal-referral, emergency, PT24H, lawyer_emergency",
    "legal-referral, urgent, PT48H, lawyer_urgent",
    "legal-referral, normal, PT72H, lawyer_normal",
    "legal-referral, , PT72H, lawyer_normal"
  })
  void deadlineByOfferAndUrgency(String offer, String urgency, String deadline, String rule) {
    Map<String, Object> input = new HashMap<>();
    input.put("offer", offer);
    input.put("urgency", urgency);
    Object found = table.evaluate(input).getSingleResult().getSingleEntry();
    assertThat(found).isEqualTo(deadline);
    assertThat(table.matchedRules()).containsExactly(rule);
  }
}
