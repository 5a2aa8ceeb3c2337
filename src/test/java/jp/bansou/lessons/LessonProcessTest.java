package jp.bansou.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.Refusals;
import jp.bansou.TestAccounts;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.engine.Refusal;
import jp.bansou.lessons.LessonRegister.Lesson;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Process {@code lesson} and the register's search: a lesson refused for an identifier, returned to
 * its writer, or reviewed, published and found by problem field, office type, status category and
 * prefecture — by companions, not by the policy team.
 */
@CaseEngineTest
class LessonProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired LessonRegister register;
  @Autowired jp.bansou.person.CaseVisibility visibility;
  @Autowired TestRestTemplate rest;
  @Autowired jp.bansou.person.CaseAccess caseAccess;

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @AfterEach
  void signedOut() {
    identityService.clearAuthentication();
  }

  @Test
  void aReviewedLessonIsPublishedAndFoundBySearch() {
    String caseNumber = openCase(Intake.person().with("prefecture", "46"));
    String unique = "窓口で雇用契約書の写しを求められた " + System.nanoTime();
    ProcessInstance lesson = write("companion", caseNumber, unique, "pay-slips");
    assertThat(lesson).isWaitingAt("reviewLesson");
    assertThat(register.search("labour", "labour-standards-office", null, "46"))
        .extracting(Lesson::whatWasSaid)
        .doesNotContain(unique);

    review(lesson, "publish");

    assertThat(lesson).isEnded().hasPassed("publishLesson", "lessonPublished");
    assertThat(register.search("labour", "labour-standards-office", "technical-intern", "46"))
        .extracting(Lesson::whatWasSaid)
        .contains(unique);
    assertThat(register.search("housing", null, null, null))
        .extracting(Lesson::whatWasSaid)
        .doesNotContain(unique);
    assertThat(register.search(null, "immigration-bureau", null, null))
        .extracting(Lesson::whatWasSaid)
        .doesNotContain(unique);

    ResponseEntity<String> found =
        rest.withBasicAuth("companion", "companion")
            .getForEntity(
                "/api/lessons?problemField=labour&officeType=labour-standards-office&prefecture=46",
                String.class);
    assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(found.getBody()).contains(unique, "労働基準監督署").doesNotContain(caseNumber);
    assertThat(
            rest.withBasicAuth("policy", "policy")
                .getForEntity("/api/lessons", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aReturnedLessonGoesBackToItsWriterAndIsNotPublished() {
    String caseNumber = openCase(Intake.person().with("prefecture", "46"));
    String unique = "返されるはずの記録 " + System.nanoTime();
    ProcessInstance lesson = write("companion", caseNumber, unique, "passport");

    review(lesson, "return");

    Task read = task("readLessonReview", lesson);
    assertThat(read.getAssignee()).isEqualTo("companion");
    taskService.complete(read.getId());
    assertThat(lesson).isEnded().hasPassed("returnLesson", "lessonNotPublished");
    assertThat(register.statusOf(lesson.getId())).isEqualTo("returned");
    assertThat(register.search(null, null, null, null))
        .extracting(Lesson::whatWasSaid)
        .doesNotContain(unique);
  }

  @Test
  void aLessonThatNamesThePersonIsRefused() {
    Intake intake = Intake.person().with("prefecture", "46");
    String caseNumber = openCase(intake);

    assertThatThrownBy(
            () -> write("companion", caseNumber, intake.personName() + "さんと行った", "passport"))
        .hasRootCauseInstanceOf(Refusal.class)
        .rootCause()
        .hasMessageContaining("名前");
    assertThatThrownBy(
            () -> write("companion", caseNumber, "電話は " + intake.phone() + " でした", "passport"))
        .hasRootCauseInstanceOf(Refusal.class)
        .rootCause()
        .hasMessageContaining("電話番号");
  }

  @Test
  void onlyTheCasesCompanionOrACoordinatorWritesAboutIt() {
    String caseNumber = openCase(Intake.person().with("prefecture", "46"));
    String notTheirs =
        Refusals.messageOf(() -> write("companion2", caseNumber, "ほかの人のケース", "passport"));
    assertThat(notTheirs).contains("このケースの伴走者");
    // a number that is no case gets the same answer: the refusal tells nobody which cases exist
    assertThat(Refusals.messageOf(() -> write("companion2", "2026-999999", "ないケース", "passport")))
        .isEqualTo(notTheirs.replace(caseNumber, "2026-999999"));
    // a coordinator of another region, whatever the note says: the answer tells them neither
    // that the case exists nor whose name is in it (found by a helper)
    Intake person = Intake.person().with("prefecture", "46");
    String another = openCase(person);
    coordinatorOf("47");
    for (String said : List.of("窓口で", person.personName() + "さんと窓口へ")) {
      assertThat(
              Refusals.messageOf(() -> write("coordinator-lessons-47", another, said, "passport")))
          .isEqualTo(notTheirs.replace(caseNumber, another));
    }
  }

  private void coordinatorOf(String prefecture) {
    String id = "coordinator-lessons-" + prefecture;
    if (identityService.createUserQuery().userId(id).count() == 0) {
      var user = identityService.newUser(id);
      user.setPassword(id);
      TestAccounts.save(identityService, user);
      identityService.createMembership(id, "coordinators");
    }
    caseAccess.setRegions(id, List.of(prefecture));
  }

  /**
   * A restricted (DV) case is in no lesson: every companion reads a lesson with the case's
   * prefecture and categories. Its companion is told why; a coordinator who does not see the case
   * gets the answer for a case that is not theirs, which says nothing of the restriction.
   */
  @Test
  void aRestrictedCaseIsInNoLesson() {
    String caseNumber = openCase(Intake.person().with("prefecture", "46"));
    visibility.restrict(caseNumber, "coordinator");

    assertThat(Refusals.messageOf(() -> write("companion", caseNumber, "制限されたケース", "passport")))
        .contains("閲覧が制限されたケース");
    if (identityService.createUserQuery().userId("coordinator-lessons").count() == 0) {
      var user = identityService.newUser("coordinator-lessons");
      user.setFirstName("別の地域のコーディネーター");
      user.setPassword("coordinator-lessons");
      TestAccounts.save(identityService, user);
      identityService.createMembership("coordinator-lessons", "coordinators");
    }
    String other =
        Refusals.messageOf(() -> write("coordinator-lessons", caseNumber, "x", "passport"));
    assertThat(other).contains("このケースの伴走者").doesNotContain("制限");
  }

  @Test
  void aLessonOfACaseRestrictedAfterwardsIsNoLongerFound() {
    String caseNumber = openCase(Intake.person().with("prefecture", "46"));
    String unique = "あとで制限されたケースの教訓 " + System.nanoTime();
    review(write("companion", caseNumber, unique, "pay-slips"), "publish");
    assertThat(register.search(null, null, null, "46"))
        .extracting(Lesson::whatWasSaid)
        .contains(unique);

    visibility.restrict(caseNumber, "coordinator");

    // every companion reads lessons, with the case's prefecture and categories
    assertThat(register.search(null, null, null, null))
        .extracting(Lesson::whatWasSaid)
        .doesNotContain(unique);
  }

  // ---------------------------------------------------------------- helpers

  private String openCase(Intake intake) {
    ProcessInstance pi = CaseDriver.start(engine, intake.list("problemFields", "labour"));
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    CaseDriver.complete(engine, pi, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    return pi.getBusinessKey();
  }

  private ProcessInstance write(String writer, String caseNumber, String said, String document) {
    identityService.setAuthentication(writer, List.of("companions"));
    try {
      String definition =
          engine
              .getRepositoryService()
              .createProcessDefinitionQuery()
              .processDefinitionKey(Lessons.PROCESS_KEY)
              .latestVersion()
              .singleResult()
              .getId();
      return engine
          .getFormService()
          .submitStartForm(
              definition,
              Map.of(
                  "caseNumber", caseNumber,
                  "officeType", "labour-standards-office",
                  "visitPurpose", "labour-complaint",
                  "lessonProblemField", "labour",
                  "lessonWhatWasSaid", said,
                  "lessonWhatWorked", "給与明細を全部そろえて持って行くと、すぐに受け付けてもらえた",
                  "lessonDocuments", FormJson.list(List.of(document))));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void review(ProcessInstance lesson, String decision) {
    CaseDriver.complete(
        engine,
        lesson,
        "reviewLesson",
        "coordinator",
        Map.of("lessonDecision", decision, "lessonReviewNote", "もう少し具体的に"));
  }
}
