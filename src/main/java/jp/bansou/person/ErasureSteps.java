package jp.bansou.person;

import static jp.bansou.person.Erasure.*;

import java.time.Clock;
import java.util.List;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.People;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.person.PersonRecords.Sight;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The steps of forgetting a person: a coordinator responsible for the case asks (with a reason), a
 * second person approves, the identity is erased; and, on the schedule in the model, every case
 * closed long enough ago is forgotten. Category facts stay for statistics.
 */
@ModelApi
@Component("erasure")
public class ErasureSteps {

  /** A case keeps its person's identity at least this long after closure. */
  static final java.time.Duration SHORTEST_KEEP = java.time.Duration.ofDays(30);

  private final IdentityVault vault;
  private final CaseAccess access;
  private final PersonRecords records;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final org.camunda.bpm.engine.HistoryService historyService;
  private final ReferenceData reference;
  private final Clock clock;
  private final Texts texts;

  public ErasureSteps(
      IdentityVault vault,
      CaseAccess access,
      PersonRecords records,
      IdentityService identityService,
      JdbcTemplate jdbc,
      org.camunda.bpm.engine.HistoryService historyService,
      ReferenceData reference,
      Clock clock,
      Texts texts) {
    this.vault = vault;
    this.access = access;
    this.records = records;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.reference = reference;
    this.clock = clock;
    this.texts = texts;
  }

  /** The request: by a coordinator who may see the case, for a case not yet erased. */
  public void checkRequest(DelegateExecution execution) {
    String caseNumber = CASE_TO_ERASE.orElse(execution, "");
    String requester = REQUESTED_BY.orElse(execution, null);
    if (!reference.has(ReferenceList.ERASURE_REASONS, REASON.orElse(execution, ""))) {
      throw new Refusal(texts.get("erasure.refused.reason"));
    }
    // a case that is not there and a case that is not theirs get the same answer, so that it
    // tells nobody which case numbers exist (a restricted case's among them)
    if (requester == null
        || !isMember(requester, Role.COORDINATORS.groupId())
        || access.find(caseNumber).isEmpty()
        || records.sightOf(requester, caseNumber) != Sight.ALL) {
      throw new Refusal(texts.get("erasure.refused.notResponsible", caseNumber));
    }
    if (vault.erased(caseNumber)) {
      throw new Refusal(texts.get("erasure.refused.erased", caseNumber));
    }
    CASE_TO_ERASE_LABEL.set(
        execution,
        access.find(caseNumber).map(CaseAccess.Access::restricted).orElse(true)
            ? texts.get("case.restrictedLabel")
            : texts.get("erasure.caseLabel", caseNumber));
  }

  /** The approval: by a second person, never the one who asked. */
  public void checkApproval(DelegateTask task) {
    String approver = task.getAssignee();
    if (approver == null || approver.equals(REQUESTED_BY.orElse(task, null))) {
      throw new Refusal(texts.get("erasure.refused.sameApprover"));
    }
    APPROVED_BY.set(task.getExecution(), approver);
  }

  /**
   * Erases the person's identity; category facts and the read log stay. Decided here again from
   * what no model can set, since a model is deployed by modellers and could skip or change its own
   * steps: only in a live process {@code erase-person} (never a trial: a trial case touches no real
   * person); asked by whoever started it (the engine's record), a coordinator responsible for the
   * case; approved by the person logged in who is completing that process's task {@code
   * approveErasure} in this very transaction, someone else, a coordinator or supervisor (not a
   * task's assignee, which a listener can set, nor a variable). Recorded as approved by them.
   */
  public void erase(DelegateExecution execution) {
    String caseNumber = CASE_TO_ERASE.get(execution);
    var instance =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .singleResult();
    String requester = instance.getStartUserId();
    String approver = approverCompletingNow(execution.getProcessInstanceId());
    boolean approvedBySomeoneElse =
        PROCESS_KEY.equals(instance.getProcessDefinitionKey())
            && instance.getTenantId() == null
            && execution.getTenantId() == null
            && requester != null
            && isMember(requester, Role.COORDINATORS.groupId())
            && records.sightOf(requester, caseNumber) == Sight.ALL
            && approver != null
            && !approver.equals(requester)
            && (isMember(approver, Role.COORDINATORS.groupId())
                || isMember(approver, Role.SUPERVISORS.groupId()))
            && reference.has(ReferenceList.ERASURE_REASONS, REASON.orElse(execution, ""));
    if (!approvedBySomeoneElse) {
      throw new Refusal(texts.get("erasure.refused.notApproved"));
    }
    forget(caseNumber, approver, REASON.get(execution));
  }

  /**
   * Who is logged in and completing this process's approval task in the current transaction (the
   * task is in the command's cache, marked deleted), or null.
   */
  private static String approverCompletingNow(String processInstanceId) {
    CommandContext command = Context.getCommandContext();
    String user = command == null ? null : command.getAuthenticatedUserId();
    if (user == null) {
      return null; // a job, or nobody logged in
    }
    boolean completing =
        command.getDbEntityManager().getCachedEntitiesByType(TaskEntity.class).stream()
            .anyMatch(
                task ->
                    processInstanceId.equals(task.getProcessInstanceId())
                        && "approveErasure".equals(task.getTaskDefinitionKey())
                        && task.isDeleted());
    return completing ? user : null;
  }

  /**
   * Forgets every case closed longer ago than the model's keepIdentityFor (never less than {@link
   * #SHORTEST_KEEP}: a changed model must not erase what companions still work with); counts them.
   */
  public void forgetClosedCases(DelegateExecution execution) {
    // only on the schedule of the live forget-closed-cases: a job, nobody logged in (a modeller's
    // own model, or this one, started by hand with a shorter keepIdentityFor forgets nothing; a
    // trial case touches no real person). Its model sets keepIdentityFor, never under 30 days.
    CommandContext command = Context.getCommandContext();
    String key =
        execution instanceof org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity entity
            ? entity.getProcessDefinition().getKey()
            : null;
    if (execution.getTenantId() != null
        || !FORGET_PROCESS_KEY.equals(key)
        || command == null
        || command.getAuthenticatedUserId() != null) {
      throw new Refusal(texts.get("erasure.refused.notScheduled"));
    }
    java.time.Duration keep = duration(KEEP_IDENTITY_FOR.get(execution));
    if (keep.compareTo(SHORTEST_KEEP) < 0) {
      throw new Refusal(texts.get("erasure.refused.tooSoon", keep.toDays()));
    }
    var before = clock.instant().minus(keep);
    List<String> due = access.closedBeforeNotErased(before);
    due.forEach(caseNumber -> forget(caseNumber, null, RETENTION));
    FORGOTTEN.set(execution, (long) due.size());
  }

  private void forget(String caseNumber, String by, String reason) {
    vault.erase(caseNumber, by, reason);
    // a note someone typed into a task's comments could name the person: the engine keeps
    // comments of ended processes only in its history table, which its API cannot clear
    jdbc.update(
        "delete from ACT_HI_COMMENT where PROC_INST_ID_ in"
            + " (select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ?)",
        caseNumber);
  }

  private boolean isMember(String user, String group) {
    return People.isMember(identityService, user, group);
  }
}
