package jp.bansou.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mail is on exactly when Spring Boot has a mail sender, that is when {@code spring.mail.host}
 * ({@code SPRING_MAIL_HOST}) is set. Without it, nothing is queued and nothing fails.
 */
@Component
public class MailSettings {

  private final ObjectProvider<JavaMailSender> sender;
  private final String from;
  private final String publicUrl;
  private volatile Boolean enabled;

  public MailSettings(
      ObjectProvider<JavaMailSender> sender,
      @Value("${bansou.mail.from}") String from,
      @Value("${bansou.public-url}") String publicUrl) {
    this.sender = sender;
    this.from = from;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** Whether Spring has a mail sender; asked of the context once (every user task event asks). */
  public boolean enabled() {
    Boolean known = enabled;
    if (known == null) {
      known = sender.getIfAvailable() != null;
      enabled = known;
    }
    return known;
  }

  JavaMailSender sender() {
    return sender.getObject();
  }

  String from() {
    return from;
  }

  /** The Tasklist page of one task. */
  String taskLink(String taskId) {
    return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  public String tasklistLink() {
    return publicUrl + "/camunda/app/tasklist/default/";
  }
}
