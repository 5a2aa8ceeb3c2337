package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 14, part 3 — nobody widens what they were given. A companion who is offered a case tries to
 * add people or groups to the offer, hand it to someone else, and write variables the offer form
 * does not have; a coordinator tries to offer a case to an account that is no candidate; nobody,
 * not even an administrator, leaves a task meant for one person with nobody. Each is refused and
 * the task is as it was: the same people, the same variables.
 */
@CaseEngineTest
@org.junit.jupiter.api.extension.ExtendWith(
    org.springframework.boot.test.system.OutputCaptureExtension.class)
class WideningAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  Attacker attacker;
  ProcessInstance pi;
  Task offer;
  List<String> linksBefore;
  String variablesBefore;

  @BeforeEach
  void anOffer() {
    attacker = new Attacker(rest.getRootUri());
    pi = CaseDriver.start(engine, Intake.person());
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion2"));
    offer = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(offer.getTaskDefinitionKey()).isEqualTo("offerCase");
    linksBefore = links();
    variablesBefore = variables(pi);
  }

  @AfterEach
  void nothingWidened() {
    Task now = taskService.createTaskQuery().taskId(offer.getId()).singleResult();
    if (now != null) {
      assertThat(links()).isEqualTo(linksBefore);
      assertThat(now.getOwner()).isNull();
      assertThat(now.getDelegationState()).isNull();
      assertThat(now.getAssignee()).isIn(null, "companion2");
    }
    assertThat(variables(pi)).isEqualTo(variablesBefore);
  }

  @Test
  void aTaskMeantForOnePersonIsNeverLeftWithNobody(
      org.springframework.boot.test.system.CapturedOutput output) {
    assertThat(offer.getAssignee()).isEqualTo("companion2");
    String task = "/engine-rest/task/" + offer.getId();
    // the companion may not give it back at all
    assertRefused(attacker.post("companion2", task + "/unclaim", ""), 403);
    // nor may an administrator leave it with nobody: nobody else would ever see it
    assertRefused(attacker.post("demo", task + "/unclaim", ""), 400, "だれにも見えなくなります");
    // the attempt is one line with who and which check, not a stack trace, nor the message
    assertThat(output.getAll())
        .contains("Refused a command of demo, in jp.bansou.tasklist.AssignedStaysAssigned")
        .doesNotContain("ENGINE-REST-HTTP500", "ENGINE-16004", "だれにも見えなくなります");
    assertRefused(
        attacker.post("demo", task + "/assignee", "{\"userId\": null}"), 400, "だれにも見えなくなります");
    assertRefused(
        attacker.post(
            "demo",
            task + "/identity-links/delete",
            "{\"userId\": \"companion2\", \"type\": \"assignee\"}"),
        400,
        "だれにも見えなくなります");
    assertThat(taskService.createTaskQuery().taskId(offer.getId()).singleResult().getAssignee())
        .isEqualTo("companion2");
  }

  @Test
  void anOfferedCompanionCannotAddAGroupToTheOffer() {
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/identity-links",
            "{\"groupId\": \"policy-team\", \"type\": \"candidate\"}"),
        403);
  }

  @Test
  void anOfferedCompanionCannotAddAPersonToTheOffer() {
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/identity-links",
            "{\"userId\": \"policy\", \"type\": \"candidate\"}"),
        403);
  }

  @Test
  void anOfferedCompanionCannotDelegateTheOffer() {
    claim();
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/delegate",
            "{\"userId\": \"policy\"}"),
        403);
  }

  @Test
  void anOfferedCompanionCannotHandTheOfferToSomeoneElse() {
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/assignee",
            "{\"userId\": \"policy\"}"),
        403);
    claim();
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/assignee",
            "{\"userId\": \"companion\"}"),
        403);
  }

  @Test
  void anOfferedCompanionCannotRewriteTheTask() {
    claim();
    assertRefused(
        attacker.put(
            "companion2",
            "/engine-rest/task/" + offer.getId(),
            "{\"name\": \"x\", \"owner\": \"policy\", \"assignee\": \"policy\"}"),
        403);
  }

  @Test
  void noVariableIsWrittenAroundTheForm() {
    claim();
    assertRefused(
        attacker.put(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/variables/urgency",
            "{\"value\": \"low\", \"type\": \"String\"}"),
        403,
        "フォームから");
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/localVariables",
            "{\"modifications\": {\"caseOverview\": {\"value\": \"x\"}}}"),
        403);
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/process-instance/" + pi.getId() + "/variables",
            "{\"modifications\": {\"companionId\": {\"value\": \"policy\"}}}"),
        403);
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/execution/" + pi.getId() + "/localVariables",
            "{\"modifications\": {\"companionId\": {\"value\": \"policy\"}}}"),
        403);
  }

  @Test
  void aSubmissionCarriesOnlyTheFormsOwnFields() {
    claim();
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/task/" + offer.getId() + "/submit-form",
            """
            {"variables": {"offerAnswer": {"value": "decline"},
                           "urgency": {"value": "low"}}}"""),
        400,
        "urgency");
  }

  @Test
  void aSubmissionCannotMoveTheCaseElsewhere() {
    claim();
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/process-instance/" + pi.getId() + "/modification",
            """
            {"instructions": [{"type": "startBeforeActivity", "activityId": "proposeClosure"}]}"""),
        403);
  }

  @Test
  void onlyTheOneWhoTookTheTaskSubmitsIt() {
    ProcessInstance other = CaseDriver.start(engine, Intake.person());
    Task triage = taskService.createTaskQuery().processInstanceId(other.getId()).singleResult();
    assertRefused(
        attacker.post(
            "coordinator",
            "/engine-rest/task/" + triage.getId() + "/submit-form",
            "{\"variables\": {}}"),
        400,
        "担当する");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isEqualTo(1);
    // the offer is companion2's: nobody else takes it
    assertRefused(
        attacker.post(
            "companion",
            "/engine-rest/task/" + offer.getId() + "/claim",
            "{\"userId\": \"companion\"}"),
        403);
  }

  /**
   * Around the form: a BPMN error or escalation thrown from the offer (no model catches one: the
   * whole case would end), a message or a signal (which start processes past their start forms and
   * answer with their variables). Found by a helper trying it: companion2 ended a case.
   */
  @Test
  void nobodyButAnAdministratorGoesAroundTheForm() {
    String task = "/engine-rest/task/" + offer.getId();
    assertRefused(
        attacker.post("companion2", task + "/bpmnError", "{\"errorCode\": \"nonexistent\"}"),
        403,
        "権限がありません");
    assertRefused(
        attacker.post(
            "companion2", task + "/bpmnEscalation", "{\"escalationCode\": \"nonexistent\"}"),
        403);
    // the same through the webapps' own path
    assertRefused(
        attacker.asTasklist(
            "companion2",
            "POST",
            "/camunda/api/engine/engine/default/task/" + offer.getId() + "/bpmnError",
            "{\"errorCode\": \"nonexistent\"}"),
        403);
    long calls =
        runtimeService.createProcessInstanceQuery().processDefinitionKey("call-for-help").count();
    assertRefused(
        attacker.post(
            "companion2",
            "/engine-rest/message",
            """
            {"messageName": "callForHelp", "resultEnabled": true, "variablesInResultEnabled": true,
             "processVariables": {"caseNumber": {"value": "%s"},
               "helpAskedBy": {"value": "companion"}, "helpQuestion": {"value": "x"}}}"""
                .formatted(pi.getBusinessKey())),
        403);
    assertRefused(attacker.post("companion", "/engine-rest/signal", "{\"name\": \"s\"}"), 403);
    // the engine's other ways of moving processes and jobs from outside: refused, not a 500
    for (String path :
        List.of(
            "/engine-rest/condition",
            "/engine-rest/job/retries",
            "/engine-rest/process-instance/job-retries",
            "/engine-rest/migration/execute",
            "/engine-rest/migration/executeAsync",
            "/engine-rest/execution/" + pi.getId() + "/signal",
            "/engine-rest/execution/" + pi.getId() + "/messageSubscriptions/x/trigger")) {
      assertRefused(attacker.post("companion2", path, "{}"), 403);
    }
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("call-for-help")
                .count())
        .isEqualTo(calls);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .isOne();
  }

  @Test
  void aTaskIsClaimedForOneselfOnly() {
    ProcessInstance other = CaseDriver.start(engine, Intake.person());
    Task triage = taskService.createTaskQuery().processInstanceId(other.getId()).singleResult();
    String claim = "/engine-rest/task/" + triage.getId() + "/claim";
    assertRefused(attacker.post("coordinator", claim, "{\"userId\": \"companion\"}"), 403, "自分");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee())
        .isNull();
    assertThat(attacker.post("coordinator", claim, "{\"userId\": \"coordinator\"}").statusCode())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee())
        .isEqualTo("coordinator");
  }

  @Test
  void aCoordinatorCannotOfferACaseToAnAccountThatIsNoCandidate() {
    ProcessInstance other = CaseDriver.start(engine, Intake.person());
    CaseDriver.complete(engine, other, "reviewTriage", "coordinator", Map.of());
    Task confirm = taskService.createTaskQuery().processInstanceId(other.getId()).singleResult();
    taskService.claim(confirm.getId(), "coordinator");

    assertRefused(
        attacker.post(
            "coordinator",
            "/engine-rest/task/" + confirm.getId() + "/submit-form",
            "{\"variables\": {\"companionId\": {\"value\": \"policy\"}}}"),
        400,
        "選択肢");
    assertThat(taskService.createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(other.getId(), "companionId")).isNull();
  }

  @Test
  void aStartCannotSkipStepsOrChooseItsBusinessKey() {
    long cases = runtimeService.createProcessInstanceQuery().count();
    assertRefused(
        attacker.post(
            "coordinator",
            "/engine-rest/process-definition/key/accompaniment-case/start",
            """
            {"businessKey": "2026-99999",
             "startInstructions": [{"type": "startBeforeActivity", "activityId": "closed"}],
             "skipCustomListeners": true, "variables": {}}"""),
        400);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(cases);
  }

  private void claim() {
    taskService.claim(offer.getId(), "companion2");
  }

  /** Every variable of the case, as text (JSON values do not compare by content). */
  private String variables(ProcessInstance instance) {
    return new java.util.TreeMap<>(runtimeService.getVariables(instance.getId())).toString();
  }

  /** Who the task is offered to (claiming it adds the assignee, which is checked apart). */
  private List<String> links() {
    return taskService.getIdentityLinksForTask(offer.getId()).stream()
        .filter(link -> !"assignee".equals(link.getType()))
        .map(WideningAttackTest::describe)
        .sorted()
        .toList();
  }

  private static String describe(IdentityLink link) {
    return link.getType() + ":" + link.getUserId() + ":" + link.getGroupId();
  }
}
