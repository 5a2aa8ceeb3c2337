package jp.bansou.handover;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code case_hand_over} table: which case moved from which companion to which, and why. */
@Repository
public class HandOverRecords {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public HandOverRecords(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(String caseNumber, String from, String to, String reason) {
    jdbc.update(
        "insert into case_hand_over (case_number, from_companion, to_companion, reason,"
            + " handed_over_at) values (?, ?, ?, ?, ?)",
        caseNumber,
        from,
        to,
        reason,
        Timestamp.from(clock.instant()));
  }

  public int countFor(String caseNumber) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from case_hand_over where case_number = ?", Integer.class, caseNumber);
    return count == null ? 0 : count;
  }
}
