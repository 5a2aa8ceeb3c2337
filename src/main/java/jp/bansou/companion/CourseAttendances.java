package jp.bansou.companion;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code course_attendance} table: which of the nine sessions each companion attended. */
@Repository
public class CourseAttendances {

  private final JdbcTemplate jdbc;

  public CourseAttendances(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Recording a session twice keeps the first date. */
  public void record(String userId, String session, LocalDate attendedOn, String recordedBy) {
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from course_attendance where user_id = ? and session_code = ?",
            Integer.class,
            userId,
            session);
    if (existing == 0) {
      jdbc.update(
          "insert into course_attendance (user_id, session_code, attended_on, recorded_by)"
              + " values (?, ?, ?, ?)",
          userId,
          session,
          Date.valueOf(attendedOn),
          recordedBy);
    }
  }

  public List<String> sessionsOf(String userId) {
    return jdbc.queryForList(
        "select session_code from course_attendance where user_id = ? order by attended_on",
        String.class,
        userId);
  }
}
