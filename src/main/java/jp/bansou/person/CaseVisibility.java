package jp.bansou.person;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;
import java.util.Optional;
import jp.bansou.engine.People;
import jp.bansou.facts.CaseFacts;
import jp.bansou.person.CaseAccess.Access;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Who sees a case in Tasklist and Cockpit at all. Each process instance of a case (the case and its
 * tracks) is readable by the coordinators and supervisors; a restricted (DV) case only by its one
 * named coordinator, and its tasks meant for a group are assigned to that coordinator instead, so
 * that it appears in no group's list and there is nothing to claim. The person's identity has its
 * own, narrower rule ({@link PersonRecords}).
 */
@Service
public class CaseVisibility {

  static final List<String> CASE_READERS =
      List.of(Role.COORDINATORS.groupId(), Role.SUPERVISORS.groupId());

  private final CaseAccess access;
  private final ProcessEngine engine;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ApplicationEventPublisher events;

  public CaseVisibility(CaseAccess access, ProcessEngine engine, ApplicationEventPublisher events) {
    this.access = access;
    this.engine = engine;
    this.events = events;
    this.identityService = engine.getIdentityService();
    this.runtimeService = engine.getRuntimeService();
    this.taskService = engine.getTaskService();
  }

  /**
   * A new case: its access facts, and who sees its process instance. A restricted case is the
   * coordinator's who took it in, or else the coordinator responsible for its prefecture.
   */
  public void registered(
      DelegateExecution caseExecution,
      String caseNumber,
      String prefecture,
      boolean restricted,
      boolean consentSharing) {
    String named = restricted ? namedCoordinator(initiator(caseExecution), prefecture) : null;
    access.opened(caseNumber, prefecture, restricted, named, consentSharing);
    grantInstance(caseExecution.getProcessInstanceId(), access.find(caseNumber).orElseThrow());
  }

  /** The companion accepted the case: they see its person from now on, the one before no more. */
  public void assigned(String caseNumber, String companionId) {
    access.assigned(caseNumber, companionId);
  }

  /** The case ended: its companion and those given sight by their part in it see it no more. */
  public void closed(String caseNumber) {
    access.closed(caseNumber);
  }

  /** The interpreter who accepted a visit of the case: sees the person's name (to meet them). */
  public void interpreterAccepted(String caseNumber, String interpreter) {
    access.grant(caseNumber, interpreter, CaseAccess.Scope.NAME, "interpreter");
  }

  /** The lawyer who accepted a referral the person consented to share: sees the person. */
  public void lawyerAccepted(String caseNumber, String lawyer) {
    access.grant(caseNumber, lawyer, CaseAccess.Scope.ALL, "lawyer");
  }

  /** Whether the case is restricted (DV): seen by its one coordinator, offered to nobody. */
  public boolean isRestricted(String caseNumber) {
    return access.find(caseNumber).map(CaseAccess.Access::restricted).orElse(false);
  }

  /**
   * Which of these cases are restricted (they appear in no list): looked up among them, so that a
   * list costs the same however many restricted cases years of history hold.
   */
  public java.util.Set<String> restrictedAmong(java.util.Collection<String> caseNumbers) {
    return access.restrictedAmong(caseNumbers);
  }

  /** A process of a case started (a support track): it is seen as the case is. */
  void processStarted(DelegateExecution execution) {
    caseOf(execution).ifPresent(a -> grantInstance(execution.getProcessInstanceId(), a));
  }

  /** Grants sight of an existing process of a case (for instances from before these grants). */
  void grantFor(String processInstanceId, String caseNumber) {
    access.find(caseNumber).ifPresent(a -> grantInstance(processInstanceId, a));
  }

  /** The candidate groups of a task, unless its case is restricted (then nobody's group). */
  boolean groupsMaySee(VariableScope scope) {
    return caseOf(scope).map(a -> !a.restricted()).orElse(true);
  }

  /** The named coordinator of a restricted case, who takes its group tasks. */
  Optional<String> restrictedCoordinator(VariableScope scope) {
    return caseOf(scope).filter(Access::restricted).map(Access::restrictedCoordinator);
  }

  /**
   * Restricts a case from now on: only the companion and this coordinator see it. Grants to groups
   * on its processes are withdrawn and its open group tasks go to the coordinator.
   */
  public void restrict(String caseNumber, String coordinator) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              restrictInCommand(caseNumber, coordinator);
              return null;
            });
  }

  private void restrictInCommand(String caseNumber, String coordinator) {
    boolean already = access.find(caseNumber).map(Access::restricted).orElse(false);
    access.restrict(caseNumber, coordinator);
    Access restricted = access.find(caseNumber).orElseThrow();
    if (!already) {
      // the tallies that counted the case take it back in this transaction
      events.publishEvent(new CaseRestricted(caseNumber));
    }
    // every process of the case, running or ended: an ended track's history (where the person
    // met the companion, on which day) is the case's as much as a running one
    // found whatever the restricting coordinator may read of them: all of them go
    List<HistoricProcessInstance> instances =
        commandContext()
            .runWithoutAuthorization(
                () ->
                    engine
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .list());
    for (HistoricProcessInstance instance : instances) {
      withdrawGroupGrants(instance.getId());
      grantInstance(instance.getId(), restricted);
    }
    // and the grants the engine gave each task's groups on its history
    List<HistoricTaskInstance> tasks =
        commandContext()
            .runWithoutAuthorization(
                () ->
                    engine
                        .getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .list());
    for (HistoricTaskInstance task : tasks) {
      withdrawGroupGrantsOnTaskHistory(task.getId());
    }
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list()) {
      boolean hadGroup = false;
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
          hadGroup = true;
        }
      }
      if (hadGroup) {
        taskService.addCandidateUser(task.getId(), coordinator);
        if (task.getAssignee() == null) {
          taskService.setAssignee(task.getId(), coordinator);
        }
      }
    }
  }

  /** Coordinators who are responsible for the prefecture, by id: the first takes the case. */
  String namedCoordinator(String initiator, String prefecture) {
    List<String> coordinators = People.membersOf(identityService, Role.COORDINATORS.groupId());
    if (initiator != null && coordinators.contains(initiator)) {
      return initiator;
    }
    return coordinators.stream()
        .filter(c -> access.regionsOf(c).contains(prefecture))
        .findFirst()
        .or(() -> coordinators.stream().filter(c -> access.regionsOf(c).contains("*")).findFirst())
        .orElse(null);
  }

  private Optional<Access> caseOf(VariableScope scope) {
    return CaseFacts.CASE_NUMBER
        .read(scope.getVariable(CaseFacts.CASE_NUMBER.name()))
        .flatMap(access::find);
  }

  private static String initiator(DelegateExecution execution) {
    var authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private void grantInstance(String processInstanceId, Access a) {
    commandContext()
        .runWithoutAuthorization(
            () -> {
              grantInstanceUnchecked(processInstanceId, a);
              return null;
            });
  }

  private void grantInstanceUnchecked(String processInstanceId, Access a) {
    AuthorizationManager manager = Context.getCommandContext().getAuthorizationManager();
    for (Resource resource : List.of(PROCESS_INSTANCE, HISTORIC_PROCESS_INSTANCE)) {
      if (a.restricted()) {
        if (a.restrictedCoordinator() != null) {
          insert(manager, resource, processInstanceId, a.restrictedCoordinator(), null);
        }
      } else {
        for (String group : CASE_READERS) {
          insert(manager, resource, processInstanceId, null, group);
        }
      }
    }
  }

  private void withdrawGroupGrants(String processInstanceId) {
    commandContext()
        .runWithoutAuthorization(
            () -> {
              AuthorizationManager manager = Context.getCommandContext().getAuthorizationManager();
              for (Resource resource : List.of(PROCESS_INSTANCE, HISTORIC_PROCESS_INSTANCE)) {
                for (String group : CASE_READERS) {
                  AuthorizationEntity grant =
                      manager.findAuthorization(
                          AUTH_TYPE_GRANT, null, group, resource, processInstanceId);
                  if (grant != null) {
                    manager.delete(grant);
                  }
                }
              }
              return null;
            });
  }

  private void withdrawGroupGrantsOnTaskHistory(String taskId) {
    commandContext()
        .runWithoutAuthorization(
            () -> {
              for (org.camunda.bpm.engine.authorization.Authorization grant :
                  engine
                      .getAuthorizationService()
                      .createAuthorizationQuery()
                      .resourceType(org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK)
                      .resourceId(taskId)
                      .list()) {
                if (grant.getGroupId() != null) {
                  engine.getAuthorizationService().deleteAuthorization(grant.getId());
                }
              }
              return null;
            });
  }

  private static void insert(
      AuthorizationManager manager,
      Resource resource,
      String resourceId,
      String userId,
      String groupId) {
    if (manager.findAuthorization(AUTH_TYPE_GRANT, userId, groupId, resource, resourceId) != null) {
      return;
    }
    AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(READ);
    // inserted by the system for the case, whoever's action started the process
    manager.insert(grant);
  }

  private static CommandContext commandContext() {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("Case visibility changes run inside an engine command");
    }
    return context;
  }
}
