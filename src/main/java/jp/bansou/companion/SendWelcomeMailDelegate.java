package jp.bansou.companion;

import static jp.bansou.companion.Onboarding.*;

import jp.bansou.notification.MailSettings;
import jp.bansou.notification.Notifications;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Queues a new companion's welcome mail; the mail sets a fresh initial password when it is sent
 * (and again if a retry sends it again), so the password is never stored in a variable. With mail
 * off, an administrator sets the password in Camunda Admin instead.
 */
@Component("sendWelcomeMail")
public class SendWelcomeMailDelegate implements JavaDelegate {

  private final MailSettings settings;
  private final IdentityService identityService;

  public SendWelcomeMailDelegate(MailSettings settings, IdentityService identityService) {
    this.settings = settings;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!settings.enabled() || !ACCOUNT_CREATED.isTrue(execution)) {
      return; // an existing account keeps its password
    }
    String userId = APPLICANT_USER_ID.get(execution);
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      return;
    }
    Notifications.welcome(execution.getProcessEngineServices(), userId);
  }
}
