package jp.bansou.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.companion.CompanionPauses;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.engine.Option;
import jp.bansou.engine.Refusal;
import jp.bansou.person.PersonRecords;
import jp.bansou.person.PersonRecords.Sight;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Process {@code call-for-help}: answered, joined, advised; asked in Tasklist or at a check-in. */
@CaseEngineTest
class CallForHelpProcessTest {

  static final String PREFECTURE = "47";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired CompanionProfiles profiles;
  @Autowired CompanionPauses pauses;
  @Autowired PersonRecords records;
  @Autowired jp.bansou.engine.People people;
  @Autowired jp.bansou.person.CaseAccess access;
  @Autowired CallForHelpRecords calls;
  @Autowired JdbcTemplate jdbc;

  private final List<String> created = new ArrayList<>();

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @AfterEach
  void withoutOurCompanions() {
    identityService.clearAuthentication();
    for (String id : created) {
      jdbc.update("delete from companion_profile where user_id = ?", id);
      identityService.deleteUser(id);
    }
  }

  @Test
  void companionAsksAndTheCoordinatorAnswers() {
    String a = newCompanion(false);
    String caseNumber = openCase(Intake.person(), a).getBusinessKey();

    ProcessInstance call = ask(a, caseNumber, "入管で書類が足りないと言われました。何を持って行けばよいですか");
    assertThat(call).isWaitingAt("answerCallForHelp");
    assertThat(task("answerCallForHelp", call).getAssignee()).isNull();
    assertThat(runtimeService.getVariable(call.getId(), "caseOverview")).isNotNull();
    // the coordinator reads who asked by name, not by login id
    assertThat(runtimeService.getVariable(call.getId(), "helpAskedByName"))
        .isEqualTo("テスト伴走者 " + a);
    complete(
        call,
        "answerCallForHelp",
        "coordinator",
        Map.of("helpResponse", "answer", "helpAnswer", "住民票と源泉徴収票を持って行ってください"));

    Task read = task("readHelpAnswer", call);
    assertThat(read.getAssignee()).isEqualTo(a);
    taskService.complete(read.getId());
    assertThat(call).isEnded().hasPassed("closeCallForHelp", "helpGiven").hasNotPassed("joinCase");
    assertThat(calls.responseOf(call.getId())).isEqualTo("answer");
  }

  @Test
  void aCheckInThatNeedsHelpOpensACallAndTheCoordinatorJoins() {
    String a = newCompanion(false);
    ProcessInstance pi = openCase(Intake.person(), a);
    execute(job("checkInDue", pi));
    CaseDriver.complete(
        engine, pi, "checkIn", a, Map.of("checkInStatus", "会社と話が進まない", "checkInNeedsHelp", true));

    ProcessInstance call = callOf(pi.getBusinessKey());
    assertThat(call).isWaitingAt("answerCallForHelp").hasPassed("helpNeededAtCheckIn");
    assertThat(runtimeService.getVariable(call.getId(), "helpAskedBy")).isEqualTo(a);
    assertThat((String) runtimeService.getVariable(call.getId(), "helpQuestion"))
        .contains("会社と話が進まない");
    complete(call, "answerCallForHelp", "coordinator", Map.of("helpResponse", "join"));

    assertThat(call).hasPassed("joinCase");
    // by the coordinator's name, not their login id
    assertThat((String) runtimeService.getVariable(call.getId(), "helpJoinedNote"))
        .contains(people.name("coordinator"))
        .doesNotContain("（coordinator）");
    taskService.complete(task("readHelpAnswer", call).getId());
    assertThat(call).isEnded();
  }

  @Test
  void aCheckInWithoutTheBoxTickedOpensNoCall() {
    String a = newCompanion(false);
    ProcessInstance pi = openCase(Intake.person(), a);
    execute(job("checkInDue", pi));
    CaseDriver.complete(
        engine, pi, "checkIn", a, Map.of("checkInStatus", "順調です", "checkInNeedsHelp", false));
    assertThat(callOf(pi.getBusinessKey())).isNull();
  }

  @Test
  void anExperiencedCompanionAdvisesWithoutSeeingThePerson() {
    String a = newCompanion(false);
    String adviser = newCompanion(true);
    String caseNumber = openCase(Intake.person(), a).getBusinessKey();
    ProcessInstance call = ask(a, caseNumber, "未払い賃金の請求で、会社が話し合いに応じません");
    assertThat(adviserOptions(call)).contains(adviser).doesNotContain(a);

    complete(
        call,
        "answerCallForHelp",
        "coordinator",
        Map.of("helpResponse", "advise", "adviserId", adviser));

    Task advise = task("adviseCompanion", call);
    assertThat(advise.getAssignee()).isEqualTo(adviser);
    assertThat(records.sightOf(adviser, caseNumber)).isEqualTo(Sight.NONE);
    assertThat(taskService.getVariables(advise.getId()))
        .containsKeys("helpQuestion", "caseOverview")
        .doesNotContainKeys("personName", "phone", "email", "birthDate");
    taskService.complete(advise.getId(), Map.of("helpAdvice", "労働基準監督署に申告しましょう"));

    assertThat(call).hasPassed("adviseCompanion");
    assertThat(task("readHelpAnswer", call).getAssignee()).isEqualTo(a);
  }

  @Test
  void theCoordinatorMayLetTheAdviserSeeThePersonUntilTheCallEnds() {
    String a = newCompanion(false);
    String adviser = newCompanion(true);
    String caseNumber = openCase(Intake.person(), a).getBusinessKey();
    ProcessInstance call = ask(a, caseNumber, "在留資格の更新で書類が足りないと言われました");

    complete(
        call,
        "answerCallForHelp",
        "coordinator",
        Map.of("helpResponse", "advise", "adviserId", adviser, "adviserSeesPerson", true));

    assertThat(records.sightOf(adviser, caseNumber)).isEqualTo(Sight.ALL);
    complete(call, "adviseCompanion", adviser, Map.of("helpAdvice", "入管に理由書を出しましょう"));
    assertThat(records.sightOf(adviser, caseNumber)).isEqualTo(Sight.ALL);
    complete(call, "readHelpAnswer", a, Map.of());

    assertThat(call).isEnded();
    assertThat(records.sightOf(adviser, caseNumber)).isEqualTo(Sight.NONE);
    assertThat(records.sightOf(a, caseNumber)).isEqualTo(Sight.ALL);
  }

  @Test
  void onlyACoordinatorWhoSeesThePersonMayShowIt() {
    String a = newCompanion(false);
    String adviser = newCompanion(true);
    String elsewhere = "coordinator-elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(elsewhere);
    user.setPassword("a-long-test-password");
    identityService.saveUser(user);
    identityService.createMembership(elsewhere, "coordinators");
    created.add(elsewhere);
    access.setRegions(elsewhere, List.of("01"));
    String caseNumber = openCase(Intake.person(), a).getBusinessKey();
    ProcessInstance call = ask(a, caseNumber, "相談です");

    assertThatThrownBy(
            () ->
                complete(
                    call,
                    "answerCallForHelp",
                    elsewhere,
                    Map.of(
                        "helpResponse", "advise", "adviserId", adviser, "adviserSeesPerson", true)))
        .hasRootCauseInstanceOf(Refusal.class)
        .rootCause()
        .hasMessageContaining("地域を受け持つコーディネーター");
    assertThat(call).isWaitingAt("answerCallForHelp");
    assertThat(records.sightOf(adviser, caseNumber)).isEqualTo(Sight.NONE);
    access.setRegions(elsewhere, List.of());
  }

  @Test
  void askingAnAdviserNeedsOneChosen() {
    String a = newCompanion(false);
    String caseNumber = openCase(Intake.person(), a).getBusinessKey();
    ProcessInstance call = ask(a, caseNumber, "相談です");

    assertThatThrownBy(
            () ->
                complete(
                    call, "answerCallForHelp", "coordinator", Map.of("helpResponse", "advise")))
        .hasRootCauseInstanceOf(Refusal.class);
    assertThat(call).isWaitingAt("answerCallForHelp");
  }

  @Test
  void onlyTheCasesCompanionAsksAndNeverWithThePersonsName() {
    String a = newCompanion(false);
    String b = newCompanion(false);
    Intake intake = Intake.person();
    String caseNumber = openCase(intake, a).getBusinessKey();

    String notTheirs = jp.bansou.Refusals.messageOf(() -> ask(b, caseNumber, "相談です"));
    assertThat(notTheirs).contains("ケースの伴走者だけ");
    // a number that is no case gets the same answer: it tells nobody which case numbers exist
    assertThat(jp.bansou.Refusals.messageOf(() -> ask(b, "2026-999999", "相談です")))
        .isEqualTo(notTheirs.replace(caseNumber, "2026-999999"));
    assertThatThrownBy(() -> ask(a, caseNumber, intake.personName() + "さんのことで相談です"))
        .hasRootCauseInstanceOf(Refusal.class)
        .rootCause()
        .hasMessageContaining("名前");
    assertThat(callOf(caseNumber)).isNull();
  }

  // ---------------------------------------------------------------- helpers

  private String newCompanion(boolean certified) {
    String id = "helper-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword("a-long-test-password");
    user.setFirstName("テスト伴走者");
    user.setLastName(id);
    identityService.saveUser(user);
    identityService.createMembership(id, "companions");
    profiles.save(
        new CompanionProfile(
            id,
            "テスト伴走者 " + id,
            List.of(PREFECTURE),
            Map.of("ja", CompanionProfile.FLUENT, "vi", CompanionProfile.FLUENT),
            List.of("labour"),
            false,
            false,
            true,
            certified));
    created.add(id);
    return id;
  }

  private ProcessInstance openCase(Intake intake, String companion) {
    ProcessInstance pi =
        CaseDriver.start(
            engine, intake.with("prefecture", PREFECTURE).list("problemFields", "labour"));
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", companion));
    CaseDriver.complete(engine, pi, "offerCase", companion, Map.of("offerAnswer", "accept"));
    return pi;
  }

  private ProcessInstance ask(String companion, String caseNumber, String question) {
    identityService.setAuthentication(companion, List.of("companions"));
    try {
      String definition =
          engine
              .getRepositoryService()
              .createProcessDefinitionQuery()
              .processDefinitionKey(CallForHelp.PROCESS_KEY)
              .latestVersion()
              .singleResult()
              .getId();
      return engine
          .getFormService()
          .submitStartForm(
              definition,
              Map.of("caseNumber", caseNumber, "helpField", "labour", "helpQuestion", question));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessInstance callOf(String caseNumber) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(CallForHelp.PROCESS_KEY)
        .variableValueEquals("caseNumber", caseNumber)
        .singleResult();
  }

  private void complete(
      ProcessInstance pi, String key, String user, Map<String, Object> variables) {
    CaseDriver.complete(engine, pi, key, user, variables);
  }

  private List<String> adviserOptions(ProcessInstance call) {
    return CallForHelp.ADVISER_OPTIONS
        .read(runtimeService.getVariable(call.getId(), "adviserOptions"))
        .orElseThrow()
        .stream()
        .map(Option::value)
        .toList();
  }
}
