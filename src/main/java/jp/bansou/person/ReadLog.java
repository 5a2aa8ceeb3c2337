package jp.bansou.person;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import jp.bansou.engine.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Table {@code identity_read}: every display of a person's identifiers, appended, never changed. It
 * names the case, the reader, the time, the task or page, and which fields — no identifier.
 */
@Repository
public class ReadLog {

  /** One look at a case's identity. */
  public record Read(String caseNumber, String reader, Instant readAt, String via, String fields) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TransactionTemplate own;

  public ReadLog(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Someone who may not see the person wrote the person's identifiers (a comment refused for them):
   * kept with the case's reads, so its coordinator sees who already knew them (a volunteer offered
   * a case who types the name of someone hiding from violence is the case's warning). In a
   * transaction of its own: the refusal undoes the writer's.
   */
  public void recordWritten(String caseNumber, String writer, String via, List<String> fields) {
    own.executeWithoutResult(status -> record(caseNumber, writer, via, fields));
  }

  void record(String caseNumber, String reader, String via, List<String> fields) {
    jdbc.update(
        "insert into identity_read (case_number, reader, read_at, via, fields)"
            + " values (?, ?, ?, ?, ?)",
        caseNumber,
        reader,
        Timestamp.from(clock.instant()),
        via.length() > 100 ? via.substring(0, 100) : via,
        String.join(",", fields));
  }

  public List<Read> of(String caseNumber) {
    return jdbc.query(
        "select * from identity_read where case_number = ? order by read_at, id",
        (rs, i) -> read(rs),
        caseNumber);
  }

  public List<Read> in(YearMonth month) {
    return jdbc.query(
        "select * from identity_read where read_at >= ? and read_at < ? order by read_at, id",
        (rs, i) -> read(rs),
        Timestamp.from(month.atDay(1).atStartOfDay(EngineClock.JAPAN).toInstant()),
        Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(EngineClock.JAPAN).toInstant()));
  }

  private static Read read(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Read(
        rs.getString("case_number"),
        rs.getString("reader"),
        rs.getTimestamp("read_at").toInstant(),
        rs.getString("via"),
        rs.getString("fields"));
  }
}
