package jp.bansou.notification;

/**
 * The variables of process {@code send-notification}: who, what kind, and the task's name, case
 * number and link. By construction nothing about the person supported is among them.
 */
public final class NotificationVariables {

  public static final String PROCESS_KEY = "send-notification";

  public static final String RECIPIENT = "recipientId";
  public static final String KIND = "notificationKind";
  public static final String TASK_ID = "taskId";
  public static final String TASK_NAME = "taskName";
  public static final String CASE_NUMBER = "caseNumber";

  /** Kinds of notification. */
  public static final String ASSIGNED = "assigned";

  public static final String OFFERED = "offered";
  public static final String DIGEST = "digest";
  public static final String WELCOME = "welcome";

  /** Camunda user info keys of each user's mail preferences. */
  public static final String MAIL_LANGUAGE = "mailLanguage";

  public static final String DAILY_DIGEST = "dailyDigest";

  private NotificationVariables() {}
}
