package jp.bansou.person;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default gives everyone linked to a task (candidate, assignee) a grant on it, and keeps
 * the grant when the link goes: a companion the case was taken from, or a group removed from a
 * restricted case's task, would go on reading it. Here a grant goes with the last link that gave
 * it.
 */
class RevokingAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
    boolean keepsTheTask = userId.equals(task.getAssignee()) || userId.equals(task.getOwner());
    return keepsTheTask ? null : grantsOf(task, userId, null);
  }

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    return grantsOf(task, null, groupId);
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    if (oldAssignee != null
        && !oldAssignee.equals(newAssignee)
        && !oldAssignee.equals(task.getOwner())
        && !isCandidate(task, oldAssignee)) {
      AuthorizationEntity[] stale = grantsOf(task, oldAssignee, null);
      Context.getCommandContext().getTaskManager().deleteDefaultAuthorizations(stale);
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  private static boolean isCandidate(Task task, String userId) {
    for (IdentityLink link : ((TaskEntity) task).getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId())) {
        return true;
      }
    }
    return false;
  }

  private static AuthorizationEntity[] grantsOf(Task task, String userId, String groupId) {
    AuthorizationManager manager = Context.getCommandContext().getAuthorizationManager();
    List<AuthorizationEntity> grants = new ArrayList<>();
    for (Resource resource : List.of(TASK, HISTORIC_TASK)) {
      AuthorizationEntity grant =
          manager.findAuthorization(AUTH_TYPE_GRANT, userId, groupId, resource, task.getId());
      if (grant != null) {
        grants.add(grant);
      }
    }
    return grants.toArray(AuthorizationEntity[]::new);
  }
}
