package jp.bansou.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A visit that met a refusal at the counter: the open case raises a policy issue at once, and the
 * refusal is counted per office type and prefecture on the dashboard and in the export, in
 * categories only and with counts of one or two hidden.
 */
@CaseEngineTest
class VisitBarriersTest {

  /** An office prefecture no other test visits: the counts here are this test's own. */
  static final String PREFECTURE = "32";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired TestRestTemplate rest;

  @Test
  void aRefusedApplicationIsCountedAndRaisesAPolicyIssueBeforeTheCaseCloses() throws Exception {
    List<String> issuesBefore = policyIssues();

    ProcessInstance first = caseWithARefusal("Zyxwv Refused One", true);

    // the case is still open, and the policy team has it already
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(first.getId()).count())
        .isEqualTo(1);
    List<String> raised = new ArrayList<>(policyIssues());
    raised.removeAll(issuesBefore);
    assertThat(raised).hasSize(1);
    assertThat((String) runtimeService.getVariable(raised.get(0), "evidenceSummary"))
        .contains("福祉事務所", "島根県", "申請を受け付けなかった");
    // one refusal is a small cell: hidden in the export
    assertThat(exportRow())
        .containsSequence("welfare-office", "福祉事務所", PREFECTURE, "島根県", "*", "*");

    caseWithARefusal("Zyxwv Refused Two", false);
    caseWithARefusal("Zyxwv Refused Three", false);

    List<String> row = exportRow();
    assertThat(row.subList(0, 6))
        .containsExactly("welfare-office", "福祉事務所", PREFECTURE, "島根県", "3", "3");
    List<String> header = exportHeader();
    assertThat(row.get(header.indexOf("refused-application"))).isEqualTo("3");
    assertThat(row.get(header.indexOf("no-interpreter"))).isEqualTo("*");
    assertThat(row.get(header.indexOf("status-refusal"))).isEqualTo("0");

    JsonNode barriers = dashboard().get("visitBarriers");
    JsonNode shimane = rowOf(barriers.get("byPrefecture"), PREFECTURE);
    assertThat(shimane.get("name").asText()).isEqualTo("島根県");
    assertThat(shimane.get("visits").asLong()).isEqualTo(3);
    assertThat(shimane.get("visitsWithBarrier").asLong()).isEqualTo(3);
    assertThat(shimane.get("barriers").get("refused-application").asLong()).isEqualTo(3);
    assertThat(shimane.get("barriers").get("no-interpreter").isNull()).isTrue();
    assertThat(rowOf(barriers.get("byOfficeType"), "welfare-office").get("visits").asLong())
        .isGreaterThanOrEqualTo(3);
    assertThat(barriers.get("byBarrier").get("labels").get("refused-application").asText())
        .isEqualTo("申請を受け付けなかった（申請させなかった）");

    String everything = dashboard().toString() + get("supervisor").getBody();
    assertThat(everything).doesNotContain("Zyxwv", first.getBusinessKey(), "テスト福祉事務所");
  }

  @Test
  void thePolicyTeamMayTakeTheExportButNotTheOthers() {
    assertThat(get("policy").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("supervisor").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("companion").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            rest.withBasicAuth("policy", "policy")
                .getForEntity("/api/reports/cases.csv", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** A case whose one visit, to a welfare office in Shimane, was refused at the counter. */
  private ProcessInstance caseWithARefusal(String name, boolean flag) {
    ProcessInstance pi =
        CaseDriver.start(
            engine,
            Intake.person()
                .with("personName", name)
                .with("interpreterNeeded", false)
                .list("problemFields", "livelihood"));
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    CaseDriver.complete(engine, pi, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    ProcessInstance visit =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(pi.getId())
            .singleResult();
    CaseDriver.complete(
        engine,
        visit,
        "planVisit",
        "companion",
        Map.of(
            "officeType", "welfare-office",
            "officeName", "テスト福祉事務所",
            "officePrefecture", PREFECTURE,
            "visitPurpose", "livelihood-support",
            "proposedDates", "あした"));
    CaseDriver.complete(
        engine,
        visit,
        "scheduleVisit",
        "companion",
        Map.of(
            "visitDate", LocalDate.now(EngineClock.JAPAN).toString(),
            "visitTime", "00:00",
            "meetingPlace", "駅"));
    Map<String, Object> outcome = new java.util.HashMap<>();
    outcome.put("visitResult", "not-done");
    outcome.put("visitOutcome", "窓口で相談を断られた");
    outcome.put("hoursSpent", 2);
    outcome.put("followUpNeeded", false);
    outcome.put(
        "barriers",
        FormJson.list(
            flag
                ? List.of("refused-application", "no-interpreter")
                : List.of("refused-application")));
    outcome.put("systemicProblem", flag);
    if (flag) {
      outcome.put("advocacyField", "welfare");
      outcome.put("policyDescription", "技能実習生の生活相談を窓口が受け付けない");
    }
    CaseDriver.complete(engine, visit, "recordVisitOutcome", "companion", outcome);
    return pi;
  }

  private List<String> policyIssues() {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey("policy-issue")
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .toList();
  }

  private List<String> exportRow() {
    for (String line : get("supervisor").getBody().split("\r\n")) {
      List<String> cells = cells(line);
      if (cells.size() > 3
          && cells.get(0).equals("welfare-office")
          && cells.get(2).equals(PREFECTURE)) {
        return cells;
      }
    }
    throw new AssertionError("no row for welfare-office in " + PREFECTURE);
  }

  private List<String> exportHeader() {
    return cells(get("supervisor").getBody().split("\r\n")[0].substring(1));
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.split(",")).map(c -> c.replaceAll("^\"|\"$", "")).toList();
  }

  private ResponseEntity<String> get(String user) {
    return rest.withBasicAuth(user, user)
        .getForEntity("/api/reports/visit-barriers.csv", String.class);
  }

  private JsonNode dashboard() throws Exception {
    return new ObjectMapper()
        .readTree(
            rest.withBasicAuth("supervisor", "supervisor")
                .getForEntity("/api/dashboard", String.class)
                .getBody());
  }

  private static JsonNode rowOf(JsonNode rows, String code) {
    for (JsonNode row : rows) {
      if (row.get("code").asText().equals(code)) {
        return row;
      }
    }
    throw new AssertionError("no row " + code);
  }
}
