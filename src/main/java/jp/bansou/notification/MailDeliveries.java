package jp.bansou.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code mail_delivery}: one row per notification, written in the engine's transactions
 * around each attempt. It makes a mail go out at most once per notification (an attempt that finds
 * it delivered sends nothing), keeps its Message-ID, and counts the attempts whose outcome was
 * never recorded: the only ones that may have reached someone twice.
 */
@Repository
class MailDeliveries {

  enum Before {
    /** No attempt yet. */
    NONE,
    /** The last attempt failed and was recorded so. */
    FAILED,
    /** The last attempt was handed over and its outcome never recorded: it may have arrived. */
    UNSETTLED,
    /** Delivered: nothing more to send. */
    SENT
  }

  /** One attempt: its number, what happened before it, and the Message-ID it sends with. */
  record Attempt(int number, Before before, String messageId) {}

  private final JdbcTemplate jdbc;

  MailDeliveries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records that an attempt starts (committed before the mail is handed to the server). */
  Attempt begin(String notificationId, IntFunction<String> messageIdOfAttempt, Instant now) {
    record Row(String state, int attempts, String messageId) {}
    List<Row> rows =
        jdbc.query(
            "select state, attempts, message_id from mail_delivery where notification_id = ?",
            (rs, i) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3)),
            notificationId);
    if (rows.isEmpty()) {
      String messageId = messageIdOfAttempt.apply(1);
      jdbc.update(
          "insert into mail_delivery (notification_id, message_id, state, attempts,"
              + " uncertain_attempts, last_attempt_at) values (?, ?, 'sending', 1, 0, ?)",
          notificationId,
          messageId,
          Timestamp.from(now));
      return new Attempt(1, Before.NONE, messageId);
    }
    Row row = rows.get(0);
    if ("sent".equals(row.state())) {
      return new Attempt(row.attempts(), Before.SENT, row.messageId());
    }
    boolean unsettled = "sending".equals(row.state());
    int number = row.attempts() + 1;
    String messageId = messageIdOfAttempt.apply(number);
    jdbc.update(
        "update mail_delivery set state = 'sending', attempts = ?, message_id = ?,"
            + " uncertain_attempts = uncertain_attempts + ?, last_attempt_at = ?"
            + " where notification_id = ?",
        number,
        messageId,
        unsettled ? 1 : 0,
        Timestamp.from(now),
        notificationId);
    return new Attempt(number, unsettled ? Before.UNSETTLED : Before.FAILED, messageId);
  }

  /** The server accepted the mail at {@code acceptedAt}. */
  void sent(String notificationId, Instant acceptedAt) {
    jdbc.update(
        "update mail_delivery set state = 'sent', accepted_at = ? where notification_id = ?",
        Timestamp.from(acceptedAt),
        notificationId);
  }

  /** The attempt failed before the server accepted the mail. */
  void failed(String notificationId) {
    jdbc.update(
        "update mail_delivery set state = 'failed' where notification_id = ?", notificationId);
  }

  /** Nothing to send (the recipient has no address): settled like a delivery. */
  void nothingToSend(String notificationId) {
    jdbc.update(
        "update mail_delivery set state = 'sent' where notification_id = ?", notificationId);
  }

  MailWorker.DeliveryCounts counts() {
    return jdbc.queryForObject(
        "select count(case when state = 'sent' then 1 end), coalesce(sum(attempts), 0),"
            + " coalesce(sum(uncertain_attempts), 0) from mail_delivery",
        (rs, i) -> new MailWorker.DeliveryCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
  }

  /** Forgets deliveries attempted before {@code before}, once their instances are history. */
  int forgetBefore(Instant before) {
    return jdbc.update(
        "delete from mail_delivery where state = 'sent' and last_attempt_at < ?",
        Timestamp.from(before));
  }
}
