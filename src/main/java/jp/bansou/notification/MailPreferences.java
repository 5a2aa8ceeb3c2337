package jp.bansou.notification;

/** The Camunda user info keys of each person's mail preferences. */
public final class MailPreferences {

  /** {@code ja} or {@code en}: the language of the mails a person gets. */
  public static final String LANGUAGE = "mailLanguage";

  /** {@code true}: a coordinator's daily digest instead of a mail per task. */
  public static final String DAILY_DIGEST = "dailyDigest";

  private MailPreferences() {}
}
