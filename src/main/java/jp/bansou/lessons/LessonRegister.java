package jp.bansou.lessons;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.bansou.engine.Trial;
import jp.bansou.person.CountedCases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code lesson} table: lessons under review, published or returned. */
@Repository
public class LessonRegister {

  static final String REVIEW = "review";
  static final String PUBLISHED = "published";
  static final String RETURNED = "returned";

  /** A published lesson as companions find it: categories and text, never the case. */
  public record Lesson(
      long id,
      String officeType,
      String visitPurpose,
      String statusCategory,
      String problemField,
      String prefecture,
      String whatWasSaid,
      String whatWorked,
      List<String> documents,
      String publishedMonth) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public LessonRegister(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void written(
      String processInstanceId,
      String caseNumber,
      String writtenBy,
      String officeType,
      String visitPurpose,
      String statusCategory,
      String problemField,
      String prefecture,
      String whatWasSaid,
      String whatWorked,
      List<String> documents) {
    jdbc.update(
        "insert into lesson (process_instance_id, case_number, written_by, office_type,"
            + " visit_purpose, status_category, problem_field, prefecture, what_was_said,"
            + " what_worked, helpful_documents, status, written_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        processInstanceId,
        caseNumber,
        writtenBy,
        officeType,
        visitPurpose,
        statusCategory,
        problemField,
        prefecture,
        whatWasSaid,
        whatWorked,
        String.join(",", documents),
        REVIEW,
        Timestamp.from(clock.instant()));
  }

  public void reviewed(String processInstanceId, boolean published, String reviewer) {
    jdbc.update(
        "update lesson set status = ?, reviewed_by = ?, published_at = ?"
            + " where process_instance_id = ?",
        published ? PUBLISHED : RETURNED,
        reviewer,
        published ? Timestamp.from(clock.instant()) : null,
        processInstanceId);
  }

  /** Published lessons matching every filter given (null or blank: any), newest first. */
  public List<Lesson> search(
      String problemField, String officeType, String statusCategory, String prefecture) {
    StringBuilder sql =
        new StringBuilder(
            "select * from lesson where status = ? and "
                + Trial.realCase("case_number")
                // a case restricted after its lesson was published: the lesson is no longer shown
                + " and "
                + CountedCases.notRestricted("lesson.case_number"));
    List<Object> args = new ArrayList<>(List.of(PUBLISHED));
    filter(sql, args, "problem_field", problemField);
    filter(sql, args, "office_type", officeType);
    filter(sql, args, "status_category", statusCategory);
    filter(sql, args, "prefecture", prefecture);
    sql.append(" order by published_at desc, id desc");
    return jdbc.query(
        sql.toString(),
        (rs, i) ->
            new Lesson(
                rs.getLong("id"),
                rs.getString("office_type"),
                rs.getString("visit_purpose"),
                rs.getString("status_category"),
                rs.getString("problem_field"),
                rs.getString("prefecture"),
                rs.getString("what_was_said"),
                rs.getString("what_worked"),
                rs.getString("helpful_documents").isBlank()
                    ? List.of()
                    : Arrays.asList(rs.getString("helpful_documents").split(",")),
                rs.getTimestamp("published_at").toLocalDateTime().toString().substring(0, 7)),
        args.toArray());
  }

  public String statusOf(String processInstanceId) {
    return jdbc
        .queryForList(
            "select status from lesson where process_instance_id = ?",
            String.class,
            processInstanceId)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
    if (value != null && !value.isBlank()) {
      sql.append(" and ").append(column).append(" = ?");
      args.add(value);
    }
  }
}
