package jp.bansou.notification;

import jp.bansou.engine.Var;

/**
 * The variables of process {@code send-notification}: who, what kind, and the task's name, case
 * number and link. By construction nothing about the person supported is among them, and no
 * password: a welcome mail's password is made when the mail is sent.
 */
public final class Notification {

  public static final String PROCESS_KEY = "send-notification";

  /** The external-task topic of its step メールを送る, served by {@link MailWorker}. */
  public static final String TOPIC = "mail";

  public static final Var<String> RECIPIENT = Var.text("recipientId");
  public static final Var<String> KIND = Var.text("notificationKind");
  public static final Var<String> TASK_ID = Var.text("taskId");
  public static final Var<String> TASK_NAME = Var.text("taskName");

  /** Kinds of notification. */
  public static final String ASSIGNED = "assigned";

  public static final String OFFERED = "offered";
  public static final String DIGEST = "digest";

  /** A new companion's account, with a fresh initial password set when the mail is sent. */
  public static final String WELCOME = "welcome";

  private Notification() {}
}
