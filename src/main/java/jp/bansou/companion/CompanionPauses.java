package jp.bansou.companion;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code companion_pause} table: a companion unavailable until a date. Matching skips a paused
 * companion; the pause ends on its date by the timer of process {@code companion-pause}.
 */
@Repository
public class CompanionPauses {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public CompanionPauses(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void start(String userId, String reason, LocalDate until) {
    jdbc.update(
        "insert into companion_pause (user_id, reason, paused_until, started_at)"
            + " values (?, ?, ?, ?)",
        userId,
        reason,
        Date.valueOf(until),
        Timestamp.from(clock.instant()));
  }

  /** Ends every open pause of the companion. */
  public void end(String userId) {
    jdbc.update(
        "update companion_pause set ended_at = ? where user_id = ? and ended_at is null",
        Timestamp.from(clock.instant()),
        userId);
  }

  /** Companions whose pause has not ended. */
  public Set<String> paused() {
    return jdbc
        .queryForList(
            "select distinct user_id from companion_pause where ended_at is null", String.class)
        .stream()
        .collect(Collectors.toSet());
  }

  public boolean isPaused(String userId) {
    return paused().contains(userId);
  }
}
