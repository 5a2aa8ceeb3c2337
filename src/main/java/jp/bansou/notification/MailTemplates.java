package jp.bansou.notification;

import java.util.List;
import jp.bansou.engine.Texts;
import org.springframework.stereotype.Component;

/**
 * The texts of our mails, in the recipient's language, from {@code messages*.properties}. A mail
 * names the task, the case number and the link; it never carries the person's name, contact,
 * address or status.
 */
@Component
public class MailTemplates {

  /** A mail ready to send. */
  public record Mail(String subject, String body) {}

  /** One line of the digest: task name, case number, link. */
  record Line(String taskName, String caseNumber, String link) {}

  private final Texts texts;

  public MailTemplates(Texts texts) {
    this.texts = texts;
  }

  Mail task(String language, String kind, String taskName, String caseNumber, String link) {
    String key = Notification.OFFERED.equals(kind) ? "mail.task.offered" : "mail.task.assigned";
    return new Mail(
        texts.in(language, key + ".subject", taskName, onCase(language, caseNumber)),
        texts.in(
            language,
            "mail.task.body",
            texts.in(language, key + ".intro"),
            taskName,
            caseNumber == null ? "" : texts.in(language, "mail.caseNumberLine", caseNumber),
            link,
            texts.in(language, "mail.footer")));
  }

  Mail digest(String language, List<Line> lines, String tasklist) {
    StringBuilder list = new StringBuilder();
    for (Line line : lines) {
      list.append(
          texts.in(
              language,
              "mail.digest.line",
              line.taskName(),
              onCase(language, line.caseNumber()),
              line.link()));
    }
    return new Mail(
        texts.in(language, "mail.digest.subject", lines.size()),
        texts.in(
            language,
            "mail.digest.body",
            lines.size(),
            list.toString(),
            tasklist,
            texts.in(language, "mail.footer")));
  }

  /** The welcome mail with an initial password, sent once when an account is created. */
  public Mail welcome(String language, String userId, String password, String tasklist) {
    return new Mail(
        texts.in(language, "mail.welcome.subject"),
        texts.in(
            language,
            "mail.welcome.body",
            userId,
            password,
            tasklist,
            texts.in(language, "mail.footer")));
  }

  private String onCase(String language, String caseNumber) {
    return caseNumber == null ? "" : texts.in(language, "mail.onCase", caseNumber);
  }
}
