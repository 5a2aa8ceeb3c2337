package jp.bansou.outreach;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.bansou.engine.Trial;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code consultation_event}, {@code consultation_event_staff} and {@code
 * consultation_record}: the events, their rosters, and one row of categories per person seen.
 */
@Repository("consultationEventRecords")
public class ConsultationEvents {

  /** The event as planned. */
  public record Event(
      long id,
      String title,
      LocalDate date,
      String startTime,
      String endTime,
      String prefecture,
      String venueType,
      String venue,
      List<String> topics,
      List<String> languages,
      String status) {

    public String number() {
      return ConsultationEvent.number(id);
    }
  }

  /** One person on the roster and their duty (a language for an interpreter). */
  public record Staff(String userId, String duty, String language) {}

  /**
   * One person seen: categories (when they consented to statistics) and the case opened, if any.
   */
  public record Seen(
      boolean consentStatistics,
      List<String> languages,
      String nationality,
      String statusCategory,
      List<String> problemFields,
      String caseNumber) {}

  public static final String PLANNED = "planned";
  public static final String HELD = "held";
  public static final String REPORTED = "reported";

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insertEvent;
  private final Clock clock;

  public ConsultationEvents(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.insertEvent =
        new SimpleJdbcInsert(jdbc)
            .withTableName("consultation_event")
            .usingGeneratedKeyColumns("id")
            .usingColumns(
                "process_instance_id",
                "title",
                "event_date",
                "start_time",
                "end_time",
                "prefecture",
                "venue_type",
                "venue",
                "topics",
                "languages",
                "planned_by",
                "status",
                "created_at");
  }

  /** A new event; its id makes its number. */
  public long create(Event plan, String processInstanceId, String plannedBy) {
    Map<String, Object> row = new HashMap<>();
    row.put("process_instance_id", processInstanceId);
    row.put("title", plan.title());
    row.put("event_date", Date.valueOf(plan.date()));
    row.put("start_time", plan.startTime());
    row.put("end_time", plan.endTime());
    row.put("prefecture", plan.prefecture());
    row.put("venue_type", plan.venueType());
    row.put("venue", plan.venue());
    row.put("topics", String.join(",", plan.topics()));
    row.put("languages", String.join(",", plan.languages()));
    row.put("planned_by", plannedBy);
    row.put("status", PLANNED);
    row.put("created_at", Timestamp.from(clock.instant()));
    return insertEvent.executeAndReturnKey(row).longValue();
  }

  public Optional<Event> find(long id) {
    return jdbc
        .query("select * from consultation_event where id = ?", ConsultationEvents::event, id)
        .stream()
        .findFirst();
  }

  /** Events on or after a day, the earliest first. */
  public List<Event> since(LocalDate from) {
    return jdbc.query(
        "select * from consultation_event where event_date >= ? and "
            + Trial.realInstance("process_instance_id")
            + " order by event_date, id",
        ConsultationEvents::event,
        Date.valueOf(from));
  }

  public void setStatus(long id, String status) {
    jdbc.update("update consultation_event set status = ? where id = ?", status, id);
  }

  /** Adds a person to the roster; false when they already have a duty at this event. */
  public boolean addStaff(long eventId, String userId, String duty, String language) {
    Integer already =
        jdbc.queryForObject(
            "select count(*) from consultation_event_staff where event_id = ? and user_id = ?",
            Integer.class,
            eventId,
            userId);
    if (already != null && already > 0) {
      return false;
    }
    jdbc.update(
        "insert into consultation_event_staff (event_id, user_id, duty, language, accepted_at)"
            + " values (?, ?, ?, ?, ?)",
        eventId,
        userId,
        duty,
        language,
        Timestamp.from(clock.instant()));
    return true;
  }

  public List<Staff> staff(long eventId) {
    return jdbc.query(
        "select * from consultation_event_staff where event_id = ? order by accepted_at, user_id",
        (rs, i) ->
            new Staff(rs.getString("user_id"), rs.getString("duty"), rs.getString("language")),
        eventId);
  }

  /** One person seen; without consent to statistics, only that they came (and their case). */
  public void seen(long eventId, Seen seen) {
    boolean categories = seen.consentStatistics();
    jdbc.update(
        "insert into consultation_record (event_id, seen_at, consent_statistics, languages,"
            + " nationality, status_category, problem_fields, case_number)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
        eventId,
        Timestamp.from(clock.instant()),
        categories,
        categories ? String.join(",", seen.languages()) : null,
        categories ? seen.nationality() : null,
        categories ? seen.statusCategory() : null,
        categories ? String.join(",", seen.problemFields()) : null,
        seen.caseNumber());
  }

  public List<Seen> seenAt(long eventId) {
    return jdbc.query(
        "select * from consultation_record where event_id = ? order by id",
        (rs, i) ->
            new Seen(
                rs.getBoolean("consent_statistics"),
                split(rs.getString("languages")),
                rs.getString("nationality"),
                rs.getString("status_category"),
                split(rs.getString("problem_fields")),
                rs.getString("case_number")),
        eventId);
  }

  private static Event event(ResultSet rs, int row) throws SQLException {
    return new Event(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getDate("event_date").toLocalDate(),
        rs.getString("start_time"),
        rs.getString("end_time"),
        rs.getString("prefecture"),
        rs.getString("venue_type"),
        rs.getString("venue"),
        split(rs.getString("topics")),
        split(rs.getString("languages")),
        rs.getString("status"));
  }

  private static List<String> split(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
  }
}
