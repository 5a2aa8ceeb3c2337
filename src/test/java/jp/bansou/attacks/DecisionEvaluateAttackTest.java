package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

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
          // over two lines: the table's words still recognised, and the value still not logged
          "{\"value\": \"Zq6abc\\n090-1234-5678 with type 'boolean'\", \"type\": \"String\"}",
          "{\"value\": true, \"type\": \"Boolean\"}",
          "{\"value\": \"2020-01-01T00:00:00.000+0000\", \"type\": \"Date\"}"
        }) {
      HttpResponse<String> answer =
          attacker.post("demo", AID, "{\"variables\": {\"householdSize\": " + value + "}}");
      assertRefused(answer, 400, "判断表", "整数");
      assertThat(answer.body()).doesNotContain("abc", "2020", "DMN-");
    }
    // an answer, not an error: the table's words, which quote the value, are not logged
    assertThat(output.getAll()).doesNotContain("Zq8abc", "Zq6abc", "090-1234", "ENGINE-16004");
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
  void xmlOrAJavaObjectForATableIsRefusedAndAJsonListTaken() {
    String need = "/engine-rest/decision-definition/key/interpreter-need/evaluate";
    long evaluated = evaluations();
    for (String languages :
        new String[] {
          "{\"value\": \"<ja/>\", \"type\": \"Xml\"}",
          "{\"value\": \"[\\\"ja\\\"]\", \"type\": \"Object\", \"valueInfo\":"
              + " {\"serializationDataFormat\": \"application/json\","
              + " \"objectTypeName\": \"java.util.ArrayList\"}}"
        }) {
      assertRefused(
          attacker.post("demo", need, "{\"variables\": {\"languages\": " + languages + "}}"),
          400,
          "Xml は使いません");
    }
    assertThat(evaluations()).isEqualTo(evaluated);
    HttpResponse<String> json =
        attacker.post(
            "demo",
            need,
            "{\"variables\": {\"languages\": {\"value\": \"[\\\"vi\\\", \\\"ja-easy\\\"]\","
                + " \"type\": \"Json\"}}}");
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    assertThat(json.body()).contains("\"interpreterNeeded\"", "false");
  }

  @Test
  void aTableThatAddsUpGivenNothingIsRefused(CapturedOutput output) {
    long evaluated = evaluations();
    assertRefused(attacker.post("demo", POINTS, "{}"), 400, "必要な入力");
    assertRefused(attacker.post("demo", POINTS, "{\"variables\": {}}"), 400, "必要な入力");
    assertThat(evaluations()).isEqualTo(evaluated);
    assertThat(output.getAll()).doesNotContain("ENGINE-16004", "DMN-03004");
  }

  @Test
  void aTableThatFailsInsideAnotherCommandIsTheModelsErrorNotARefusal(CapturedOutput output) {
    // as a step's Java asks a table a changed model no longer fits (DeadlineWatches, WalkInSteps)
    var commands =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    assertThatThrownBy(
            () ->
                commands.execute(
                    context ->
                        engine
                            .getDecisionService()
                            .evaluateDecisionTableByKey("emergency-aid-amount")
                            .variables(java.util.Map.of("householdSize", "Zq5"))
                            .evaluate()))
        .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
        .isNotInstanceOf(jp.bansou.engine.Refusal.class)
        .hasRootCauseMessage("DMN-01005 Invalid value 'Zq5' for clause with type 'integer'.");
    assertThat(output.getAll()).contains("ENGINE-16004");
  }

  @Test
  void aTableThatAddsUpWhatIsNoNumberIsItsOwnFaultNotAMissingInput() {
    String table =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="sumWordsDefinitions" name="s" namespace="t">
          <decision id="sumWords" name="s" camunda:historyTimeToLive="P1D">
            <decisionTable id="t" hitPolicy="COLLECT" aggregation="SUM">
              <input id="in"><inputExpression id="e" typeRef="integer"><text>n</text></inputExpression></input>
              <output id="out" name="points" />
              <rule id="r1"><inputEntry id="i1"><text>3</text></inputEntry><outputEntry id="o1"><text>"five"</text></outputEntry></rule>
              <rule id="r2"><inputEntry id="i2"><text>-</text></inputEntry><outputEntry id="o2"><text>"six"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>""";
    var repository = engine.getRepositoryService();
    String deployment =
        repository
            .createDeployment()
            .name("sum of words")
            .addString("sum-words.dmn", table)
            .deploy()
            .getId();
    try {
      HttpResponse<String> answer =
          attacker.post(
              "demo",
              "/engine-rest/decision-definition/key/sumWords/evaluate",
              "{\"variables\": {\"n\": {\"value\": 3, \"type\": \"Integer\"}}}");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
      assertThat(answer.body()).doesNotContain("必要な入力").contains("管理者に知らせて");
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  private long evaluations() {
    return historyService.createHistoricDecisionInstanceQuery().count();
  }
}
