package jp.bansou.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.engine.People;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case's reads as its coordinator reads them in the 本人の情報 tab: the warnings (a companion only
 * offered the case wrote the person's name, then phone) first and marked as such, then the looks,
 * each newest first; looks one after another by one person through one task as one line with a
 * count; each said in Japanese with the reader's name; lines stored before the log said what they
 * are shown the same way.
 */
@CaseEngineTest
class CaseReadsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired People people;

  @org.junit.jupiter.api.BeforeEach
  void assertions() {
    init(engine);
  }

  @Test
  void warningsComeFirstAndRepeatedLooksAreOneLineInJapanese() throws Exception {
    Intake person = Intake.person();
    ProcessInstance pi = CaseDriver.start(engine, person);
    String caseNumber = pi.getBusinessKey();
    Task triage = task("reviewTriage", pi);
    // two lines as the log stored them before it said what each is: a look, a refused comment
    before(caseNumber, "coordinator", "task reviewTriage " + triage.getId(), "personName,phone");
    before(caseNumber, "companion", "コメントに本人の名前を書こうとして、断られた（この人には見せていない情報です）", "personName");
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion2"));
    Task offer = task("offerCase", pi);

    for (int i = 0; i < 3; i++) {
      assertThat(get("coordinator", "/api/tasks/" + offer.getId() + "/person").getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
    comment("companion2", offer, person.personName() + "さんを知っています");
    comment("companion2", offer, "電話 " + person.variables().get("phone"));
    get("coordinator", "/api/cases/" + caseNumber + "/person");
    get("coordinator", "/api/tasks/" + offer.getId() + "/person");

    ResponseEntity<String> answer = get("coordinator", "/api/cases/" + caseNumber + "/reads");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody())
        .doesNotContain(person.personName(), (String) person.variables().get("phone"));
    List<JsonNode> lines = new ArrayList<>();
    JSON.readTree(answer.getBody()).forEach(lines::add);
    assertThat(lines)
        .extracting(line -> line.path("kind").asText())
        .containsExactly("written", "written", "written", "read", "read", "read", "read");

    // the warnings, newest first, in words that say what happened and what it means
    assertThat(lines.get(0).path("what").asText())
        .startsWith("コメントに本人の電話番号を書こうとしました（送る前に止めました）。")
        .endsWith("書こうとした人には、本人の情報を見せていません。本人を知っている可能性があります。");
    assertThat(lines.get(1).path("what").asText()).startsWith("コメントに本人の名前を書こうとしました（送る前に止めました）。");
    assertThat(lines.get(0).path("reader").asText()).isEqualTo("companion2");
    assertThat(lines.get(0).path("readerName").asText())
        .isEqualTo(people.name("companion2"))
        .isNotEqualTo("companion2");
    // the line stored in the first words is told in the new ones
    assertThat(lines.get(2).path("what").asText())
        .startsWith("コメントに本人の名前を書こうとしました（送る前に止めました）。")
        .doesNotContain("この人には見せていない");

    // the looks, newest first: only looks one after another are folded
    assertThat(lines.subList(3, 7))
        .extracting(line -> line.path("what").asText() + " " + line.path("count").asInt())
        .containsExactly(
            "タスク『ケースを引き受けるか答える』で見た 1",
            "ケースの画面で見た 1",
            "タスク『ケースを引き受けるか答える』で見た 3",
            "タスク『トリアージを確認する』で見た 1");
    JsonNode folded = lines.get(5);
    assertThat(java.time.Instant.parse(folded.path("firstReadAt").asText()))
        .isBeforeOrEqualTo(java.time.Instant.parse(folded.path("readAt").asText()));
    assertThat(folded.path("readerName").asText()).isEqualTo(people.name("coordinator"));
    // no task key or id where people read
    for (JsonNode line : lines) {
      assertThat(line.path("what").asText())
          .doesNotContain("task ", "offerCase", offer.getId(), triage.getId());
    }
  }

  /** A line as V7 stored it: no kind. */
  private void before(String caseNumber, String reader, String via, String fields) {
    jdbc.update(
        "insert into identity_read (case_number, reader, read_at, via, fields)"
            + " values (?, ?, ?, ?, ?)",
        caseNumber,
        reader,
        Timestamp.from(clock.instant().minus(Duration.ofHours(1))),
        via,
        fields);
  }

  private void comment(String user, Task task, String text) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> refused =
        rest.withBasicAuth(user, user)
            .postForEntity(
                "/engine-rest/task/" + task.getId() + "/comment/create",
                new HttpEntity<>(JSON.writeValueAsString(Map.of("message", text)), headers),
                String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }
}
