package jp.bansou.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.tracks.TrackDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a dump of the database would show: a case walked from intake to closure, with a visit and a
 * policy issue, leaves none of its person's identifiers in plaintext in any table (engine runtime,
 * history, details, byte arrays, ours), the log or the exports; an entitled coordinator still reads
 * them; after the person's erasure nobody does.
 */
@CaseEngineTest
@ExtendWith(OutputCaptureExtension.class)
class IdentityAtRestTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate rest;

  @Test
  void noIdentifierStandsInPlaintextAnywhereAndErasureForgetsThem(CapturedOutput log)
      throws Exception {
    Markers person = Markers.fresh();
    ProcessInstance pi = closedCaseOf(person);
    String caseNumber = pi.getBusinessKey();

    assertThat(MarkerScan.tableCount(dataSource)).isGreaterThan(40);
    assertThat(MarkerScan.find(dataSource, person.all())).isEmpty();
    for (String marker : person.all()) {
      assertThat(log.getAll()).doesNotContain(marker);
      assertThat(get("supervisor", "/api/reports/cases.csv").getBody()).doesNotContain(marker);
      assertThat(get("supervisor", "/api/dashboard").getBody()).doesNotContain(marker);
    }

    ResponseEntity<String> entitled = get("coordinator", "/api/cases/" + caseNumber + "/person");
    assertThat(entitled.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(entitled.getBody())
        .contains(person.name(), person.phone(), person.email(), person.birthDate())
        .contains(person.municipality(), person.contactNote(), person.problemDescription());

    erase(caseNumber, "coordinator", "supervisor");

    assertThat(get("coordinator", "/api/cases/" + caseNumber + "/person").getBody())
        .doesNotContain(person.name(), person.phone());
    assertThat(MarkerScan.find(dataSource, person.all())).isEmpty();
    assertThat(
            new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject(
                    "select count(*) from person_identity where case_number = ?"
                        + " and sealed is null and erased_at is not null and erase_reason = ?",
                    Integer.class,
                    caseNumber,
                    "person-request"))
        .isEqualTo(1);
    // the categories stay for statistics
    assertThat(get("supervisor", "/api/reports/cases.csv").getBody()).contains(caseNumber);
  }

  /** Intake through Tasklist's start form, a hospital visit, closure with a policy issue. */
  private ProcessInstance closedCaseOf(Markers person) {
    ProcessInstance pi = CaseDriver.start(engine, person.intake());
    CaseDriver.complete(
        engine,
        pi,
        "reviewTriage",
        "coordinator",
        Map.of("tracks", FormJson.list("office-accompaniment")));
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    CaseDriver.complete(engine, pi, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    TrackDriver.completeTracks(engine, pi.getId());
    CaseDriver.complete(
        engine,
        pi,
        "proposeClosure",
        null,
        Variables.putValue("nextStep", "close")
            .putValue("outcome", "resolved")
            .putValue("closureSummary", "解決した")
            .putValue("systemicProblem", true)
            .putValue("advocacyField", "labour")
            .putValue("policyDescription", "技能実習先で賃金の未払いが続いている"));
    CaseDriver.complete(
        engine, pi, "approveClosure", "coordinator", Map.of("closureDecision", "approve"));
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .count())
        .isZero();
    return pi;
  }

  private void erase(String caseNumber, String requester, String approver) {
    engine.getIdentityService().setAuthentication(requester, List.of("coordinators"));
    ProcessInstance erasure;
    try {
      erasure =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  Erasure.PROCESS_KEY,
                  Variables.putValue("caseToErase", caseNumber)
                      .putValue("erasureReason", "person-request"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    var task =
        engine.getTaskService().createTaskQuery().processInstanceId(erasure.getId()).singleResult();
    engine.getTaskService().claim(task.getId(), approver);
    // the approver logged in, as in Tasklist: erasure records who approved from that
    String group = approver.startsWith("supervisor") ? "supervisors" : "coordinators";
    engine.getIdentityService().setAuthentication(approver, List.of(group));
    try {
      engine.getTaskService().complete(task.getId(), Map.of("erasureDecision", "approve"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }
}
