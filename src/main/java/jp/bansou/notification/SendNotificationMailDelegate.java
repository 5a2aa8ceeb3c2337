package jp.bansou.notification;

import static jp.bansou.facts.CaseFacts.CASE_NUMBER;
import static jp.bansou.notification.Notification.*;

import java.util.List;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The asynchronous step of {@code send-notification}: one mail, in the recipient's language. */
@Component("sendNotificationMail")
public class SendNotificationMailDelegate implements JavaDelegate {

  static final int DIGEST_LINES = 50;
  private static final Logger LOG = LoggerFactory.getLogger(SendNotificationMailDelegate.class);

  private final MailSettings settings;
  private final Mailer mailer;
  private final MailTemplates templates;
  private final IdentityService identityService;
  private final TaskService taskService;

  public SendNotificationMailDelegate(
      MailSettings settings,
      Mailer mailer,
      MailTemplates templates,
      IdentityService identityService,
      TaskService taskService) {
    this.settings = settings;
    this.mailer = mailer;
    this.templates = templates;
    this.identityService = identityService;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!settings.enabled()) {
      return;
    }
    String recipient = RECIPIENT.get(execution);
    User user = identityService.createUserQuery().userId(recipient).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      // ids only: a log line never carries a name or an address
      LOG.info(
          "Notification {} not sent: the recipient has no e-mail address.",
          execution.getProcessInstanceId());
      return;
    }
    String language = identityService.getUserInfo(recipient, MailPreferences.LANGUAGE);
    String kind = KIND.get(execution);
    MailTemplates.Mail mail =
        DIGEST.equals(kind)
            ? templates.digest(language, openCoordinatorTasks(), settings.tasklistLink())
            : templates.task(
                language,
                kind,
                TASK_NAME.get(execution),
                CASE_NUMBER.orElse(execution, null),
                settings.taskLink(TASK_ID.get(execution)));
    mailer.send(user.getEmail(), mail);
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
        CASE_NUMBER.read(taskService.getVariable(task.getId(), CASE_NUMBER.name())).orElse(null),
        settings.taskLink(task.getId()));
  }
}
