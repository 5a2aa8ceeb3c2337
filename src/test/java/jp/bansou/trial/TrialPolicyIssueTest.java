package jp.bansou.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.deployment.Modeler;
import jp.bansou.engine.Trial;
import jp.bansou.policy.PolicyIssue;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, part 7 — a systemic problem flagged in a trial case never reaches the policy register:
 * the trial's policy issue runs through, and the register, its export and the dashboard say what
 * they said before.
 */
@CaseEngineTest
class TrialPolicyIssueTest {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  CoveragePause coverage;
  String deploymentId;

  @BeforeEach
  void aTrialVersionOfThePolicyIssue() {
    coverage = CoveragePause.of(engine, List.of("policy-issue"));
    deploymentId =
        repositoryService
            .createDeployment()
            .name("試行-" + UUID.randomUUID())
            .tenantId(Trial.TENANT)
            .addString("policy-issue.bpmn", Modeler.file("processes/policy-issue.bpmn"))
            .deploy()
            .getId();
  }

  @AfterEach
  void removeIt() {
    repositoryService.deleteDeployment(deploymentId, true, true, true);
    coverage.resume();
  }

  @Test
  void aTrialCasesPolicyIssueEntersNoRegister() {
    String title = "試行の課題 " + UUID.randomUUID();
    long entries = count("select count(*) from policy_issue");
    long evidence = count("select count(*) from policy_evidence");
    String csv = policyCsv();

    ProcessInstance pi =
        runtimeService
            .createMessageCorrelation(PolicyIssue.RAISED_MESSAGE)
            .tenantId(Trial.TENANT)
            .setVariables(
                Variables.createVariables()
                    .putValue("caseNumber", "T-" + UUID.randomUUID().toString().substring(0, 8))
                    .putValue("advocacyField", "technical-intern")
                    .putValue("prefecture", "23")
                    .putValue("statusCategory", "technical-intern")
                    .putValueTyped("problemFields", FormJson.list(List.of("labour")))
                    .putValue("outcome", "referred")
                    .putValue("policyDescription", "転籍の相談に応じない")
                    .putValue("reportedMonth", "2026-11"))
            .correlateStartMessage();
    assertThat(pi.getTenantId()).isEqualTo(Trial.TENANT);
    Task classify = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.complete(
        classify.getId(),
        Map.of(
            "advocacyField",
            "technical-intern",
            "policyIssueId",
            "new",
            "newPolicyIssueTitle",
            title));

    assertThat(pi).isEnded();
    assertThat(count("select count(*) from policy_issue")).isEqualTo(entries);
    assertThat(count("select count(*) from policy_evidence")).isEqualTo(evidence);
    assertThat(policyCsv()).isEqualTo(csv).doesNotContain(title);
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private String policyCsv() {
    return rest.withBasicAuth("supervisor", "supervisor")
        .getForObject("/api/reports/policy-issues.csv", String.class);
  }
}
