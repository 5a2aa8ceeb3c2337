package jp.bansou.notification;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one plain-text UTF-8 mail with the Message-ID it is given, so that a mail sent again after
 * an uncertain attempt carries the same id. How long it may take is bounded by Jakarta Mail's
 * connect, read and write timeouts ({@code spring.mail.properties.mail.smtp.*timeout}).
 */
@Component
public class Mailer {

  private final MailSettings settings;

  public Mailer(MailSettings settings) {
    this.settings = settings;
  }

  /** Hands the mail to the SMTP server; returns once the server has accepted it. */
  void send(String to, MailTemplates.Mail mail, String messageId) {
    MimeMessage message = settings.sender().createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(settings.from());
      helper.setTo(to);
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      // kept by Spring's sender through saveChanges (an explicit Message-ID is preserved)
      message.setHeader("Message-ID", messageId);
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    settings.sender().send(message);
  }

  /**
   * Whether a failure lies with the server or the network (refused, timed out, login refused)
   * rather than with this one mail: then every other mail would fail the same way.
   */
  static boolean isServerProblem(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException
          || cause instanceof MailAuthenticationException
          || cause instanceof AuthenticationFailedException) {
        return true;
      }
      if (cause instanceof MailSendException send) {
        for (Exception each : send.getFailedMessages().values()) {
          if (each != cause && isServerProblem(each)) {
            return true;
          }
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
