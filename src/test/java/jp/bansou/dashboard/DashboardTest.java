package jp.bansou.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.Intake;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/dashboard}: every number equals a count made another way, straight from the engine
 * (runtime, history, variables) and the profiles, over whatever cases the tests have made.
 */
@CaseEngineTest
class DashboardTest {

  @Autowired TestRestTemplate rest;
  @Autowired FormService formService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired CompanionProfiles profiles;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired jp.bansou.person.CaseVisibility visibility;

  @org.junit.jupiter.api.BeforeEach
  void assertions() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
  }

  @Test
  void urgencyLevelsAreReadOutsideTheEngineAsTheFirstDashboardRequestOfTheDayDoes() {
    // a fresh reader has nothing cached: it evaluates the table outside any engine command
    var levels = new jp.bansou.triage.UrgencyLevels(engine).all();

    assertThat(levels)
        .extracting(jp.bansou.triage.UrgencyLevels.Level::code)
        .containsExactly("emergency", "urgent", "normal");
  }

  @Test
  void numbersEqualCountsMadeFromTheEngine() throws Exception {
    seedCases();

    JsonNode d = dashboardAs("supervisor");

    List<ProcessInstance> open =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("accompaniment-case")
            .list();
    assertThat(d.at("/openCases/total").asLong()).isEqualTo(open.size());

    Map<String, Long> urgency =
        new HashMap<>(Map.of("emergency", 0L, "urgent", 0L, "normal", 0L, "untriaged", 0L));
    Map<String, Long> stage = new HashMap<>();
    for (ProcessInstance pi : open) {
      Object u =
          runtimeService.getVariable(pi.getId(), "trackList") == null
              ? null
              : runtimeService.getVariable(pi.getId(), "urgency");
      urgency.merge(u == null ? "untriaged" : u.toString(), 1L, Long::sum);
      stage.merge(
          stageFromModel(
              pi.getProcessDefinitionId(), runtimeService.getActiveActivityIds(pi.getId())),
          1L,
          Long::sum);
    }
    for (var e : urgency.entrySet()) {
      assertThat(shown(d.at("/openCases/byUrgency/" + e.getKey())))
          .as(e.getKey())
          .isEqualTo(fewHidden(e.getValue()));
    }
    for (String s : List.of("intake", "triage", "matching", "support", "closure")) {
      assertThat(shown(d.at("/openCases/byStage/" + s)))
          .as(s)
          .isEqualTo(fewHidden(stage.getOrDefault(s, 0L)));
    }

    Date now = new Date();
    long overdue =
        taskService.createTaskQuery().list().stream()
            .filter(t -> t.getDueDate() != null && t.getDueDate().before(now))
            .count();
    assertThat(d.at("/overdueTasks/count").asLong()).isEqualTo(overdue);

    Map<String, Long> outcomes = new HashMap<>();
    for (HistoricProcessInstance closed :
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("accompaniment-case")
            .finished()
            .list()) {
      String outcome = outcomeOf(closed.getId());
      if (outcome != null) {
        outcomes.merge(outcome, 1L, Long::sum);
      }
    }
    assertThat(outcomes).containsKey("duplicate");
    for (var e : outcomes.entrySet()) {
      assertThat(shown(d.at("/outcomes/counts/" + e.getKey())))
          .as(e.getKey())
          .isEqualTo(fewHidden(e.getValue()));
    }

    LocalDate monday =
        LocalDate.now(EngineClock.JAPAN).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    long openedThisWeek =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("accompaniment-case")
            .startedAfter(Date.from(monday.atStartOfDay(EngineClock.JAPAN).toInstant()))
            .count();
    JsonNode thisWeek = d.at("/weekly/11");
    assertThat(thisWeek.get("from").asText()).isEqualTo(monday.toString());
    assertThat(thisWeek.get("opened").asLong()).isEqualTo(openedThisWeek);

    Map<String, Long> casesByPrefecture = new HashMap<>();
    for (ProcessInstance pi : open) {
      casesByPrefecture.merge(
          (String) runtimeService.getVariable(pi.getId(), "prefecture"), 1L, Long::sum);
    }
    for (JsonNode p : d.get("prefectures")) {
      String code = p.get("code").asText();
      long companions =
          profiles.available().stream()
              .filter(c -> !c.interpreter() && c.prefectures().contains(code))
              .count();
      long cases = casesByPrefecture.getOrDefault(code, 0L);
      assertThat(shown(p.get("openCases"))).as(code).isEqualTo(fewHidden(cases));
      assertThat(p.get("companions").asLong()).as(code).isEqualTo(companions);
      assertThat(p.get("gap").asBoolean()).as(code).isEqualTo(cases > 0 && companions == 0);
    }
    assertThat(prefecture(d, "47").get("gap").asBoolean()).isTrue();
    assertThat(prefecture(d, "13").get("gap").asBoolean()).isFalse();

    // a case counts for its companion once accepted: offered cases carry companionId already
    long companionCases =
        open.stream()
            .filter(pi -> "companion".equals(runtimeService.getVariable(pi.getId(), "companionId")))
            .filter(pi -> !runtimeService.getActiveActivityIds(pi.getId()).contains("offerCase"))
            .count();
    JsonNode workload = null;
    for (JsonNode row : d.get("companionWorkload")) {
      if (row.get("companion").asText().equals(displayNameOf("companion"))) {
        workload = row;
      }
    }
    assertThat(workload.get("openCases").asLong()).isEqualTo(companionCases);
    assertThat(workload.get("openTasks").asLong())
        .isEqualTo(taskService.createTaskQuery().taskAssignee("companion").count());
  }

  @Test
  void onlyCoordinatorsAndSupervisorsMaySeeIt() {
    assertThat(get("coordinator", "/api/dashboard").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("supervisor", "/api/dashboard").getStatusCode()).isEqualTo(HttpStatus.OK);
    for (String other : List.of("companion", "interpreter", "lawyer", "policy", "modeller")) {
      assertThat(get(other, "/api/dashboard").getStatusCode())
          .as(other)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get(other, "/dashboard").getStatusCode())
          .as(other)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get(other, "/api/reports/cases.csv").getStatusCode())
          .as(other)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity("/api/dashboard", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void coordinatorOptsIntoTheDailyDigestAndChoosesTheMailLanguage() {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    ResponseEntity<String> put =
        rest.withBasicAuth("coordinator", "coordinator")
            .exchange(
                "/api/me/notification-settings",
                org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(
                    "{\"dailyDigest\": true, \"mailLanguage\": \"en\"}", headers),
                String.class);
    assertThat(put.getBody()).contains("\"dailyDigest\":true", "\"mailLanguage\":\"en\"");
    assertThat(identityService.getUserInfo("coordinator", "dailyDigest")).isEqualTo("true");
    assertThat(get("coordinator", "/api/me/notification-settings").getBody())
        .contains("\"mailLanguage\":\"en\"");
    ResponseEntity<String> wrong =
        rest.withBasicAuth("coordinator", "coordinator")
            .exchange(
                "/api/me/notification-settings",
                org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>("{\"mailLanguage\": \"fr\"}", headers),
                String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    identityService.setUserInfo("coordinator", "mailLanguage", "ja");
  }

  @Test
  void pageLoadsItsScriptsAndChartLibrary() {
    ResponseEntity<String> page = get("supervisor", "/dashboard");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody())
        .contains(
            "伴走支援ダッシュボード", "/webjars/chart.js/dist/chart.umd.min.js", "/dashboard/dashboard.js");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'self'");
    assertThat(get("supervisor", "/webjars/chart.js/dist/chart.umd.min.js").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("supervisor", "/dashboard/dashboard.js").getBody())
        .contains("textContent")
        .doesNotContain("innerHTML");
    ResponseEntity<String> login = rest.getForEntity("/dashboard/login.html", String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(login.getBody()).contains("ログイン");
  }

  /** Cases at several stages in a prefecture nobody covers (47) and one that is covered (13). */
  @Test
  void overdueTasksOfRestrictedCasesAreLeftOutThoughMoreThanAListOfThemComeFirst()
      throws Exception {
    // more restricted cases' overdue tasks than the list holds, due before every other task, and
    // two of unrestricted cases after them: found on the next page
    List<Task> overdue = new ArrayList<>();
    List<String> restricted = new ArrayList<>();
    for (int i = 0; i < DashboardService.LISTED_TASKS + 3; i++) {
      ProcessInstance pi =
          runtimeService.startProcessInstanceByKey(
              "accompaniment-case", Intake.person().variables());
      if (i < DashboardService.LISTED_TASKS + 1) {
        visibility.restrict(pi.getBusinessKey(), "coordinator");
        restricted.add(pi.getBusinessKey());
      }
      Task triage = task("reviewTriage", pi);
      overdue.add(triage);
      triage.setDueDate(Date.from(Instant.parse("2000-01-01T00:00:00Z").plusSeconds(60L * i)));
      taskService.saveTask(triage);
    }
    try {
      JsonNode listed = dashboardAs("supervisor").at("/overdueTasks/tasks");

      List<String> caseNumbers = new ArrayList<>();
      listed.forEach(t -> caseNumbers.add(t.get("caseNumber").asText()));
      assertThat(caseNumbers).doesNotContainAnyElementsOf(restricted);
      assertThat(caseNumbers.subList(0, 2))
          .containsExactly(
              caseOf(overdue.get(DashboardService.LISTED_TASKS + 1)),
              caseOf(overdue.get(DashboardService.LISTED_TASKS + 2)));
    } finally {
      // ordinary open tasks again, for the other tests
      for (Task task : overdue) {
        Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        now.setDueDate(null);
        taskService.saveTask(now);
      }
    }
  }

  private String caseOf(Task task) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId())
        .singleResult()
        .getBusinessKey();
  }

  private void seedCases() {
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("accompaniment-case")
            .latestVersion()
            .singleResult()
            .getId();
    Intake uncovered = Intake.person().with("prefecture", "47");
    formService.submitStartForm(definition, uncovered.variables());
    // and one closed case, so that the outcome counts are compared against something
    ProcessInstance duplicate =
        formService.submitStartForm(
            definition, Intake.person().with("phone", uncovered.phone()).variables());
    taskService.complete(
        task("reviewPossibleDuplicate", duplicate).getId(),
        Map.of("duplicateDecision", "closeAsDuplicate"));
    ProcessInstance triaged =
        formService.submitStartForm(
            definition, Intake.person().with("noHousing", true).variables());
    taskService.complete(task("reviewTriage", triaged).getId());
    taskService.complete(
        task("confirmCompanion", triaged).getId(), Map.of("companionId", "companion"));
    Task offer = task("offerCase", triaged);
    taskService.claim(offer.getId(), "companion");
    taskService.complete(offer.getId(), Map.of("offerAnswer", "accept"));
  }

  /**
   * The stage as the deployed model marks it (each user task's {@code caseStage} property, the
   * earliest stage in the process's list wins), read from the active activities instead of tasks.
   */
  private String stageFromModel(String definitionId, List<String> active) {
    var model = repositoryService.getBpmnModelInstance(definitionId);
    List<String> order = new java.util.ArrayList<>();
    String withoutTask = null;
    var process = model.getModelElementById("accompaniment-case");
    for (var p :
        process
            .getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class)
            .iterator()
            .next()
            .getElementsQuery()
            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
            .singleResult()
            .getCamundaProperties()) {
      if (p.getCamundaName().startsWith("caseStage:")) {
        order.add(p.getCamundaName().substring("caseStage:".length()));
      } else if (p.getCamundaName().equals("caseStageWithoutTask")) {
        withoutTask = p.getCamundaValue();
      }
    }
    String earliest = null;
    for (String id : active) {
      var element = model.getModelElementById(id);
      if (!(element instanceof org.camunda.bpm.model.bpmn.instance.UserTask task)
          || task.getExtensionElements() == null) {
        continue;
      }
      for (var props :
          task.getExtensionElements()
              .getElementsQuery()
              .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
              .list()) {
        for (var p : props.getCamundaProperties()) {
          if (p.getCamundaName().equals("caseStage")
              && (earliest == null
                  || order.indexOf(p.getCamundaValue()) < order.indexOf(earliest))) {
            earliest = p.getCamundaValue();
          }
        }
      }
    }
    return earliest == null ? withoutTask : earliest;
  }

  /** A count as the dashboard shows it: null stands for fewer than three people. */
  private static Long shown(JsonNode count) {
    return count.isNull() ? null : count.asLong();
  }

  /** The count a breakdown may show: one or two people are not shown. */
  private static Long fewHidden(long count) {
    return count > 0 && count < 3 ? null : count;
  }

  private String outcomeOf(String processInstanceId) {
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v :
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .list()) {
      vars.put(v.getName(), v.getValue());
    }
    if ("closeAsDuplicate".equals(vars.get("duplicateDecision"))) {
      return "duplicate";
    }
    return (String) vars.get("outcome");
  }

  private String displayNameOf(String userId) {
    return profiles.available().stream()
        .filter(p -> p.userId().equals(userId))
        .map(CompanionProfile::displayName)
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode prefecture(JsonNode d, String code) {
    for (JsonNode p : d.get("prefectures")) {
      if (p.get("code").asText().equals(code)) return p;
    }
    throw new AssertionError(code);
  }

  private JsonNode dashboardAs(String user) throws Exception {
    ResponseEntity<String> response = get(user, "/api/dashboard");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(response.getBody());
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, String.class);
  }
}
