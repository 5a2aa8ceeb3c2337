package jp.bansou.course;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * The course series tables: {@code course_series}, {@code course_session}, {@code
 * course_applicant}, {@code course_registration}, {@code course_session_attendance} and {@code
 * course_certificate}. An applicant's name and contact stay here, for the roll call and the
 * certificate: never in a log, an export or the dashboard.
 */
@Repository
public class CourseRecords {

  /** A person registered for a series: an account only when they already are a companion. */
  public record Applicant(long id, String displayName, String userId, List<String> topics) {}

  /** A session as planned. */
  public record Session(
      long id,
      String topic,
      LocalDate date,
      String startTime,
      String lecturer,
      String venueType,
      String venue,
      boolean held,
      int attended) {}

  public static final String OPEN = "open";
  public static final String FINISHED = "finished";

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insertSeries;
  private final SimpleJdbcInsert insertSession;
  private final SimpleJdbcInsert insertApplicant;
  private final Clock clock;

  public CourseRecords(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.insertSeries =
        new SimpleJdbcInsert(jdbc)
            .withTableName("course_series")
            .usingGeneratedKeyColumns("id")
            .usingColumns(
                "process_instance_id",
                "title",
                "prefecture",
                "venue_type",
                "venue",
                "status",
                "created_at");
    this.insertSession =
        new SimpleJdbcInsert(jdbc)
            .withTableName("course_session")
            .usingGeneratedKeyColumns("id")
            .usingColumns(
                "series_id",
                "topic",
                "session_date",
                "start_time",
                "lecturer",
                "venue_type",
                "venue");
    this.insertApplicant =
        new SimpleJdbcInsert(jdbc)
            .withTableName("course_applicant")
            .usingGeneratedKeyColumns("id")
            .usingColumns(
                "series_id",
                "display_name",
                "contact",
                "prefecture",
                "user_id",
                "registered_at",
                "registered_by");
  }

  public long createSeries(
      String processInstanceId, String title, String prefecture, String venueType, String venue) {
    Map<String, Object> row = new HashMap<>();
    row.put("process_instance_id", processInstanceId);
    row.put("title", title);
    row.put("prefecture", prefecture);
    row.put("venue_type", venueType);
    row.put("venue", venue);
    row.put("status", OPEN);
    row.put("created_at", Timestamp.from(clock.instant()));
    return insertSeries.executeAndReturnKey(row).longValue();
  }

  /** How many series were ever planned. */
  public int seriesCount() {
    Integer count = jdbc.queryForObject("select count(*) from course_series", Integer.class);
    return count == null ? 0 : count;
  }

  public void setStatus(long seriesId, String status) {
    jdbc.update("update course_series set status = ? where id = ?", status, seriesId);
  }

  /** Plans a session of a topic (planning it again replaces the plan). */
  public long saveSession(
      long seriesId,
      String topic,
      LocalDate date,
      String startTime,
      String lecturer,
      String venueType,
      String venue) {
    jdbc.update(
        "delete from course_session where series_id = ? and topic = ? and held = false",
        seriesId,
        topic);
    Map<String, Object> row = new HashMap<>();
    row.put("series_id", seriesId);
    row.put("topic", topic);
    row.put("session_date", Date.valueOf(date));
    row.put("start_time", startTime);
    row.put("lecturer", lecturer);
    row.put("venue_type", venueType);
    row.put("venue", venue);
    return insertSession.executeAndReturnKey(row).longValue();
  }

  public List<Session> sessions(long seriesId) {
    return jdbc.query(
        "select s.*, (select count(*) from course_session_attendance a where a.session_id = s.id)"
            + " attended from course_session s where series_id = ? order by session_date, id",
        (rs, i) ->
            new Session(
                rs.getLong("id"),
                rs.getString("topic"),
                rs.getDate("session_date").toLocalDate(),
                rs.getString("start_time"),
                rs.getString("lecturer"),
                rs.getString("venue_type"),
                rs.getString("venue"),
                rs.getBoolean("held"),
                rs.getInt("attended")),
        seriesId);
  }

  public long addApplicant(
      long seriesId,
      String displayName,
      String contact,
      String prefecture,
      String userId,
      String registeredBy,
      Collection<String> topics) {
    Map<String, Object> row = new HashMap<>();
    row.put("series_id", seriesId);
    row.put("display_name", displayName);
    row.put("contact", contact);
    row.put("prefecture", prefecture);
    row.put("user_id", userId);
    row.put("registered_at", Timestamp.from(clock.instant()));
    row.put("registered_by", registeredBy);
    long id = insertApplicant.executeAndReturnKey(row).longValue();
    for (String topic : topics) {
      jdbc.update("insert into course_registration (applicant_id, topic) values (?, ?)", id, topic);
    }
    return id;
  }

  /** The series' applicants, in the order they registered, with the topics they chose. */
  public List<Applicant> applicants(long seriesId) {
    return jdbc.query(
        "select * from course_applicant where series_id = ? order by id",
        (rs, i) ->
            new Applicant(
                rs.getLong("id"),
                rs.getString("display_name"),
                rs.getString("user_id"),
                jdbc.queryForList(
                    "select topic from course_registration where applicant_id = ? order by topic",
                    String.class,
                    rs.getLong("id"))),
        seriesId);
  }

  /** Who attended the session, and that it was held. */
  public void attended(long sessionId, Collection<Long> applicantIds) {
    jdbc.update("update course_session set held = true where id = ?", sessionId);
    for (long applicant : applicantIds) {
      jdbc.update(
          "delete from course_session_attendance where session_id = ? and applicant_id = ?",
          sessionId,
          applicant);
      jdbc.update(
          "insert into course_session_attendance (session_id, applicant_id) values (?, ?)",
          sessionId,
          applicant);
    }
  }

  /** The topics of the sessions an applicant attended. */
  public List<String> attendedTopics(long applicantId) {
    return jdbc.queryForList(
        "select s.topic from course_session_attendance a join course_session s"
            + " on s.id = a.session_id where a.applicant_id = ? order by s.session_date",
        String.class,
        applicantId);
  }

  public void saveEvaluation(
      long sessionId, long responses, long good, long fair, long poor, String comments) {
    jdbc.update(
        "update course_session set evaluation_responses = ?, rated_good = ?, rated_fair = ?,"
            + " rated_poor = ?, evaluation_comments = ? where id = ?",
        responses,
        good,
        fair,
        poor,
        comments,
        sessionId);
  }

  public void certificate(long applicantId, long seriesId, String certificate, LocalDate on) {
    jdbc.update("delete from course_certificate where applicant_id = ?", applicantId);
    jdbc.update(
        "insert into course_certificate (applicant_id, series_id, certificate, issued_on)"
            + " values (?, ?, ?, ?)",
        applicantId,
        seriesId,
        certificate,
        Date.valueOf(on));
  }

  /** Certificates of a series by code, for counting. */
  public Map<String, Long> certificates(long seriesId) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(
        "select certificate, count(*) from course_certificate where series_id = ?"
            + " group by certificate",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        },
        seriesId);
    return counts;
  }
}
