package jp.bansou.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code login_failure}: failed logins per account and source address, and per address alone.
 * Each failure after the first few doubles the wait before the next attempt, up to a ceiling; a
 * success clears the account's record from that address. A stranger elsewhere never locks a
 * coordinator out: the wait is for the pair (account, address).
 */
@Repository
public class LoginFailures {

  /** The account of a source address's own record. */
  static final String ANY_ACCOUNT = "*";

  /** Free tries before waiting, per account and address, and per address. */
  static final int FREE_TRIES = 3;

  static final int FREE_TRIES_PER_ADDRESS = 20;

  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  static final Duration LONGEST_WAIT_PER_ADDRESS = Duration.ofHours(1);

  /** One account or address that must wait. */
  public record Block(String account, String source, int failures, Instant blockedUntil) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public LoginFailures(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Until when a login for this account from this address must wait, if it must. */
  public Optional<Instant> waitUntil(String account, String source) {
    Instant now = clock.instant();
    return jdbc
        .queryForList(
            "select blocked_until from login_failure where source = ? and account in (?, ?)"
                + " and blocked_until is not null",
            Timestamp.class,
            source,
            account == null ? ANY_ACCOUNT : account,
            ANY_ACCOUNT)
        .stream()
        .map(Timestamp::toInstant)
        .filter(until -> until.isAfter(now))
        .max(Instant::compareTo);
  }

  public void failed(String account, String source) {
    if (account != null) {
      record(account, source, FREE_TRIES, LONGEST_WAIT);
    }
    record(ANY_ACCOUNT, source, FREE_TRIES_PER_ADDRESS, LONGEST_WAIT_PER_ADDRESS);
  }

  public void succeeded(String account, String source) {
    jdbc.update("delete from login_failure where account = ? and source = ?", account, source);
  }

  /** The accounts and addresses waiting now, for an administrator. */
  public List<Block> blocked() {
    return jdbc.query(
        "select * from login_failure where blocked_until > ? order by blocked_until desc",
        (rs, i) ->
            new Block(
                rs.getString("account"),
                rs.getString("source"),
                rs.getInt("failures"),
                rs.getTimestamp("blocked_until").toInstant()),
        Timestamp.from(clock.instant()));
  }

  /** An administrator lifts the wait of an account (from every address) or of an address. */
  public int release(String account, String source) {
    if (account != null) {
      return jdbc.update("delete from login_failure where account = ?", account);
    }
    return jdbc.update("delete from login_failure where source = ?", source);
  }

  private void record(String account, String source, int freeTries, Duration longest) {
    Instant now = clock.instant();
    Integer failures =
        jdbc
            .query(
                "select failures from login_failure where account = ? and source = ?",
                (rs, i) -> rs.getInt(1),
                account,
                source)
            .stream()
            .findFirst()
            .orElse(0);
    int next = failures + 1;
    Instant until = null;
    if (next > freeTries) {
      long seconds = Math.min(longest.toSeconds(), 1L << Math.min(30, next - freeTries));
      until = now.plusSeconds(seconds);
    }
    if (failures == 0
        && jdbc.update(
                "insert into login_failure (account, source, failures, last_failure,"
                    + " blocked_until) values (?, ?, ?, ?, ?)",
                account,
                source,
                next,
                Timestamp.from(now),
                until == null ? null : Timestamp.from(until))
            == 1) {
      return;
    }
    jdbc.update(
        "update login_failure set failures = ?, last_failure = ?, blocked_until = ?"
            + " where account = ? and source = ?",
        next,
        Timestamp.from(now),
        until == null ? null : Timestamp.from(until),
        account,
        source);
  }
}
