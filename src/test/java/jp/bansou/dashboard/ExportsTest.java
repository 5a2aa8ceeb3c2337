package jp.bansou.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.tracks.TrackDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The anonymous exports and the dashboard never carry a person's identifiers. */
@CaseEngineTest
class ExportsTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired ProcessEngine engine;

  @Test
  void noExportNorTheDashboardContainsTheSeededIdentifiers() {
    Intake person =
        Intake.person()
            .with("personName", "Zyxwv Identifiable Qwerty")
            .with("phone", "080-9137-2468")
            .with("email", "zyxwv.qwerty@example.invalid")
            .with("birthDate", "1987-06-05");
    ProcessInstance pi = closeWithPolicyIssue(person);
    ProcessInstance withoutConsent = start(Intake.person().with("consentStatistics", false));

    ResponseEntity<String> cases = get("/api/reports/cases.csv");
    ResponseEntity<String> policy = get("/api/reports/policy-issues.csv");
    ResponseEntity<String> dashboard = get("/api/dashboard");

    assertThat(cases.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cases.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(cases.getHeaders().getFirst("Content-Disposition")).contains("cases.csv");
    assertThat(cases.getBody())
        .startsWith("\uFEFF\"case_number\"")
        .contains("\"" + pi.getBusinessKey() + "\"")
        .doesNotContain(withoutConsent.getBusinessKey());
    assertThat(policy.getBody()).contains("\"technical-intern\"", "転籍");
    for (ResponseEntity<String> export : List.of(cases, policy, dashboard)) {
      assertThat(export.getBody())
          .doesNotContain("Zyxwv", "Qwerty", "9137", "2468", "zyxwv.qwerty", "1987-06-05", "新宿区");
    }
  }

  @Test
  void cellsThatASpreadsheetWouldRunAreDefused() {
    ProcessInstance pi = closeWithPolicyIssue(Intake.person(), "=HYPERLINK(\"http://x\")", "転籍の妨害");
    assertThat(get("/api/reports/policy-issues.csv").getBody())
        .contains("\"'=HYPERLINK(\"\"http://x\"\")\"")
        .doesNotContain(",\"=HYPERLINK");
    assertThat(pi.getBusinessKey()).isNotNull();
  }

  private ProcessInstance closeWithPolicyIssue(Intake person) {
    return closeWithPolicyIssue(person, "転籍の妨害 " + person.personName().hashCode(), "監理団体が転籍を妨げる");
  }

  private ProcessInstance closeWithPolicyIssue(Intake person, String title, String description) {
    ProcessInstance pi = start(person);
    complete(pi, "reviewTriage", "coordinator", Map.of());
    complete(pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    complete(pi, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    TrackDriver.completeTracks(engine, pi.getId());
    complete(
        pi,
        "proposeClosure",
        "companion",
        Map.of(
            "nextStep", "close",
            "outcome", "resolved",
            "closureSummary", "ok",
            "systemicProblem", true,
            "advocacyField", "technical-intern",
            "policyDescription", description));
    complete(pi, "approveClosure", "coordinator", Map.of("closureDecision", "approve"));
    Task classify =
        taskService
            .createTaskQuery()
            .taskDefinitionKey("classifyPolicyIssue")
            .orderByTaskCreateTime()
            .desc()
            .listPage(0, 1)
            .get(0);
    taskService.claim(classify.getId(), "policy");
    taskService.complete(
        classify.getId(),
        Map.of(
            "advocacyField",
            "technical-intern",
            "policyIssueId",
            "new",
            "newPolicyIssueTitle",
            title));
    return pi;
  }

  private ProcessInstance start(Intake intake) {
    return CaseDriver.start(engine, intake);
  }

  private void complete(
      ProcessInstance pi, String key, String user, Map<String, Object> variables) {
    CaseDriver.complete(engine, pi, key, user, variables);
  }

  private ResponseEntity<String> get(String path) {
    return rest.withBasicAuth("supervisor", "supervisor").getForEntity(path, String.class);
  }
}
