package jp.bansou.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.deadlines.DeadlineWatches;
import jp.bansou.engine.EngineClock;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Process {@code document-preparation}: one test per path, and the templates shipped as data. */
@CaseEngineTest
class DocumentPreparationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DeadlineWatches watches;
  @Autowired DocumentTemplates templates;

  final LocalDate due = LocalDate.now(EngineClock.JAPAN).plusDays(10);

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @Test
  void theCompanionDraftsWithThePersonAndHandsItIn() {
    ProcessInstance pi = start();
    assertThat(task("chooseDocument", pi)).isAssignedTo("companion");

    choose(pi, "appeal", "companion");

    assertThat(pi).isWaitingAt("draftWithPerson").hasPassed("prepareTemplate", "enterDocumentDue");
    assertThat(task("draftWithPerson", pi)).isAssignedTo("companion");
    assertThat(task("draftWithPerson", pi).getDueDate()).isEqualTo(dueAt(due));
    assertThat(pi)
        .variables()
        .containsEntry("documentName", "審査請求書（行政不服審査法）")
        .containsKey("documentTemplate");
    assertThat((String) runtimeService.getVariable(pi.getId(), "documentTemplate"))
        .contains("行政不服審査法", "【");
    // the due date is watched by the case's watch: 3 days ahead
    Job alert = watchAlert(pi);
    assertThat(alert.getDuedate().toInstant().atZone(EngineClock.JAPAN).toLocalDate())
        .isEqualTo(due.minusDays(3));
    assertThat(runtimeService.getVariable(alert.getExecutionId(), "deadlineNote"))
        .isEqualTo("審査請求書（行政不服審査法）");

    complete(task("draftWithPerson", pi), withVariables("draftResult", "ready"));
    assertThat(task("recordSubmission", pi)).isAssignedTo("companion");
    complete(
        task("recordSubmission", pi),
        withVariables(
            "submission",
            "submitted",
            "submittedOn",
            LocalDate.now(EngineClock.JAPAN).toString(),
            "anotherDocument",
            false));

    assertThat(pi).isEnded().hasPassed("documentsDone").hasNotPassed("draftByLawyer");
  }

  @Test
  void aLawyerDraftsAndAnotherDocumentFollows() {
    ProcessInstance pi = start();
    choose(pi, "protection-order", "lawyer");

    assertThat(task("draftByLawyer", pi)).hasCandidateGroup("lawyers");
    taskService.claim(task("draftByLawyer", pi).getId(), "lawyer");
    complete(task("draftByLawyer", pi), withVariables("draftResult", "ready"));
    complete(
        task("recordSubmission", pi),
        withVariables("submission", "not-submitted", "anotherDocument", true));

    assertThat(pi).isWaitingAt("chooseDocument").hasPassed("anotherDocumentGateway");
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKey("anotherDocument");
    choose(pi, "consent", "companion");
    assertThat(pi).isWaitingAt("draftWithPerson");
  }

  @Test
  void aDocumentNotNeededAfterAllEndsTheTrack() {
    ProcessInstance pi = start();
    choose(pi, "statement", "companion");

    complete(
        task("draftWithPerson", pi),
        withVariables("draftResult", "dropped", "draftNote", "本人が取り下げた"));

    assertThat(pi).isEnded().hasNotPassed("recordSubmission");
  }

  /** Every document type has its template; none holds an identifier, only places to fill in. */
  @Test
  void everyDocumentTypeHasATemplateWithoutIdentifiers() {
    for (String type : new ReferenceData().codes(ReferenceList.DOCUMENT_TYPES)) {
      String template = templates.of(type).orElseThrow(() -> new AssertionError(type));
      assertThat(template).as(type).contains("【").doesNotContain("@");
      assertThat(template).as(type).doesNotContainPattern("\\d{2,4}-\\d{2,4}-\\d{3,4}");
    }
    assertThat(templates.of("../application")).isEmpty();
  }

  private ProcessInstance start() {
    String caseNumber =
        "2026-5" + String.format("%05d", Math.abs(UUID.randomUUID().hashCode() % 100000));
    return runtimeService.startProcessInstanceByKey(
        DocumentPreparation.PROCESS_KEY,
        caseNumber,
        Variables.createVariables()
            .putValue("caseNumber", caseNumber)
            .putValue("companionId", "companion")
            .putValue("caseOverview", "- 地域：東京都"));
  }

  private void choose(ProcessInstance pi, String type, String drafter) {
    complete(
        task("chooseDocument", pi),
        withVariables(
            "documentType",
            type,
            "drafter",
            drafter,
            "documentDueDate",
            due.toString(),
            "documentNote",
            "テスト"));
  }

  private Job watchAlert(ProcessInstance pi) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(watches.find(pi.getBusinessKey()).orElseThrow().getId())
        .activityId("alertDue")
        .singleResult();
  }

  private static Date dueAt(LocalDate day) {
    ZonedDateTime at = day.atTime(17, 0).atZone(EngineClock.JAPAN);
    return Date.from(at.toInstant());
  }
}
