package jp.bansou.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends one plain-text UTF-8 mail; a failure is thrown so that the job retries it. */
@Component
public class Mailer {

  private final MailSettings settings;

  public Mailer(MailSettings settings) {
    this.settings = settings;
  }

  public void send(String to, MailTemplates.Mail mail) {
    try {
      MimeMessage message = settings.sender().createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(settings.from());
      helper.setTo(to);
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      settings.sender().send(message);
    } catch (MessagingException | MailException e) {
      throw new IllegalStateException("Mail could not be sent; the job will retry", e);
    }
  }
}
