package jp.bansou.statistics;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.bansou.engine.EngineClock;
import jp.bansou.forms.FormSchema;
import jp.bansou.forms.FormSchema.FormField;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports follow the forms: the answer to a form question marked as a statistic (custom property
 * {@code statistic = true} in Camunda Modeler's form editor) is kept per case, as categories only —
 * the option codes of a select, radio, checklist or tag list, or a checkbox's {@code true}/{@code
 * false}. A typed answer is never kept, marked or not. The anonymous export {@code cases.csv} shows
 * one column per question.
 */
@Component
public class FormStatistics {

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  public FormStatistics(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Keeps the case's answers to the form's statistic questions; others are ignored. */
  public void record(String caseNumber, FormSchema form, Map<String, Object> variables) {
    if (caseNumber == null || form == null) {
      return;
    }
    for (FormField field : form.fields().values()) {
      if (!field.statistic() || !variables.containsKey(field.key())) {
        continue;
      }
      List<String> categories = categories(field, variables.get(field.key()));
      if (categories == null) {
        continue;
      }
      jdbc.update(
          "delete from case_statistic where case_number = ? and field_key = ?",
          caseNumber,
          field.key());
      jdbc.update(
          "insert into case_statistic (case_number, field_key, categories, recorded_at)"
              + " values (?, ?, ?, ?)",
          caseNumber,
          field.key(),
          String.join(" ", categories),
          Timestamp.from(clock.instant()));
    }
  }

  /** The option codes answered, in no other form; null when the field has no fixed answers. */
  static List<String> categories(FormField field, Object value) {
    if ("checkbox".equals(field.type())) {
      return value instanceof Boolean b ? List.of(b.toString()) : null;
    }
    if (field.values() == null || value == null) {
      return null;
    }
    Collection<?> answers = value instanceof Collection<?> list ? list : List.of(value);
    List<String> categories = new ArrayList<>();
    for (Object answer : answers) {
      String code = String.valueOf(answer);
      if (field.values().contains(code) && !categories.contains(code) && !code.contains(" ")) {
        categories.add(code);
      }
    }
    return categories;
  }

  /** The statistic questions answered in any case, by key. */
  public List<String> keys() {
    return new ArrayList<>(
        new TreeSet<>(
            jdbc.queryForList("select distinct field_key from case_statistic", String.class)));
  }

  /** Each case's answers: case number → question key → categories. */
  public Map<String, Map<String, List<String>>> byCase() {
    Map<String, Map<String, List<String>>> all = new LinkedHashMap<>();
    jdbc.query(
        "select case_number, field_key, categories from case_statistic",
        row -> {
          all.computeIfAbsent(row.getString(1), c -> new LinkedHashMap<>())
              .put(row.getString(2), categories(row.getString(3)));
        });
    return all;
  }

  /** One answer's categories as the column {@code categories} holds them (space-separated). */
  public static List<String> categories(String column) {
    return column.isEmpty() ? List.of() : List.of(column.split(" "));
  }
}
