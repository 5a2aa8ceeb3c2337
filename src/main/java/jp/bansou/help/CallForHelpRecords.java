package jp.bansou.help;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code call_for_help} table: when each call was asked, answered how, and closed. */
@Repository
public class CallForHelpRecords {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public CallForHelpRecords(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void asked(
      String processInstanceId, String caseNumber, String askedBy, String source, String field) {
    jdbc.update(
        "insert into call_for_help (process_instance_id, case_number, asked_by, source,"
            + " help_field, asked_at) values (?, ?, ?, ?, ?, ?)",
        processInstanceId,
        caseNumber,
        askedBy,
        source,
        field,
        Timestamp.from(clock.instant()));
  }

  public void responded(String processInstanceId, String response, String coordinator) {
    jdbc.update(
        "update call_for_help set response = ?, responded_by = ? where process_instance_id = ?",
        response,
        coordinator,
        processInstanceId);
  }

  public void closed(String processInstanceId) {
    jdbc.update(
        "update call_for_help set closed_at = ? where process_instance_id = ?",
        Timestamp.from(clock.instant()),
        processInstanceId);
  }

  /** The response recorded for a call, or null while none was given. */
  public String responseOf(String processInstanceId) {
    return jdbc
        .queryForList(
            "select response from call_for_help where process_instance_id = ?",
            String.class,
            processInstanceId)
        .stream()
        .findFirst()
        .orElse(null);
  }
}
