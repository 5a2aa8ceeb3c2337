package jp.bansou.handover;

import static jp.bansou.handover.HandOver.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bansou.casefile.CaseFile;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.companion.RankCompanionsDelegate;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.People;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.SummaryLines;
import jp.bansou.engine.Texts;
import jp.bansou.facts.CaseFacts;
import jp.bansou.person.CaseAccess;
import jp.bansou.person.CaseAccess.Access;
import jp.bansou.person.CaseVisibility;
import jp.bansou.person.IdentifierCheck;
import jp.bansou.person.PersonRecords;
import jp.bansou.person.PersonRecords.Sight;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The steps of handing a case over to another companion: check who asks and the note, propose
 * companions again without the current one, and — once the new companion accepts — move every open
 * task and every process of the case (its tracks too) to them. From then on the new companion sees
 * the person and the previous one no more (jp.bansou.person).
 */
@ModelApi
@Component("handOvers")
public class HandOverSteps {

  /** The case's facts a hand-over shows and matches on: categories, never the person. */
  static final List<String> CASE_FACTS =
      List.of(
          CaseFile.CASE_OVERVIEW.name(),
          CaseFacts.URGENCY_LABEL.name(),
          CaseFacts.PREFECTURE.name(),
          CaseFacts.LANGUAGES.name(),
          CaseFacts.PROBLEM_FIELDS.name(),
          CaseFacts.STATUS_CATEGORY.name(),
          CaseFacts.TASK_PRIORITY.name());

  private final CaseAccess access;
  private final CaseVisibility visibility;
  private final CaseSummaries summaries;
  private final PersonRecords records;
  private final IdentifierCheck identifierCheck;
  private final RankCompanionsDelegate ranking;
  private final HandOverRecords handOvers;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ReferenceData reference;
  private final Texts texts;

  public HandOverSteps(
      CaseAccess access,
      CaseVisibility visibility,
      CaseSummaries summaries,
      PersonRecords records,
      IdentifierCheck identifierCheck,
      RankCompanionsDelegate ranking,
      HandOverRecords handOvers,
      RuntimeService runtimeService,
      TaskService taskService,
      IdentityService identityService,
      ReferenceData reference,
      Texts texts) {
    this.access = access;
    this.visibility = visibility;
    this.summaries = summaries;
    this.records = records;
    this.identifierCheck = identifierCheck;
    this.ranking = ranking;
    this.handOvers = handOvers;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.reference = reference;
    this.texts = texts;
  }

  /**
   * The request: an open case with a companion, asked by a coordinator responsible for it or by the
   * case's own companion, with a note that does not name the person. Copies the case's category
   * facts for matching and for the offer.
   */
  public void check(DelegateExecution execution) {
    String caseNumber = CaseFacts.CASE_NUMBER.orElse(execution, "");
    if (REASON.find(execution).isEmpty()) {
      throw new Refusal(texts.get("handOver.refused.reason"));
    }
    Access a =
        access
            .find(caseNumber)
            .filter(Access::open)
            .filter(c -> c.companionId() != null)
            .orElse(null);
    String requester = REQUESTED_BY.orElse(execution, null);
    boolean everyCase =
        a != null
            && partOfHandingOverEveryCase(execution)
            && isMember(requester, Role.COORDINATORS);
    if (everyCase && records.sightOf(requester, caseNumber) != Sight.ALL) {
      // a coordinator decided that all of a companion's cases go (a pause, a retirement), this
      // one among them, which they do not see: their note is not for it (checked against it, its
      // refusal would tell them whose name is in it), and a restricted case is handed over by its
      // own coordinator, whose tasks these are
      NOTE.set(execution, "");
      if (a.restricted()) {
        requester = a.restrictedCoordinator();
        REQUESTED_BY.set(execution, requester);
      }
    }
    boolean coordinator =
        a != null
            && isMember(requester, Role.COORDINATORS)
            && (everyCase || records.sightOf(requester, caseNumber) == Sight.ALL);
    boolean ownCompanion = a != null && requester != null && requester.equals(a.companionId());
    if (!coordinator && !ownCompanion) {
      // the same answer whether the case is not there, not open or not theirs: it tells nobody
      // which case numbers exist, restricted ones among them
      throw new Refusal(texts.get("handOver.refused.notThisCase", caseNumber));
    }
    identifierCheck.refuseIfIdentifying(
        caseNumber, "handOver.refused.identifiers", NOTE.orElse(execution, ""));
    ASKED_BY_COMPANION.set(execution, !coordinator);
    PREVIOUS_COMPANION.set(execution, a.companionId());
    copyCaseFacts(execution, caseNumber);
  }

  /**
   * Called by {@code companion-hand-over}, whose start a coordinator's decision made (checked
   * there: {@link #listCasesToHandOver}), not by a request of its own.
   */
  private static boolean partOfHandingOverEveryCase(DelegateExecution execution) {
    DelegateExecution caller = execution.getSuperExecution();
    return caller != null
        && caller.getProcessDefinitionId().startsWith(HandOver.BULK_PROCESS_KEY + ":");
  }

  /** Copies the case's category facts into another process of the case (never the person). */
  public void copyCaseFacts(DelegateExecution execution, String caseNumber) {
    asSystem(
        () ->
            caseInstance(caseNumber)
                .map(pi -> runtimeService.getVariables(pi.getId(), CASE_FACTS))
                .orElse(Map.of())
                .forEach(execution::setVariable));
  }

  /** Proposes companions again: not the current one, nor those who declined this hand-over. */
  public void rank(DelegateExecution execution) {
    List<String> excluded =
        new ArrayList<>(CaseFile.DECLINED_COMPANIONS.orElse(execution, List.of()));
    excluded.add(PREVIOUS_COMPANION.get(execution));
    ranking.propose(execution, excluded);
  }

  /** The chosen companion declined or did not answer: not proposed again for this hand-over. */
  public void exclude(DelegateExecution execution) {
    List<String> declined =
        new ArrayList<>(CaseFile.DECLINED_COMPANIONS.orElse(execution, List.of()));
    NEW_COMPANION.find(execution).filter(c -> !declined.contains(c)).ifPresent(declined::add);
    CaseFile.DECLINED_COMPANIONS.set(execution, declined);
    NEW_COMPANION.remove(execution);
    CaseFile.OFFER_ANSWER.remove(execution);
  }

  /**
   * The new companion accepted: every process of the case that named the previous companion names
   * the new one, every open task of the case assigned to or meant for the previous companion moves,
   * and the person is theirs to see from now on — no longer the previous companion's.
   */
  public void move(DelegateExecution execution) {
    String caseNumber = CaseFacts.CASE_NUMBER.get(execution);
    String from = PREVIOUS_COMPANION.get(execution);
    String to = NEW_COMPANION.get(execution);
    asSystem(() -> moveWork(caseNumber, from, to));
    summaries.assigned(caseNumber, to);
    visibility.assigned(caseNumber, to);
    handOvers.record(caseNumber, from, to, REASON.get(execution));
  }

  private void moveWork(String caseNumber, String from, String to) {
    List<String> instances =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList();
    if (instances.isEmpty()) {
      return;
    }
    for (VariableInstance variable :
        runtimeService
            .createVariableInstanceQuery()
            .variableName(CaseFacts.COMPANION_ID.name())
            .processInstanceIdIn(instances.toArray(String[]::new))
            .list()) {
      if (!from.equals(variable.getValue())) {
        continue;
      }
      if (variable.getTaskId() != null) {
        taskService.setVariableLocal(variable.getTaskId(), variable.getName(), to);
      } else {
        runtimeService.setVariableLocal(variable.getExecutionId(), variable.getName(), to);
      }
    }
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list()) {
      if (from.equals(task.getOwner())) {
        taskService.setOwner(task.getId(), to);
      }
      if (from.equals(task.getAssignee())) {
        taskService.setAssignee(task.getId(), to);
      }
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && from.equals(link.getUserId())) {
          taskService.deleteCandidateUser(task.getId(), from);
          taskService.addCandidateUser(task.getId(), to);
        }
      }
    }
  }

  /** Bulk: a coordinator hands over every open case of one companion. */
  public void listCasesToHandOver(DelegateExecution execution) {
    String requester = REQUESTED_BY.orElse(execution, null);
    if (!isMember(requester, Role.COORDINATORS)) {
      throw new Refusal(texts.get("handOver.refused.notCoordinator"));
    }
    String companion = COMPANION.orElse(execution, "");
    if (!isMember(companion, Role.COMPANIONS)) {
      throw new Refusal(texts.get("handOver.refused.notCompanion", companion));
    }
    listCases(execution, companion);
  }

  /** The coordinator who completed the task asks for what follows (a bulk hand-over). */
  public void decidedBy(DelegateTask task) {
    REQUESTED_BY.set(task.getExecution(), task.getAssignee());
  }

  /**
   * The companion's open cases, to be handed over, and their list as every coordinator reads it: a
   * restricted case without its number (its hand-over goes to its own coordinator).
   */
  void listCases(DelegateExecution execution, String companion) {
    List<String> cases = access.openCasesOf(companion);
    CASES.set(execution, cases);
    CASE_COUNT.set(execution, (long) cases.size());
    CASE_SUMMARY.set(
        execution,
        cases.isEmpty()
            ? texts.get("handOver.noCases")
            : SummaryLines.join(
                cases.stream()
                    .map(
                        c ->
                            access.find(c).map(Access::restricted).orElse(false)
                                ? texts.get("handOver.caseLineRestricted")
                                : texts.get(
                                    "handOver.caseLine",
                                    c,
                                    access
                                        .find(c)
                                        .map(Access::prefecture)
                                        .filter(p -> reference.has(ReferenceList.PREFECTURES, p))
                                        .map(p -> reference.name(ReferenceList.PREFECTURES, p))
                                        .orElse("")))
                    .toList(),
                50,
                left -> texts.get("summary.more", left)));
  }

  private java.util.Optional<ProcessInstance> caseInstance(String caseNumber) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(CaseFile.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber)
        .list()
        .stream()
        .findFirst();
  }

  /** Whether the user holds the role, whatever the asking user may list of accounts. */
  public boolean isMember(String user, Role role) {
    return Context.getCommandContext()
        .runWithoutAuthorization(() -> People.isMember(identityService, user, role.groupId()));
  }

  /** Reads and moves the case's work whoever's action got here: the model decided, not them. */
  private static void asSystem(Runnable work) {
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              work.run();
              return null;
            });
  }
}
