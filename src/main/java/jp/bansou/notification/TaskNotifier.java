package jp.bansou.notification;

import static jp.bansou.facts.CaseFacts.CASE_NUMBER;
import static jp.bansou.notification.Notification.*;

import java.util.LinkedHashSet;
import java.util.Set;
import jp.bansou.engine.ModelProperties;
import jp.bansou.engine.Trial;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Added to every user task of every model: tells people by mail when a task is offered to them
 * (candidate user, or a member of a candidate group) or assigned to them. Coordinators are not
 * mailed task by task: they may opt into the daily digest instead. A task the model marks with the
 * extension property {@code notification} = {@code none} is not mailed (a walk-in form that follows
 * the last one at once, on a phone already in hand).
 */
class TaskNotifier implements TaskListener {

  static final Set<String> DIGEST_ONLY_GROUPS = Set.of(Role.COORDINATORS.groupId());

  /** The extension property of a user task that, set to {@link #NONE}, sends no mail for it. */
  static final String PROPERTY = "notification";

  static final String NONE = "none";

  private final MailSettings settings;
  private final java.util.function.Predicate<String> restricted;

  /**
   * @param restricted whether a case is restricted (DV): its notifications keep no case number, so
   *     that neither the mail nor the outbox, which supervisors read in Cockpit, names it
   */
  TaskNotifier(MailSettings settings, java.util.function.Predicate<String> restricted) {
    this.settings = settings;
    this.restricted = restricted;
  }

  @Override
  public void notify(DelegateTask task) {
    // a trial case (jp.bansou.engine.Trial) mails nobody
    if (!settings.enabled() || silent(task) || Trial.of(task)) {
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      String assignee = task.getAssignee();
      boolean claimedThemselves =
          identity.getCurrentAuthentication() != null
              && assignee != null
              && assignee.equals(identity.getCurrentAuthentication().getUserId());
      if (assignee != null && !claimedThemselves) {
        queue(task, assignee, ASSIGNED);
      }
      return;
    }
    if (task.getAssignee() != null) {
      return; // the assignment event follows and tells the assignee
    }
    Set<String> recipients = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        recipients.add(link.getUserId());
      } else if (link.getGroupId() != null && !DIGEST_ONLY_GROUPS.contains(link.getGroupId())) {
        identity.createUserQuery().memberOfGroup(link.getGroupId()).list().stream()
            .map(User::getId)
            .forEach(recipients::add);
      }
    }
    recipients.forEach(recipient -> queue(task, recipient, OFFERED));
  }

  private static boolean silent(DelegateTask task) {
    return ModelProperties.value(task.getBpmnModelElementInstance(), PROPERTY)
        .filter(NONE::equals)
        .isPresent();
  }

  private void queue(DelegateTask task, String recipient, String kind) {
    String caseNumber = CASE_NUMBER.orElse(task, null);
    Notifications.request(
        task.getProcessEngineServices(),
        recipient,
        kind,
        task.getId(),
        task.getName(),
        caseNumber == null || restricted.test(caseNumber) ? null : caseNumber);
  }
}
