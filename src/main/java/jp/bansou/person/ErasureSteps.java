package jp.bansou.person;

import static jp.bansou.person.Erasure.*;

import java.time.Clock;
import java.util.List;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.person.PersonRecords.Sight;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The steps of forgetting a person: a coordinator responsible for the case asks (with a reason), a
 * second person approves, the identity is erased; and, on the schedule in the model, every case
 * closed long enough ago is forgotten. Category facts stay for statistics.
 */
@Component("erasure")
public class ErasureSteps {

  private final IdentityVault vault;
  private final CaseAccess access;
  private final PersonRecords records;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final ReferenceData reference;
  private final Clock clock;
  private final Texts texts;

  public ErasureSteps(
      IdentityVault vault,
      CaseAccess access,
      PersonRecords records,
      IdentityService identityService,
      JdbcTemplate jdbc,
      ReferenceData reference,
      Clock clock,
      Texts texts) {
    this.vault = vault;
    this.access = access;
    this.records = records;
    this.identityService = identityService;
    this.jdbc = jdbc;
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
    if (access.find(caseNumber).isEmpty() || vault.erased(caseNumber)) {
      throw new Refusal(texts.get("erasure.refused.noCase", caseNumber));
    }
    if (requester == null
        || !isMember(requester, Role.COORDINATORS.groupId())
        || records.sightOf(requester, caseNumber) != Sight.ALL) {
      throw new Refusal(texts.get("erasure.refused.notResponsible"));
    }
  }

  /** The approval: by a second person, never the one who asked. */
  public void checkApproval(DelegateTask task) {
    String approver = task.getAssignee();
    if (approver == null || approver.equals(REQUESTED_BY.orElse(task, null))) {
      throw new Refusal(texts.get("erasure.refused.sameApprover"));
    }
    APPROVED_BY.set(task.getExecution(), approver);
  }

  /** Erases the person's identity; category facts and the read log stay. */
  public void erase(DelegateExecution execution) {
    String caseNumber = CASE_TO_ERASE.get(execution);
    forget(caseNumber, APPROVED_BY.get(execution), REASON.get(execution));
  }

  /** Forgets every case closed longer ago than the model's keepIdentityFor; counts them. */
  public void forgetClosedCases(DelegateExecution execution) {
    var before = clock.instant().minus(duration(KEEP_IDENTITY_FOR.get(execution)));
    List<String> due = access.closedBefore(before).stream().filter(c -> !vault.erased(c)).toList();
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
    return identityService.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
  }
}
