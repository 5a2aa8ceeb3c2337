package jp.bansou.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import jp.bansou.CaseEngineTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The decision history of {@code case-triage} reads back, its list input as JSON. */
@CaseEngineTest
class TriageHistoryTest {

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;

  @Test
  void everyInputOfTheTriageReadsBackAndTheFieldsAreJson() {
    ProcessInstance pi =
        CaseDriver.start(engine, Intake.person().list("problemFields", "labour", "dv"));

    HistoricDecisionInstance triage =
        historyService
            .createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey("case-triage")
            .processInstanceId(pi.getId())
            .includeInputs()
            .singleResult();

    assertThat(triage.getInputs()).hasSize(16);
    assertThat(triage.getInputs())
        .extracting(HistoricDecisionInputInstance::getErrorMessage)
        .containsOnlyNulls();
    HistoricDecisionInputInstance fields =
        triage.getInputs().stream()
            .filter(input -> input.getClauseId().equals("in_problemFields"))
            .findFirst()
            .orElseThrow();
    assertThat(fields.getTypeName()).isEqualTo("json");
    assertThat(fields.getValue()).hasToString("[\"labour\",\"dv\"]");
  }
}
