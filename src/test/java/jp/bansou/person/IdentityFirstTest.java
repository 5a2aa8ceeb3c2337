package jp.bansou.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.engine.Refusal;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * While the person's identity is still a process variable, nothing but its registration runs: a
 * model that puts a step (here a call into a process of the modeller's own, which would receive
 * every variable) before {@code ${registerCase}} cannot take an intake.
 */
@CaseEngineTest
class IdentityFirstTest {

  static final String PEEK =
      """
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
        <bpmn:process id="identity-peek" isExecutable="true" camunda:historyTimeToLive="P30D">
          <bpmn:startEvent id="start" />
          <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="peek" />
          <bpmn:userTask id="peek" camunda:assignee="modeller" />
          <bpmn:sequenceFlow id="toEnd" sourceRef="peek" targetRef="end" />
          <bpmn:endEvent id="end" />
        </bpmn:process>
        <bpmn:process id="identity-copy" isExecutable="true" camunda:historyTimeToLive="P30D">
          <bpmn:startEvent id="copyStart" />
          <bpmn:sequenceFlow id="toCall" sourceRef="copyStart" targetRef="call" />
          <bpmn:callActivity id="call" calledElement="identity-peek">
            <bpmn:extensionElements><camunda:in variables="all" /></bpmn:extensionElements>
          </bpmn:callActivity>
          <bpmn:sequenceFlow id="toCopyEnd" sourceRef="call" targetRef="copyEnd" />
          <bpmn:endEvent id="copyEnd" />
        </bpmn:process>
      </bpmn:definitions>""";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  String deployment;

  @BeforeEach
  void deploy() {
    deployment =
        repositoryService
            .createDeployment()
            .name("identity-first-test")
            .addString("identity-first.bpmn", PEEK)
            .deploy()
            .getId();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deployment, true);
  }

  @Test
  void noStepRunsWhileTheIdentityIsAVariable() {
    for (String field : PersonFields.ALWAYS) {
      assertThatThrownBy(
              () -> runtimeService.startProcessInstanceByKey("identity-copy", Map.of(field, "x")))
          .as(field)
          .isInstanceOf(Refusal.class)
          .hasMessageContaining("登録する前");
    }
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("identity-peek")
                .count())
        .isZero();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("identity-copy")
                .count())
        .isZero();
  }

  @Test
  void withoutTheIdentityTheSameModelRuns() {
    runtimeService.startProcessInstanceByKey("identity-copy", Map.of("caseNumber", "2026-999999"));
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("identity-peek")
                .count())
        .isOne();
  }
}
