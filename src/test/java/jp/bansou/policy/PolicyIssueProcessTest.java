package jp.bansou.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Markdown;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Process {@code policy-issue}: filing evidence from a case, and the half-yearly agenda. */
@CaseEngineTest
class PolicyIssueProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired PolicyRegister register;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @Test
  void policyTeamOpensANewRegisterEntry() {
    ProcessInstance pi = raise("technical-intern");
    String title = "監理団体が転籍を妨げる " + UUID.randomUUID();

    assertThat(task("classifyPolicyIssue", pi)).hasCandidateGroup("policy-team");
    complete(
        task("classifyPolicyIssue", pi),
        withVariables(
            "advocacyField",
            "technical-intern",
            "policyIssueId",
            "new",
            "newPolicyIssueTitle",
            title));

    assertThat(pi).isEnded().hasPassed("recordPolicyEvidence", "policyIssueRecorded");
    PolicyRegister.Entry entry = entryTitled(title);
    assertThat(entry.cases()).isEqualTo(1);
    assertThat(entry.status()).isEqualTo("open");
    assertThat(register.evidenceOf(entry.id()).get(0).toString())
        .contains("23", "technical-intern");
  }

  @Test
  void evidenceCanJoinAnExistingEntry() {
    String title = "窓口に通訳がいない " + UUID.randomUUID();
    long existing = register.open("welfare", title);
    ProcessInstance pi = raise("no-status");

    assertThat(
            PolicyIssue.REGISTER_OPTIONS
                .read(runtimeService.getVariable(pi.getId(), "policyIssueOptions"))
                .orElseThrow()
                .toString())
        .contains(title);
    complete(
        task("classifyPolicyIssue", pi),
        withVariables("advocacyField", "welfare", "policyIssueId", String.valueOf(existing)));

    assertThat(pi).isEnded();
    assertThat(entryTitled(title).cases()).isEqualTo(1);
  }

  @Test
  void halfYearlyAgendaCollectsOpenEntriesAndRecordsEachMinistrysAnswer() {
    String stays = "在留資格の更新に時間がかかる " + UUID.randomUUID();
    String closes = "国保の加入を断られる " + UUID.randomUUID();
    long staysId = register.open("immigration-residency", stays);
    long closesId = register.open("welfare", closes);

    String agendaInstance = runAgendaTimer();
    ProcessInstance agenda = running(agendaInstance);

    assertThat(agenda).isWaitingAt("reviewAgenda");
    assertThat((String) runtimeService.getVariable(agenda.getId(), "agendaSummary"))
        .contains(Markdown.escape(stays), Markdown.escape(closes));
    complete(task("reviewAgenda", agenda), withVariables("agendaNote", "11月の交渉"));
    List<Task> answers =
        taskService
            .createTaskQuery()
            .processInstanceId(agenda.getId())
            .taskDefinitionKey("recordMinistryAnswer")
            .list();
    assertThat(answers).hasSizeGreaterThanOrEqualTo(2);
    for (Task answer : answers) {
      String title = (String) taskService.getVariable(answer.getId(), "policyIssueTitle");
      taskService.complete(
          answer.getId(),
          Variables.putValue("ministry", "mhlw")
              .putValue("ministryAnswer", "検討する")
              .putValue("entryStaysOpen", title.equals(closes) ? "close" : "open"));
    }

    assertThat(agenda).isEnded().hasPassed("agendaDone");
    assertThat(statusOf(staysId)).isEqualTo("open");
    assertThat(statusOf(closesId)).isEqualTo("closed");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ministry_answer where policy_issue_id = ?",
                Integer.class,
                closesId))
        .isEqualTo(1);
  }

  @Test
  void agendaWithNothingOpenEndsAtOnce() {
    jdbc.update("update policy_issue set status = 'closed' where status = 'open'");

    String agenda = runAgendaTimer();

    assertThat(running(agenda)).isNull();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(agenda)
                .activityId("noOpenEntries")
                .count())
        .isEqualTo(1);
  }

  @Test
  void agendaTimerFiresOnTheFirstOfAprilAndOctober() {
    Job timer = timerStartJob();
    var due =
        timer
            .getDuedate()
            .toInstant()
            .atZone(EngineClock.JAPAN.getRules().getOffset(timer.getDuedate().toInstant()));
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getMonthValue()).isIn(4, 10);
  }

  // --- steps ---

  private ProcessInstance raise(String statusCategory) {
    return runtimeService.startProcessInstanceByMessage(
        PolicyIssue.RAISED_MESSAGE,
        Variables.createVariables()
            .putValue("advocacyField", "technical-intern")
            .putValue("prefecture", "23")
            .putValue("statusCategory", statusCategory)
            .putValueTyped("problemFields", FormJson.list(List.of("labour")))
            .putValue("outcome", "referred")
            .putValue("policyDescription", "転籍の相談に応じない")
            .putValue("reportedMonth", "2026-11"));
  }

  private Job timerStartJob() {
    return managementService
        .createJobQuery()
        .processDefinitionKey("policy-issue")
        .timers()
        .list()
        .stream()
        .filter(j -> j.getProcessInstanceId() == null)
        .findFirst()
        .orElseThrow();
  }

  /** Fires the half-yearly timer; returns the id of the instance it started. */
  private String runAgendaTimer() {
    managementService.executeJob(timerStartJob().getId());
    Long agendaId = jdbc.queryForObject("select max(id) from policy_agenda", Long.class);
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("policy-issue")
        .variableValueEquals("agendaId", agendaId)
        .singleResult()
        .getId();
  }

  private ProcessInstance running(String id) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private PolicyRegister.Entry entryTitled(String title) {
    return register.entries(false).stream()
        .filter(e -> e.title().equals(title))
        .findFirst()
        .orElseThrow();
  }

  private String statusOf(long id) {
    return jdbc.queryForObject("select status from policy_issue where id = ?", String.class, id);
  }
}
