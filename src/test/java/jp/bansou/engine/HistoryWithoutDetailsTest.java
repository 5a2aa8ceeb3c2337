package jp.bansou.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History keeps each variable's latest value, the tasks and activities (what Cockpit shows and
 * erasure clears), but no row per change of a variable or per submitted form field (ACT_HI_DETAIL),
 * which nothing reads.
 */
@CaseEngineTest
class HistoryWithoutDetailsTest {

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;

  @Test
  void variablesAreInHistoryWithTheirLatestValueButNotEachChangeNorEachFormField() {
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    engine.getRuntimeService().setVariable(pi.getId(), "historyProbe", "first");
    engine.getRuntimeService().setVariable(pi.getId(), "historyProbe", "second");

    HistoricVariableInstance probe =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi.getId())
            .variableName("historyProbe")
            .singleResult();
    assertThat(probe.getValue()).isEqualTo("second");
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .count())
        .isGreaterThan(5);
    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("reviewTriage")
                .finished()
                .count())
        .isEqualTo(1);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).count())
        .isZero();
  }
}
