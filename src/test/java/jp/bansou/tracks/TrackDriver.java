package jp.bansou.tracks;

import java.util.List;
import java.util.Map;
import jp.bansou.FormJson;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Completes the support tracks a case called, the way their people would on an ordinary day: a
 * visit to a hospital (no risk check), accepted interpretation, an approved fee, no follow-up; a
 * consent form drafted and handed in. For case tests that are about the case, not about the track.
 */
public final class TrackDriver {

  static final Map<String, Object> ORDINARY_ANSWERS =
      Variables.createVariables()
          .putValue("officeType", "hospital")
          .putValue("officeName", "都立病院")
          .putValue("visitPurpose", "medical-care")
          .putValue("proposedDates", "来週の火曜か水曜")
          .putValue("interpretationAnswer", "accept")
          // yesterday: an outcome is recorded after the visit
          .putValue(
              "visitDate",
              java.time.LocalDate.now(jp.bansou.engine.EngineClock.JAPAN).minusDays(1).toString())
          .putValue("visitTime", "10:00")
          .putValue("meetingPlace", "病院の正面玄関")
          .putValue("visitResult", "done")
          .putValue("visitOutcome", "受診できた")
          .putValue("hoursSpent", 2.5)
          .putValue("interpreterHours", 2.5)
          .putValue("feeDecision", "approve")
          .putValue("followUpNeeded", false)
          .putValue("counterpartyId", "new")
          .putValue("newCounterpartyName", "テスト工業株式会社")
          .putValue("newCounterpartyType", "employer")
          .putValueTyped("claimTypes", FormJson.list(List.of("unpaid-wages")))
          .putValue("claimedAmountYen", 300000)
          .putValue("claimSummary", "3か月分の賃金が払われていない")
          .putValue("requestSentOn", "2026-11-01")
          .putValue("requestMethod", "letter")
          .putValue("employerResponse", "agreed")
          .putValue("responseNote", "全額払うと回答")
          .putValue("recoveredAmountYen", 300000)
          .putValue("agreementTerms", "来月末までに支払う")
          .putValue("consentSharing", true)
          .putValue("legalIssueSummary", "不当解雇")
          .putValue("conflictOfInterestChecked", true)
          .putValue("lawyerAnswer", "accept")
          .putValue("matterAction", "report")
          .putValue("legalOutcome", "settled")
          .putValue("legalOutcomeSummary", "和解した")
          .putValue("documentType", "consent")
          .putValue("drafter", "companion")
          .putValue(
              "documentDueDate",
              java.time.LocalDate.now(jp.bansou.engine.EngineClock.JAPAN).plusDays(10).toString())
          .putValue("draftResult", "ready")
          .putValue("submission", "submitted")
          .putValue(
              "submittedOn", java.time.LocalDate.now(jp.bansou.engine.EngineClock.JAPAN).toString())
          .putValue("anotherDocument", false);

  private TrackDriver() {}

  /** Works every open task of every track called by {@code caseInstanceId} until none is left. */
  public static void completeTracks(ProcessEngine engine, String caseInstanceId) {
    for (int round = 0; round < 20; round++) {
      boolean worked = false;
      for (ProcessInstance track :
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .superProcessInstanceId(caseInstanceId)
              .list()) {
        for (Task task :
            engine.getTaskService().createTaskQuery().processInstanceId(track.getId()).list()) {
          if (task.getAssignee() == null) {
            engine.getTaskService().claim(task.getId(), candidateOf(engine, task));
          }
          engine.getTaskService().complete(task.getId(), ORDINARY_ANSWERS);
          worked = true;
        }
      }
      if (!worked) {
        return;
      }
    }
    throw new IllegalStateException("tracks did not finish after 20 rounds");
  }

  /**
   * The task of that kind in one of the case's tracks, once it is there (a browser may still be
   * submitting the form that leads to it); fails after about 20 seconds.
   */
  public static Task waitForTrackTask(ProcessEngine engine, String caseInstanceId, String key)
      throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      for (ProcessInstance track :
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .superProcessInstanceId(caseInstanceId)
              .list()) {
        Task task =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(track.getId())
                .taskDefinitionKey(key)
                .singleResult();
        if (task != null) {
          return task;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no task " + key);
  }

  private static String candidateOf(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getUserId)
        .filter(u -> u != null)
        .findFirst()
        .orElse("coordinator");
  }
}
