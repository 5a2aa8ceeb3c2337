package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;

import jp.bansou.CaseEngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Requests the engine cannot carry out as sent (a query on an Object value, a signal to an
 * execution that does not exist) are the sender's mistake: 400 or 404 in Japanese, not a server
 * error.
 */
@CaseEngineTest
class QueryAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  @Test
  void aQueryOnAnObjectValueIsRefused() {
    Attacker attacker = new Attacker(rest.getRootUri());
    assertRefused(
        attacker.post(
            "coordinator",
            "/engine-rest/task",
            // a variable one may search on (VariableSearches refuses any other before the engine)
            "{\"processVariables\":[{\"name\":\"caseNumber\",\"operator\":\"eq\","
                + "\"value\":{\"a\":1}}]}"),
        400);
    assertRefused(
        attacker.post(
            "coordinator",
            "/engine-rest/task",
            "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\","
                + "\"parameters\":{\"variable\":\"caseNumber\",\"type\":\"Object\"}}]}"),
        400);
  }

  @Test
  void aVariableOfAnEndedCaseIsNotFoundAndAMessageWithAnObjectIsRefused() {
    Attacker attacker = new Attacker(rest.getRootUri());
    String ended =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .finished()
            .listPage(0, 1)
            .stream()
            .findFirst()
            .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId)
            .orElse("no-such-instance");
    assertRefused(
        attacker.get("coordinator", "/engine-rest/process-instance/" + ended + "/variables/foo"),
        404);
    assertRefused(
        attacker.post(
            "demo",
            "/engine-rest/message",
            "{\"messageName\":\"callForHelp\",\"processVariables\":{\"x\":{\"value\":\"{}\","
                + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.Object\","
                + "\"serializationDataFormat\":\"application/json\"}}}}"),
        400);
  }

  @Test
  void aSignalToNoSuchExecutionIsNotFound() {
    assertRefused(
        new Attacker(rest.getRootUri())
            .post("demo", "/engine-rest/signal", "{\"name\":\"s\",\"executionId\":\"zz-plain\"}"),
        404);
  }
}
