package jp.bansou.companion;

import static jp.bansou.companion.Onboarding.*;

import java.security.SecureRandom;
import jp.bansou.notification.MailPreferences;
import jp.bansou.notification.MailSettings;
import jp.bansou.notification.MailTemplates;
import jp.bansou.notification.Mailer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Gives a new companion a fresh initial password and mails it, in one asynchronous step: the
 * password is never stored in a variable, and a retried attempt sets a new one before sending. With
 * mail off, an administrator sets the password in Camunda Admin instead.
 */
@Component("sendWelcomeMail")
public class SendWelcomeMailDelegate implements JavaDelegate {

  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MailSettings settings;
  private final Mailer mailer;
  private final MailTemplates templates;
  private final IdentityService identityService;

  public SendWelcomeMailDelegate(
      MailSettings settings,
      Mailer mailer,
      MailTemplates templates,
      IdentityService identityService) {
    this.settings = settings;
    this.mailer = mailer;
    this.templates = templates;
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
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    user.setPassword(password.toString());
    identityService.saveUser(user);
    mailer.send(
        user.getEmail(),
        templates.welcome(
            identityService.getUserInfo(userId, MailPreferences.LANGUAGE),
            userId,
            password.toString(),
            settings.tasklistLink()));
  }
}
