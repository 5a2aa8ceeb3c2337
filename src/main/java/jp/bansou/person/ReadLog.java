package jp.bansou.person;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import jp.bansou.engine.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Table {@code identity_read}: every display of a person's identifiers, appended, never changed. It
 * names the case, the reader, the time, the task or page, and which fields — no identifier; and
 * whether it was a look or a refused attempt to write the identifiers ({@link Kind}).
 */
@Repository
public class ReadLog {

  /** What a line records. */
  public enum Kind {
    /** The identity was shown to the reader. */
    READ,
    /**
     * The reader, who may not see the person, wrote their identifiers and was refused: they knew
     * them already. The case's warning.
     */
    WRITTEN;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * As stored, or for a line from before the column (V96), from its via: our reads were only ever
     * recorded as {@code task …} or {@code page …}, a refused write as Japanese text.
     */
    static Kind of(String code, String via) {
      if (code != null) {
        return valueOf(code.toUpperCase(Locale.ROOT));
      }
      return via.startsWith(TASK) || via.startsWith(PAGE) ? READ : WRITTEN;
    }
  }

  /** How a look through a task is recorded: {@code task <definition key> <task id>}. */
  static final String TASK = "task ";

  /** How a look through a page is recorded: {@code page <path>}. */
  static final String PAGE = "page ";

  /** One look at a case's identity, or one refused write of it. */
  public record Read(
      String caseNumber, String reader, Instant readAt, String via, String fields, Kind kind) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ReadLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Someone who may not see the person wrote the person's identifiers (a comment refused for them):
   * kept with the case's reads, so its coordinator sees who already knew them (a volunteer offered
   * a case who types the name of someone hiding from violence is the case's warning).
   *
   * <p>The refusal undoes the writer's transaction, so the line is written once it has ended, on
   * its connection, and committed there. It is not written in a transaction of its own beside it
   * ({@code REQUIRES_NEW}): that takes a second connection while the first is held, and as many
   * refused writers at once as the pool has connections each waited for another's, so that the node
   * stalled for the pool's timeout (one user sending the same comment 50 times in parallel did it
   * on H2).
   */
  public void recordWritten(String caseNumber, String writer, String via, List<String> fields) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      // no transaction to undo the writer's: written at once, on the connection in use
      insert(caseNumber, writer, via, fields, Kind.WRITTEN);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            // the ended transaction's connection, still bound to this thread until this returns
            Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
            try {
              insert(caseNumber, writer, via, fields, Kind.WRITTEN);
              if (!connection.getAutoCommit()) {
                connection.commit();
              }
            } catch (SQLException e) {
              throw new IllegalStateException("identity_read not written", e);
            } finally {
              DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
            }
          }
        });
  }

  void record(String caseNumber, String reader, String via, List<String> fields) {
    insert(caseNumber, reader, via, fields, Kind.READ);
  }

  private void insert(
      String caseNumber, String reader, String via, List<String> fields, Kind kind) {
    jdbc.update(
        "insert into identity_read (case_number, reader, read_at, via, fields, kind)"
            + " values (?, ?, ?, ?, ?, ?)",
        caseNumber,
        reader,
        Timestamp.from(clock.instant()),
        via.length() > 100 ? via.substring(0, 100) : via,
        String.join(",", fields),
        kind.code());
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
    String via = rs.getString("via");
    return new Read(
        rs.getString("case_number"),
        rs.getString("reader"),
        rs.getTimestamp("read_at").toInstant(),
        via,
        rs.getString("fields"),
        Kind.of(rs.getString("kind"), via));
  }
}
