package jp.bansou.tracks;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import jp.bansou.CaseEngineTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The support tracks' minimal models, until their own issues replace them: the case's companion
 * records the outcome, and the track ends.
 */
@CaseEngineTest
class MinimalTrackProcessesTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @ParameterizedTest
  @ValueSource(strings = {"employer-negotiation", "lawyer-escalation"})
  void companionRecordsTheOutcome(String track) {
    ProcessInstance pi =
        runtimeService.startProcessInstanceByKey(
            track,
            "2026-999999",
            withVariables("caseNumber", "2026-999999", "companionId", "companion"));

    assertThat(task("recordTrackOutcome", pi)).isAssignedTo("companion");
    complete(task("recordTrackOutcome", pi), withVariables("trackOutcome", "済み", "hoursSpent", 2));

    assertThat(pi).isEnded().hasPassed("trackDone");
  }
}
