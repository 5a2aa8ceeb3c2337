package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.bansou.CaseEngineTest;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * An administrator trying a decision table through {@code /engine-rest} with values it cannot take
 * (text, a date or true for the household size, no input for the companions' points) got a 500
 * saying the server had a problem; now a 400 says which kind of value the column wants, and no
 * evaluation is kept. A table given what it wants still answers.
 */
@CaseEngineTest
@ExtendWith(OutputCaptureExtension.class)
class DecisionEvaluateAttackTest {

  static final String AID = "/engine-rest/decision-definition/key/emergency-aid-amount/evaluate";
  static final String POINTS = "/engine-rest/decision-definition/key/companion-matching/evaluate";

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService historyService;

  Attacker attacker;

  @BeforeEach
  void setUp() {
    attacker = new Attacker(rest.getRootUri());
  }

  @Test
  void aValueOfAnotherKindIsRefusedSayingWhatTheColumnWants(CapturedOutput output) {
    long evaluated = evaluations();
    for (String value :
        new String[] {
          "{\"value\": \"Zq8abc\", \"type\": \"String\"}",
          "{\"value\": true, \"type\": \"Boolean\"}",
          "{\"value\": \"2020-01-01T00:00:00.000+0000\", \"type\": \"Date\"}"
        }) {
      HttpResponse<String> answer =
          attacker.post("demo", AID, "{\"variables\": {\"householdSize\": " + value + "}}");
      assertRefused(answer, 400, "判断表", "整数");
      assertThat(answer.body()).doesNotContain("abc", "2020", "DMN-");
    }
    // an answer, not an error: the table's words, which quote the value, are not logged
    assertThat(output.getAll()).doesNotContain("Zq8abc", "ENGINE-16004");
    assertThat(evaluations()).isEqualTo(evaluated);

    HttpResponse<String> three =
        attacker.post(
            "demo",
            AID,
            "{\"variables\": {\"householdSize\": {\"value\": 3, \"type\": \"Integer\"}}}");
    assertThat(three.statusCode()).as(three.body()).isEqualTo(200);
    assertThat(three.body()).contains("60000");
    assertThat(evaluations()).isEqualTo(evaluated + 1);
  }

  @Test
  void aTableThatAddsUpGivenNothingIsRefused(CapturedOutput output) {
    long evaluated = evaluations();
    assertRefused(attacker.post("demo", POINTS, "{}"), 400, "必要な入力");
    assertRefused(attacker.post("demo", POINTS, "{\"variables\": {}}"), 400, "必要な入力");
    assertThat(evaluations()).isEqualTo(evaluated);
    assertThat(output.getAll()).doesNotContain("ENGINE-16004", "DMN-03004");
  }

  private long evaluations() {
    return historyService.createHistoricDecisionInstanceQuery().count();
  }
}
