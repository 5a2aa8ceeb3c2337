package jp.bansou.notification;

import static jp.bansou.facts.CaseFacts.CASE_NUMBER;
import static jp.bansou.notification.Notification.*;

import java.util.List;
import java.util.Optional;
import jp.bansou.person.CaseVisibility;
import jp.bansou.security.PasswordRules;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Writes the mail of one notification, in the recipient's language, from its variables: a task
 * offered or assigned, the coordinators' digest, or a new account's welcome with a fresh initial
 * password (set on the account here, so the mail carries one that works).
 */
@Component
class NotificationMails {

  static final int DIGEST_LINES = 50;

  /** A mail and its recipient's address. */
  record Outgoing(String to, MailTemplates.Mail mail) {}

  private final MailSettings settings;
  private final MailTemplates templates;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final CaseVisibility visibility;

  NotificationMails(
      MailSettings settings,
      MailTemplates templates,
      IdentityService identityService,
      TaskService taskService,
      CaseVisibility visibility) {
    this.settings = settings;
    this.templates = templates;
    this.identityService = identityService;
    this.taskService = taskService;
    this.visibility = visibility;
  }

  /** The mail to send, or empty when the recipient has no address (nothing to send). */
  Optional<Outgoing> compose(VariableMap variables) {
    String recipient = RECIPIENT.read(variables.get(RECIPIENT.name())).orElse(null);
    User user =
        recipient == null
            ? null
            : identityService.createUserQuery().userId(recipient).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      return Optional.empty();
    }
    String language = identityService.getUserInfo(recipient, MailPreferences.LANGUAGE);
    String kind = KIND.read(variables.get(KIND.name())).orElse(ASSIGNED);
    MailTemplates.Mail mail =
        switch (kind) {
          case DIGEST ->
              templates.digest(language, openCoordinatorTasks(), settings.tasklistLink());
          case WELCOME -> {
            String password = PasswordRules.random(identityService, user);
            user.setPassword(password);
            identityService.saveUser(user);
            yield templates.welcome(language, recipient, password, settings.tasklistLink());
          }
          default ->
              templates.task(
                  language,
                  kind,
                  TASK_NAME.read(variables.get(TASK_NAME.name())).orElse(""),
                  named(CASE_NUMBER.read(variables.get(CASE_NUMBER.name())).orElse(null)),
                  settings.taskLink(TASK_ID.read(variables.get(TASK_ID.name())).orElse("")));
        };
    return Optional.of(new Outgoing(user.getEmail(), mail));
  }

  /** The variables {@link #compose} reads. */
  static String[] variableNames() {
    return new String[] {
      RECIPIENT.name(), KIND.name(), TASK_ID.name(), TASK_NAME.name(), CASE_NUMBER.name()
    };
  }

  private List<MailTemplates.Line> openCoordinatorTasks() {
    return taskService
        .createTaskQuery()
        .taskCandidateGroup(Role.COORDINATORS.groupId())
        .includeAssignedTasks()
        .orderByTaskCreateTime()
        .asc()
        .listPage(0, DIGEST_LINES)
        .stream()
        .map(this::line)
        .toList();
  }

  private MailTemplates.Line line(Task task) {
    return new MailTemplates.Line(
        task.getName(),
        named(
            CASE_NUMBER
                .read(taskService.getVariable(task.getId(), CASE_NUMBER.name()))
                .orElse(null)),
        settings.taskLink(task.getId()));
  }

  /**
   * The case number as a mail may carry it: none for a restricted case, asked when the mail is
   * written, since a case may be restricted after its mail was queued.
   */
  private String named(String caseNumber) {
    return caseNumber == null || visibility.isRestricted(caseNumber) ? null : caseNumber;
  }
}
