package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseFile;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 14, part 5 — every submission is checked against its form before the engine sees it. A
 * coordinator sends the intake form straight to {@code /engine-rest} with wrong types, values off
 * the reference lists, too much text, a Java object and no consent: each gets a 400 (413 for the
 * size) with a Japanese message naming the field, never SQL, a class name or a stack trace, and no
 * case is opened.
 */
@CaseEngineTest
@ExtendWith(OutputCaptureExtension.class)
class FormInputAttackTest {

  static final String START = "/engine-rest/process-definition/key/accompaniment-case/submit-form";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired org.camunda.bpm.engine.FilterService filterService;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired jp.bansou.person.CaseAccess regions;
  @Autowired TestRestTemplate rest;
  @Autowired HistoryService historyService;

  Attacker attacker;
  long casesBefore;

  /** Cases a test opens on purpose, as the place of its attack (its history is left as it is). */
  long casesOpenedHere;

  @BeforeEach
  void count() {
    attacker = new Attacker(rest.getRootUri());
    casesBefore = cases();
  }

  @AfterEach
  void noCaseWasOpened() {
    assertThat(cases()).isEqualTo(casesBefore + casesOpenedHere);
  }

  @Test
  void aNumberFieldTakesOnlyNumbers() {
    assertRefused(submit(Map.of("householdSize", "abc")), 400, "世帯の人数", "数字");
  }

  @Test
  void aNumberOutOfItsRangeIsRefused() {
    assertRefused(submit(Map.of("householdSize", 500)), 400, "世帯の人数", "30以下");
  }

  @Test
  void aDateFieldTakesOnlyDates() {
    assertRefused(
        submit(Map.of("legalDeadlineSoon", true, "legalDeadlineDate", "garbage")),
        400,
        "期限の日付",
        "2026/12/03");
  }

  @Test
  void anImplausibleDateIsRefusedNamingTheField() {
    String tomorrow =
        java.time.LocalDate.now(jp.bansou.engine.EngineClock.JAPAN).plusDays(1).toString();
    var refused = submit(Map.of("birthDate", tomorrow));
    assertRefused(refused, 400, "生年月日", "今日より前");
    assertThat(refused.body()).contains("\"field\":\"birthDate\"", "\"component\":\"birthDate\"");
    assertRefused(submit(Map.of("birthDate", "1066-10-14")), 400, "生年月日", "西暦");
    String yesterday =
        java.time.LocalDate.now(jp.bansou.engine.EngineClock.JAPAN).minusDays(1).toString();
    assertRefused(
        submit(Map.of("legalDeadlineSoon", true, "legalDeadlineDate", yesterday)),
        400,
        "期限の日付",
        "過ぎた日付");
  }

  @Test
  void aCodeOffTheReferenceListIsRefused() {
    assertRefused(submit(Map.of("nationality", "XX")), 400, "国籍", "選択肢");
    assertRefused(submit(Map.of("nationality", "X".repeat(36))), 400, "国籍", "選択肢");
  }

  @Test
  void aLanguageOffTheReferenceListIsRefused() {
    assertRefused(submitRaw("languages", list("vi", "klingon")), 400, "選択肢");
  }

  @Test
  void textOverItsLimitIsRefused() {
    assertRefused(submit(Map.of("personName", "名".repeat(101))), 400, "100文字まで");
    assertRefused(submit(Map.of("problemDescription", "あ".repeat(4001))), 400, "4000文字まで");
    // counted in UTF-16 units, as the browser's form and H2's varchar(4000) count: an emoji is two
    assertRefused(
        submit(Map.of("problemDescription", "😀".repeat(2001))), 400, "4000文字まで", "4002文字");
  }

  @Test
  void tenMegabytesAreRefusedBeforeTheyAreReadOrLogged(CapturedOutput output) {
    String huge = "Z".repeat(10 * 1024 * 1024);

    assertRefused(submit(Map.of("problemDescription", huge)), 413, "KB");
    assertThat(output.getAll()).doesNotContain("Z".repeat(100));
  }

  @Test
  void aRequiredFieldMustBeThere() {
    ObjectNode variables = intake(Map.of());
    variables.remove("prefecture");

    assertRefused(post(variables), 400, "都道府県", "必須");
  }

  @Test
  void aJavaObjectIsNeverDeserialized() {
    ObjectNode url = JSON.createObjectNode();
    url.put("type", "Object");
    url.put("value", "\"http://attacker.invalid/\"");
    url.putObject("valueInfo")
        .put("objectTypeName", "java.net.URL")
        .put("serializationDataFormat", "application/json");

    assertRefused(submitRaw("municipality", url), 400, "Object");
  }

  @Test
  void jsonIsTakenForAListOnly() {
    // stored before, and every later reading of the case's variables failed with a server error,
    // the coordinator's too; a date as a JSON string failed the step that read it (a reviewing
    // helper's finds)
    for (String[] sent :
        new String[][] {
          {"municipality", "{bad"}, {"municipality", "\"新宿区\""}, {"problemDescription", "{}x"}
        }) {
      ObjectNode typed = JSON.createObjectNode();
      typed.put("type", "Json");
      typed.put("value", sent[1]);
      assertRefused(submitRaw(sent[0], typed), 400, "の値の形（Json）は送れません");
    }
    // a list as Tasklist sends a checklist's: as before
    ObjectNode needs = JSON.createObjectNode();
    needs.put("type", "Json");
    needs.put("value", "[\"housing\"]");
    ObjectNode variables = intake(Map.of());
    variables.set("problemFields", needs);
    HttpResponse<String> started = post(variables);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    casesOpenedHere++;
  }

  @Test
  void aVariableTheFormLacksIsRefused() {
    ObjectNode urgency = JSON.createObjectNode().put("value", "emergency");
    assertRefused(submitRaw("urgency", urgency), 400, "urgency", "ない項目");
  }

  @Test
  void theEngineNamedInThePathIsGuardedToo() {
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", intake(Map.of("householdSize", 500)));
    assertRefused(
        attacker.post(
            "coordinator",
            START.replace("/engine-rest/", "/engine-rest/engine/default/"),
            body.toString()),
        400,
        "世帯の人数");
  }

  @Test
  void noConsentIsABusinessRefusalNotAServerError() {
    assertRefused(submit(Map.of("consentCaseWork", false)), 400, "同意");
  }

  @Test
  void somethingThatIsNotJsonIsRefused() {
    assertRefused(attacker.post("coordinator", START, "{\"variables\": "), 400, "読めません");
    assertRefused(attacker.post("coordinator", START, "[1, 2, 3]"), 400, "読めません");
  }

  @Test
  void badQueryParametersGetAJapaneseAnswer() {
    // JAX-RS would answer a query parameter of the wrong type with 404, as if the path were
    // unknown: it is what was sent that is wrong
    assertRefused(
        attacker.get("coordinator", "/engine-rest/task?maxResults=abc"), 400, "受け付けられません");
    assertRefused(
        attacker.get("coordinator", "/engine-rest/process-instance?firstResult=-x"),
        400,
        "受け付けられません");
    assertRefused(
        attacker.get("coordinator", "/engine-rest/history/task?maxResults=1e9"), 400, "受け付けられません");
    assertRefused(
        attacker.get("coordinator", "/engine-rest/task?sortBy=nonsense&sortOrder=up"), 400);
    assertRefused(attacker.get("coordinator", "/engine-rest/no-such-thing"), 404);
    // a case that does not exist is refused as any other: nobody learns which numbers exist
    assertRefused(attacker.get("coordinator", "/api/cases/not-a-number/person"), 403);
  }

  @Test
  void incompleteRequestsGetAJapaneseAnswerNotAServerError() {
    // the engine's REST API reads bodies unchecked: each of these failed deep inside it with a 500
    for (String body :
        List.of(
            "null",
            "{\"sorting\": [null]}",
            "{\"orQueries\": [null]}",
            "{\"processVariables\": [{\"name\": \"caseNumber\", \"operator\": \"lt\","
                + " \"value\": true}]}")) {
      assertRefused(attacker.post("companion", "/engine-rest/task", body), 400, "受け付けられません");
    }
    assertRefused(
        attacker.post("companion", "/engine-rest/external-task/fetchAndLock", "{}"),
        400,
        "受け付けられません");
    assertRefused(
        attacker.post("companion", "/engine-rest/process-instance", "null"), 400, "受け付けられません");
    // a page before the first row, or more rows than the engine gives at once
    assertRefused(attacker.get("companion", "/engine-rest/group?firstResult=-5"), 400, "受け付けられません");
    assertRefused(
        attacker.get("companion", "/engine-rest/history/task?firstResult=-5"), 400, "受け付けられません");
    assertRefused(
        attacker.get("companion", "/engine-rest/metrics?maxResults=201"), 400, "受け付けられません");
    // an activation time that is no date, from an administrator deploying by hand
    assertRefused(
        attacker.deploy(
            "demo",
            Map.of(
                "deployment-name", "attack-activation", "deployment-activation-time", "yesterday"),
            Map.of("empty.form", "{\"id\": \"empty\", \"type\": \"default\", \"components\": []}")),
        400,
        "受け付けられません");
    assertThat(
            repositoryService.createDeploymentQuery().deploymentName("attack-activation").count())
        .isZero();
    // a procedure that is not there
    assertRefused(
        attacker.post("coordinator", "/engine-rest/process-definition/no-such-thing/start", "{}"),
        404);
    // our API, asked for something other than JSON: 406, not a server error
    HttpResponse<String> png =
        attacker.send(
            "supervisor", attacker.request("/api/dashboard").header("Accept", "image/png").GET());
    assertThat(png.statusCode()).isEqualTo(406);
  }

  @Test
  void aSearchConditionWithoutItsOperatorIsRefusedInJapaneseNotAServerError() throws Exception {
    // each failed in the REST API's reading of the condition with a 500 before
    String[][] searches = {
      {"companion", "/engine-rest/task", "{\"processVariables\": [{}]}"},
      {"companion", "/engine-rest/task/count", "{\"taskVariables\": [{\"name\": \"caseNumber\"}]}"},
      {"companion", "/engine-rest/task", "{\"caseInstanceVariables\": [{\"operator\": \"eq\"}]}"},
      {"companion", "/engine-rest/task", "{\"orQueries\": [{\"processVariables\": [{}]}]}"},
      {"coordinator", "/engine-rest/execution", "{\"processVariables\": [{\"name\": \"x\"}]}"},
      {"demo", "/engine-rest/process-instance", "{\"variables\": [{}]}"},
      {"demo", "/engine-rest/history/process-instance/count", "{\"variables\": [7]}"},
      {"demo", "/engine-rest/variable-instance", "{\"variableValues\": [{\"name\": \"x\"}]}"},
      // a search inside a batch's body, or a filter saved (a reviewing helper's finds)
      {
        "companion",
        "/engine-rest/process-instance/delete",
        "{\"processInstanceQuery\": {\"variables\": [{}]}}"
      },
      {
        "companion",
        "/engine-rest/history/process-instance/delete",
        "{\"historicProcessInstanceQuery\": {\"variables\": [{}]}}"
      },
      {
        "companion",
        "/engine-rest/external-task/retries-async",
        "{\"processInstanceQuery\": {\"variables\": [{}]}}"
      },
      {
        "demo",
        "/engine-rest/filter/create",
        "{\"query\": {\"processVariables\": [{\"name\": \"caseNumber\"}]}}"
      },
    };
    for (String[] search : searches) {
      assertRefused(attacker.post(search[0], search[1], search[2]), 400, "name（変数の名前）と operator");
    }
    // Tasklist's own way in
    assertRefused(
        attacker.asTasklist(
            "companion",
            "POST",
            "/camunda/api/engine/engine/default/task",
            "{\"processVariables\": [{\"name\": \"caseNumber\"}]}"),
        400,
        "operator");
    // a filter saved as Tasklist saves one, with the variables it shows on each task (by name and
    // label, no operator: not a search)
    HttpResponse<String> filter =
        attacker.post(
            "demo",
            "/engine-rest/filter/create",
            "{\"resourceType\": \"Task\", \"name\": \"表示する変数のあるフィルター\", \"query\":"
                + " {\"processVariables\": [{\"name\": \"caseNumber\", \"operator\": \"eq\","
                + " \"value\": \"2026-0001\"}]}, \"properties\": {\"variables\": [{\"name\":"
                + " \"caseNumber\", \"label\": \"ケース番号\"}], \"priority\": 0}}");
    assertThat(filter.statusCode()).as(filter.body()).isEqualTo(200);
    filterService.deleteFilter(
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(filter.body())
            .path("id")
            .asText());
    // a condition with both, as Tasklist sends it, searches as before
    HttpResponse<String> complete =
        attacker.post(
            "companion",
            "/engine-rest/task/count",
            "{\"orQueries\": [{\"processVariables\": [{\"name\": \"caseNumber\","
                + " \"operator\": \"eq\", \"value\": \"2026-0001\"}]}]}");
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
    assertThat(complete.body()).contains("\"count\"");
  }

  @Test
  void overlongNamesAndIdsAreRefusedInJapaneseNotAServerError() {
    // each failed in the database with a server error before (an administrator's paths)
    String name = "あ".repeat(300);
    assertRefused(
        attacker.post(
            "demo",
            "/engine-rest/filter/create",
            "{\"resourceType\": \"Task\", \"name\": \"" + name + "\", \"query\": {}}"),
        400,
        "「name」が長すぎます（255 文字まで）");
    assertRefused(
        attacker.post(
            "demo",
            "/engine-rest/group/create",
            "{\"id\": \"long-group\", \"name\": \"" + name + "\", \"type\": \"x\"}"),
        400,
        "255 文字まで");
    assertRefused(
        attacker.post(
            "demo",
            "/engine-rest/tenant/create",
            "{\"id\": \"" + "t".repeat(65) + "\", \"name\": \"x\"}"),
        400,
        "「id」が長すぎます（64 文字まで）");
    assertRefused(
        attacker.post(
            "demo",
            "/engine-rest/user/create",
            "{\"profile\": {\"id\": \"long-name\", \"firstName\": \""
                + name
                + "\"}, \"credentials\": {\"password\": \"a-long-enough-phrase\"}}"),
        400,
        "「firstName」が長すぎます");
    assertThat(filterService.createFilterQuery().filterName(name).count()).isZero();
    assertThat(identityService.createGroupQuery().groupId("long-group").count()).isZero();
    assertThat(identityService.createUserQuery().userId("long-name").count()).isZero();
  }

  @Test
  void whatTheEngineCannotTakeIsRefusedInJapaneseNotAServerError() {
    // each failed with a server error before, for anyone logged in (a reviewing helper's finds)
    String[][] refused = {
      // lists left empty
      {"companion", "GET", "/engine-rest/task?candidateGroups=", ""},
      {"companion", "POST", "/engine-rest/task/count", "{\"candidateGroups\": []}"},
      {"companion", "POST", "/engine-rest/task", "{\"candidateGroupsExpression\": \"\"}"},
      {"companion", "GET", "/engine-rest/process-instance?processInstanceIds=,", ""},
      {"companion", "GET", "/engine-rest/history/process-instance?processInstanceIds=,", ""},
      {"companion", "POST", "/engine-rest/process-instance", "{\"processInstanceIds\": []}"},
      {"companion", "GET", "/engine-rest/history/process-instance?processDefinitionKeyNotIn=,", ""},
      {
        "companion",
        "POST",
        "/engine-rest/history/process-instance/count",
        "{\"processDefinitionKeyNotIn\": []}"
      },
      // a group changed without its id: a null pointer before any permission was checked
      {"companion", "PUT", "/engine-rest/group/companions", "{\"name\": \"x\"}"},
      {"companion", "PUT", "/engine-rest/group/companions", "{\"id\": null}"},
      // numbers below the least the engine takes
      {"companion", "PUT", "/engine-rest/job/no-such-job/retries", "{\"retries\": -1}"},
      {
        "companion",
        "POST",
        "/engine-rest/external-task/fetchAndLock",
        "{\"workerId\": \"w\", \"maxTasks\": -1, \"topics\": []}"
      },
      {
        "companion",
        "POST",
        "/engine-rest/external-task/fetchAndLock",
        "{\"workerId\": \"w\", \"maxTasks\": 1, \"topics\": [{\"topicName\": \"x\","
            + " \"lockDuration\": -5}]}"
      },
      // conditions and orders without what they need
      {"coordinator", "POST", "/engine-rest/job", "{\"dueDates\": [{}]}"},
      {
        "coordinator",
        "POST",
        "/engine-rest/job/count",
        "{\"createTimes\": [{\"operator\": \"lt\"}]}"
      },
      {
        "companion",
        "POST",
        "/engine-rest/external-task/fetchAndLock",
        "{\"workerId\": \"w\", \"maxTasks\": 1, \"sorting\": [{}], \"topics\": []}"
      },
      // a finished case started again from nowhere
      {
        "coordinator",
        "POST",
        "/engine-rest/process-definition/key/accompaniment-case/restart",
        "{}"
      },
      {
        "coordinator",
        "POST",
        "/engine-rest/process-definition/key/accompaniment-case/restart",
        "{\"instructions\": [{}], \"processInstanceIds\": [\"x\"]}"
      },
    };
    for (String[] request : refused) {
      HttpResponse<String> answer =
          switch (request[1]) {
            case "GET" -> attacker.get(request[0], request[2]);
            case "PUT" -> attacker.put(request[0], request[2], request[3]);
            default -> attacker.post(request[0], request[2], request[3]);
          };
      assertThat(answer.statusCode()).as(request[2] + " " + answer.body()).isIn(400, 404);
      Attacker.assertNoLeak(answer.body());
    }
    // a list of ids with one that is none: a batch was started, and each of its jobs failed
    long batches = engine.getManagementService().createBatchQuery().count();
    assertRefused(
        attacker.post("demo", "/engine-rest/job/retries", "{\"retries\": 1, \"jobIds\": [null]}"),
        400,
        "jobIds");
    assertRefused(
        attacker.post(
            "demo", "/engine-rest/process-instance/delete", "{\"processInstanceIds\": [\" \"]}"),
        400,
        "id でない値");
    assertThat(engine.getManagementService().createBatchQuery().count()).isEqualTo(batches);
    // a group's id changed in place: the engine answered as if two people had changed it at once
    var group = identityService.newGroup("rename-test");
    group.setName("名前を変える");
    identityService.saveGroup(group);
    try {
      assertRefused(
          attacker.put(
              "demo", "/engine-rest/group/rename-test", "{\"id\": \"renamed\", \"name\": \"x\"}"),
          400,
          "id は変えられません");
      assertThat(
              attacker
                  .put(
                      "demo",
                      "/engine-rest/group/rename-test",
                      "{\"id\": \"rename-test\", \"name\": \"新しい名前\"}")
                  .statusCode())
          .isEqualTo(204);
    } finally {
      identityService.deleteGroup("rename-test");
    }
    // an empty list of what to include is answered by the engine, as Cockpit's batch page asks
    // for the creators of no batch
    HttpResponse<String> noUsers =
        attacker.get("supervisor", "/engine-rest/user?idIn=&maxResults=0");
    assertThat(noUsers.statusCode()).as(noUsers.body()).isEqualTo(200);
    // Cockpit's 「ヒューマンタスク」 report, refused by the engine to all but administrators: a
    // refusal, not 「このタスクはもう終わっています」
    assertRefused(
        attacker.get("supervisor", "/engine-rest/task/report/candidate-group-count"), 403, "権限");
    // a job or a case that is not there
    assertRefused(
        attacker.put("companion", "/engine-rest/job/no-such-job/retries", "{\"retries\": 1}"), 404);
    assertRefused(
        attacker.post(
            "coordinator",
            "/engine-rest/modification/execute",
            "{\"processDefinitionId\": \""
                + repositoryService
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(CaseFile.PROCESS_KEY)
                    .latestVersion()
                    .singleResult()
                    .getId()
                + "\", \"processInstanceIds\": [\"no-such-case\"], \"instructions\":"
                + " [{\"type\": \"cancel\", \"activityId\": \"reviewTriage\"}]}"),
        404);
    // a task of a procedure is finished by its form, not deleted
    var pi = openedHere();
    var triage = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.claim(triage.getId(), "coordinator");
    assertRefused(
        attacker.delete("coordinator", "/engine-rest/task/" + triage.getId()), 400, "手続きの一部なので");
    // a text longer than the database holds, as the note of a change an administrator makes
    assertRefused(
        attacker.post(
            "demo",
            "/engine-rest/process-instance/" + pi.getId() + "/modification",
            "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"reviewTriage\"}],"
                + " \"annotation\": \""
                + "あ".repeat(5000)
                + "\"}"),
        400,
        "長すぎる文");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isOne();
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
    // the export of cases, over a period no case can fall in
    assertRefused(
        attacker.get(
            "coordinator", "/api/reports/cases.csv?from=-999999999-01-01&to=%2B999999999-12-31"),
        400,
        "1900 年から 2999 年");
    // a worker's fetch naming the variables it needs is no search condition: it works as before
    HttpResponse<String> fetched =
        attacker.post(
            "demo",
            "/engine-rest/external-task/fetchAndLock",
            "{\"workerId\": \"w\", \"maxTasks\": 1, \"topics\": [{\"topicName\":"
                + " \"no-such-topic\", \"lockDuration\": 1000, \"variables\": [\"x\"]}]}");
    assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
  }

  @Test
  void anAdministratorCannotStoreAValueThatBreaksTheCaseForEveryone(CapturedOutput output) {
    var pi = openedHere();
    String variables = "/engine-rest/process-instance/" + pi.getId() + "/variables";
    try {
      // each was stored before, and every later reading of the case's variables failed with a
      // server error, for the coordinator too (a reviewing helper's finds)
      String[][] refused = {
        {"PUT", variables + "/broken", "{\"type\": \"Json\", \"value\": \"{\"}"},
        {"PUT", variables + "/broken", "{\"type\": \"Xml\", \"value\": \"<\"}"},
        {
          "PUT",
          variables + "/broken",
          "{\"type\": \"Object\", \"value\": \"{}\", \"valueInfo\":"
              + " {\"objectTypeName\": \"java.lang.Runtime\", \"serializationDataFormat\":"
              + " \"application/json\"}}"
        },
        {"PUT", variables + "/broken", "{\"type\": \"Object\", \"value\": \"x\"}"},
        {
          "POST",
          variables,
          "{\"modifications\": {\"broken\": {\"type\": \"Json\", \"value\": \"[\"}}}"
        },
        {
          "POST",
          "/engine-rest/message",
          "{\"messageName\": \"x\", \"correlationKeys\": {\"k\":"
              + " {\"type\": \"Json\", \"value\": \"{\"}}}"
        },
        {
          "POST",
          "/engine-rest/message",
          "{\"messageName\": \"x\", \"processVariables\": {\"k\":"
              + " {\"type\": \"Object\", \"value\": \"[]\", \"valueInfo\": {\"objectTypeName\":"
              + " \"java.util.ArrayList\", \"serializationDataFormat\": \"application/json\"}}}}"
        },
      };
      for (String[] request : refused) {
        HttpResponse<String> answer =
            "PUT".equals(request[0])
                ? attacker.put("demo", request[1], request[2])
                : attacker.post("demo", request[1], request[2]);
        assertRefused(answer, 400, "この値は保存できません");
      }
      // the same values by the other ways a case's values are set by hand
      String broken = "{\"broken\": {\"type\": \"Json\", \"value\": \"{bad\"}}";
      assertRefused(
          attacker.post(
              "demo",
              "/engine-rest/process-instance/" + pi.getId() + "/modification",
              "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\":"
                  + " \"reviewTriage\", \"variables\": "
                  + broken
                  + "}]}"),
          400,
          "この値は保存できません");
      assertRefused(
          attacker.post(
              "demo",
              "/engine-rest/process-instance/variables-async",
              "{\"processInstanceIds\": [\"" + pi.getId() + "\"], \"variables\": " + broken + "}"),
          400,
          "この値は保存できません");
      // an account's profile sent for another id
      assertRefused(
          attacker.put(
              "demo",
              "/engine-rest/user/companion/profile",
              "{\"id\": \"companion2\", \"firstName\": \"x\", \"lastName\": \"\"}"),
          400,
          "id は変えられません");
      assertRefused(
          attacker.post(
              "demo",
              variables,
              "{\"modifications\": {\"\": {\"type\": \"String\", \"value\": \"x\"}}}"),
          400,
          "名前のない変数");
      assertRefused(
          attacker.post("demo", variables + "/scan/data", "{\"value\": \"x\"}"), 400, "multipart");
      // longer than the database holds: a name, a text
      assertRefused(
          attacker.put(
              "demo",
              variables + "/" + "n".repeat(300),
              "{\"type\": \"String\", \"value\": \"x\"}"),
          400,
          "長すぎる文");
      assertRefused(
          attacker.put(
              "demo",
              variables + "/note",
              "{\"type\": \"String\", \"value\": \"Zq9" + "x".repeat(5000) + "\"}"),
          400,
          "長すぎる文");
      // an answer, not an error: the database's words, which quote the value, are not logged
      assertThat(output.getAll()).doesNotContain("Zq9x", "ENGINE-16004");
      assertThat(engine.getRuntimeService().getVariable(pi.getId(), "broken")).isNull();
      assertThat(engine.getRuntimeService().getVariable(pi.getId(), "note")).isNull();
      // a list as the models store one is set as before, and the case reads as before
      HttpResponse<String> list =
          attacker.put(
              "demo",
              variables + "/listed",
              "{\"type\": \"Object\", \"value\": \"[\\\"a\\\"]\", \"valueInfo\":"
                  + " {\"objectTypeName\": \"java.util.ArrayList\", \"serializationDataFormat\":"
                  + " \"application/json\"}}");
      assertThat(list.statusCode()).as(list.body()).isEqualTo(204);
      HttpResponse<String> read = attacker.get("demo", variables);
      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      assertThat(engine.getRuntimeService().getVariable(pi.getId(), "listed"))
          .isEqualTo(List.of("a"));
    } finally {
      engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
    }
  }

  @Test
  void aCoordinatorsRegionsAreNotWipedByABodyWithoutThem() {
    for (String body : List.of("{}", "{\"prefecture\": [\"13\"]}")) {
      assertRefused(
          attacker.put("demo", "/api/admin/coordinators/coordinator/regions", body),
          400,
          "担当地域の一覧（prefectures）がありません");
    }
    assertThat(regions.regionsOf("coordinator")).containsExactly("*");
  }

  @Test
  void anIncompletePermissionIsRefusedInJapaneseAndNothingIsStored() {
    long before = authorizationService.createAuthorizationQuery().count();
    // each failed in the engine with a server error before (an administrator's paths)
    for (String body :
        List.of(
            "{}",
            "null",
            "{\"type\": 1, \"resourceType\": 0, \"resourceId\": \"x\", \"userId\": \"u\"}",
            "{\"type\": 7, \"permissions\": [\"READ\"], \"resourceType\": 0,"
                + " \"resourceId\": \"x\", \"userId\": \"u\"}",
            "{\"type\": \"grant\", \"permissions\": [\"READ\"], \"userId\": \"u\"}",
            "{\"type\": 1, \"permissions\": [7], \"userId\": \"u\"}",
            "{\"type\": 1, \"permissions\": [\"READ\"], \"resourceId\": \"x\"}",
            "{\"type\": 1, \"permissions\": [\"READ\"], \"userId\": \"u\","
                + " \"groupId\": \"g\"}",
            "{\"type\": 1, \"permissions\": [\"READ\"], \"userId\": \" \"}",
            // a permission for everyone names everyone, no one person and no group
            "{\"permissions\": [\"READ\"], \"resourceType\": 0, \"resourceId\": \"x\","
                + " \"userId\": \"u\"}",
            "{\"type\": 0, \"permissions\": [\"READ\"], \"resourceType\": 0,"
                + " \"resourceId\": \"x\", \"groupId\": \"g\"}")) {
      assertRefused(
          attacker.post("demo", "/engine-rest/authorization/create", body),
          400,
          "permissions に権限の名前の一覧");
    }
    // a change without its permissions, as the same body would come from Camunda Admin's API
    String id =
        authorizationService.createAuthorizationQuery().userIdIn("companion").list().get(0).getId();
    assertRefused(
        attacker.asTasklist(
            "demo",
            "PUT",
            "/camunda/api/engine/engine/default/authorization/" + id,
            "{\"id\": \"" + id + "\", \"userId\": \"companion\"}"),
        400,
        "userId か groupId のどちらか一方");
    // a change of a permission for everyone to one person: the engine's refusal, in Japanese
    var everyone = authorizationService.createNewAuthorization(0);
    everyone.setUserId("*");
    everyone.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
    everyone.setResourceId("attack-test-everyone");
    everyone.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    authorizationService.saveAuthorization(everyone);
    try {
      assertRefused(
          attacker.put(
              "demo",
              "/engine-rest/authorization/" + everyone.getId(),
              "{\"permissions\": [\"READ\"], \"resourceType\": 6,"
                  + " \"resourceId\": \"attack-test-everyone\", \"userId\": \"companion\"}"),
          400,
          "type 0 では userId を「*」に");
      assertThat(
              authorizationService
                  .createAuthorizationQuery()
                  .authorizationId(everyone.getId())
                  .singleResult()
                  .getUserId())
          .isEqualTo("*");
    } finally {
      authorizationService.deleteAuthorization(everyone.getId());
    }
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
    // one as Camunda Admin creates it (its type as text) is stored as before
    HttpResponse<String> granted =
        attacker.post(
            "demo",
            "/engine-rest/authorization/create",
            "{\"type\": \"1\", \"permissions\": [\"READ\"], \"resourceType\": 6,"
                + " \"resourceId\": \"attack-test\", \"userId\": \"companion\"}");
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    var stored =
        authorizationService
            .createAuthorizationQuery()
            .userIdIn("companion")
            .resourceType(6)
            .resourceId("attack-test")
            .singleResult();
    assertThat(stored.getAuthorizationType()).isEqualTo(1);
    authorizationService.deleteAuthorization(stored.getId());
  }

  @Test
  void aTaskLinkWithoutItsTypeIsRefusedAndTheTaskStaysReadable() {
    org.camunda.bpm.engine.task.Task task = taskService.newTask();
    taskService.saveTask(task);
    try {
      String links = "/engine-rest/task/" + task.getId() + "/identity-links";
      // stored before, and every later reading of the task's links failed with a server error
      for (String body :
          List.of(
              "{\"userId\": \"companion\"}",
              "{\"type\": \"\", \"groupId\": \"companions\"}",
              "{\"type\": \"candidate\"}",
              "{\"type\": \"candidate\", \"userId\": \"companion\", \"groupId\": \"x\"}",
              "null")) {
        assertRefused(attacker.post("demo", links, body), 400, "type（candidate など）");
        assertRefused(attacker.post("demo", links + "/delete", body), 400, "type（candidate など）");
      }
      assertThat(taskService.getIdentityLinksForTask(task.getId())).isEmpty();
      // a candidate group as Tasklist adds it, read back
      assertThat(
              attacker
                  .post(
                      "demo",
                      links,
                      "{\"type\": \"candidate\", \"groupId\": \"companions\", \"userId\": null}")
                  .statusCode())
          .isEqualTo(204);
      HttpResponse<String> read = attacker.get("demo", links);
      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      assertThat(read.body()).contains("\"groupId\":\"companions\"");
    } finally {
      taskService.deleteTask(task.getId(), true);
    }
  }

  private org.camunda.bpm.engine.runtime.ProcessInstance openedHere() {
    casesOpenedHere++;
    return jp.bansou.casefile.CaseDriver.start(engine, Intake.person());
  }

  private long cases() {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseFile.PROCESS_KEY)
        .count();
  }

  private HttpResponse<String> submit(Map<String, Object> changed) {
    return post(intake(changed));
  }

  private HttpResponse<String> submitRaw(
      String name, com.fasterxml.jackson.databind.JsonNode value) {
    ObjectNode variables = intake(Map.of());
    variables.set(name, value);
    return post(variables);
  }

  private HttpResponse<String> post(ObjectNode variables) {
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return attacker.post("coordinator", START, body.toString());
  }

  /** A valid intake as Tasklist sends it, with some values changed. */
  static ObjectNode intake(Map<String, Object> changed) {
    ObjectNode variables = JSON.createObjectNode();
    var person = Intake.person().variables();
    for (String name : person.keySet()) {
      TypedValue typed = person.getValueTyped(name);
      if (changed.containsKey(name)) {
        variables.set(name, plain(changed.get(name)));
      } else if (typed.getValue() instanceof org.camunda.spin.json.SpinJsonNode) {
        variables.set(
            name,
            JSON.createObjectNode()
                .put("value", String.valueOf(typed.getValue()))
                .put("type", "Json"));
      } else {
        variables.set(name, plain(typed.getValue()));
      }
    }
    changed.forEach(
        (name, value) -> {
          if (!variables.has(name)) {
            variables.set(name, plain(value));
          }
        });
    return variables;
  }

  private static ObjectNode plain(Object value) {
    return JSON.createObjectNode().putPOJO("value", value);
  }

  private static ObjectNode list(String... values) {
    try {
      return JSON.createObjectNode()
          .put("value", JSON.writeValueAsString(List.of(values)))
          .put("type", "Json");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
