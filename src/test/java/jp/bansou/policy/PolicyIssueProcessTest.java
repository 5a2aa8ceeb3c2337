package jp.bansou.policy;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Process {@code policy-issue} (minimal until the dashboard issue grows it). */
@CaseEngineTest
class PolicyIssueProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @Test
  void policyTeamClassifiesTheIssue() {
    ProcessInstance pi =
        runtimeService.startProcessInstanceByKey(
            PolicyIssueVariables.PROCESS_KEY,
            withVariables("advocacyField", "labour", "policyDescription", "最低賃金以下の雇用"));

    assertThat(task("classifyPolicyIssue", pi)).hasCandidateGroup("policy-team");
    complete(task("classifyPolicyIssue", pi), withVariables("advocacyField", "technical-intern"));

    assertThat(pi).isEnded().hasPassed("policyIssueClassified");
  }
}
