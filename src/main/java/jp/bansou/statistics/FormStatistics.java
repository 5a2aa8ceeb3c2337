package jp.bansou.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Tallies;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Trial;
import jp.bansou.forms.FormSchema;
import jp.bansou.forms.FormSchema.FormField;
import jp.bansou.person.CaseRestricted;
import jp.bansou.person.CountedCases;
import org.springframework.context.event.EventListener;
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

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The longest option code counted (the tally's column). */
  static final int MAX_CODE = 100;

  /** The most a case's answer to one question keeps ({@code case_statistic.categories}). */
  static final int MAX_CODES = 400;

  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final Texts texts;
  private final Tallies tallies;

  public FormStatistics(JdbcTemplate jdbc, EngineClock clock, Texts texts, Tallies tallies) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.texts = texts;
    this.tallies = tallies;
  }

  /**
   * Keeps the case's answers to the form's statistic questions; others are ignored. The dashboard's
   * counts ({@code case_statistic_tally}) follow in the same transaction: a changed answer takes
   * back what the earlier one added, and only a case whose person agreed to anonymous statistics,
   * and that is not restricted, is counted.
   */
  public void record(String caseNumber, FormSchema form, Map<String, Object> variables) {
    if (caseNumber == null || form == null) {
      return;
    }
    Boolean counted = null;
    for (FormField field : form.fields().values()) {
      if (!field.statistic() || !variables.containsKey(field.key())) {
        continue;
      }
      List<String> categories = categories(field, variables.get(field.key()));
      if (categories == null) {
        continue;
      }
      if (counted == null) {
        counted = countable(caseNumber);
      }
      forget(caseNumber, field.key());
      jdbc.update(
          "insert into case_statistic (case_number, field_key, categories, recorded_at, counted)"
              + " values (?, ?, ?, ?, ?)",
          caseNumber,
          field.key(),
          String.join(" ", categories),
          Timestamp.from(clock.instant()),
          counted);
      if (counted) {
        categories.forEach(category -> tally(field.key(), category, 1));
        question(field);
      }
    }
    if (counted != null) {
      keepBesideSummary(caseNumber);
    }
  }

  /**
   * The case's answers copied to {@code case_summary.answers} (V97), where cases.csv reads them
   * with the case's other categories: one line per question, key, tab, codes.
   */
  private void keepBesideSummary(String caseNumber) {
    // the case's row first: a transaction recording another answer of the same case at once (two
    // tasks in parallel) waits here until this one commits, and then reads its answer too; read
    // before the lock, each would write the column without the other's answer
    jdbc.queryForList(
        "select case_number from case_summary where case_number = ? for update",
        String.class,
        caseNumber);
    Map<String, List<String>> answers = new TreeMap<>();
    jdbc.query(
        "select field_key, categories from case_statistic where case_number = ?",
        row -> {
          answers.put(row.getString(1), categories(row.getString(2)));
        },
        caseNumber);
    StringJoiner lines = new StringJoiner("\n");
    answers.forEach(
        (key, codes) -> {
          // a key or code the line could not hold (no form editor allows one; a code kept before
          // codes with whitespace were refused): left to case_statistic
          if (key.indexOf('\t') < 0 && key.indexOf('\n') < 0) {
            lines.add(
                key
                    + "\t"
                    + String.join(
                        " ",
                        codes.stream()
                            .filter(code -> code.chars().noneMatch(Character::isWhitespace))
                            .toList()));
          }
        });
    jdbc.update(
        "update case_summary set answers = ? where case_number = ?",
        lines.length() == 0 ? null : lines.toString(),
        caseNumber);
  }

  /** A case's answers as {@code case_summary.answers} holds them: question key → codes, by key. */
  public static Map<String, List<String>> answers(String column) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    if (column != null) {
      for (String line : column.split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          answers.put(line.substring(0, tab), categories(line.substring(tab + 1)));
        }
      }
    }
    return answers;
  }

  /** Whether the case's answers may be counted ({@link CountedCases}). */
  private boolean countable(String caseNumber) {
    Integer yes = jdbc.queryForObject(CountedCases.IS_COUNTED, Integer.class, caseNumber);
    return yes != null && yes > 0;
  }

  /**
   * A case restricted after its answers were counted: they leave the dashboard's counts in the
   * restricting transaction, and stay uncounted if changed later.
   */
  @EventListener
  public void restricted(CaseRestricted restricted) {
    jdbc.query(
            "select field_key, categories from case_statistic where case_number = ? and counted",
            (rs, i) -> List.of(rs.getString(1), rs.getString(2)),
            restricted.caseNumber())
        .forEach(
            answer -> {
              for (String category : answer.get(1).split(" ")) {
                if (!category.isEmpty()) {
                  tally(answer.get(0), category, -1);
                }
              }
            });
    jdbc.update(
        "update case_statistic set counted = false where case_number = ?", restricted.caseNumber());
  }

  /** Removes the case's earlier answer, and takes back what it added to the counts. */
  private void forget(String caseNumber, String key) {
    jdbc.query(
            "select categories from case_statistic"
                + " where case_number = ? and field_key = ? and counted",
            (rs, i) -> rs.getString(1),
            caseNumber,
            key)
        .forEach(
            earlier -> {
              for (String category : earlier.split(" ")) {
                if (!category.isEmpty()) {
                  tally(key, category, -1);
                }
              }
            });
    jdbc.update(
        "delete from case_statistic where case_number = ? and field_key = ?", caseNumber, key);
  }

  private void tally(String key, String category, int change) {
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    row.put("field_key", key);
    row.put("category", category);
    tallies.add("case_statistic_tally", "cases", row, change);
  }

  /** The question's wording as the form that asked it last puts it. */
  private void question(FormField field) {
    String options;
    try {
      options =
          JSON.writeValueAsString(
              "checkbox".equals(field.type()) ? checkboxAnswers() : field.optionLabels());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    String label = field.label().length() > 400 ? field.label().substring(0, 400) : field.label();
    if (options.length() > 4000) {
      options = "{}";
    }
    LinkedHashMap<String, Object> key = new LinkedHashMap<>();
    key.put("field_key", field.key());
    LinkedHashMap<String, Object> wording = new LinkedHashMap<>();
    wording.put("label", label);
    wording.put("option_labels", options);
    tallies.put("case_statistic_question", key, wording);
  }

  /** A checkbox's two answers, yes first. */
  private Map<String, String> checkboxAnswers() {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("true", texts.get("dashboard.answer.true"));
    answers.put("false", texts.get("dashboard.answer.false"));
    return answers;
  }

  /** One question's counts for the dashboard: how many counted cases gave each answer. */
  public record Question(
      String key, String label, Map<String, Long> cases, Map<String, String> optionLabels) {}

  /**
   * Every counted question with its answers, options in the form's order and then any answer the
   * form no longer offers; a few rows however many cases there have been.
   */
  public List<Question> tallies() {
    Map<String, Map<String, Long>> counts = new java.util.TreeMap<>();
    jdbc.query(
        "select field_key, category, cases from case_statistic_tally where cases > 0",
        row -> {
          counts
              .computeIfAbsent(row.getString(1), k -> new java.util.TreeMap<>())
              .put(row.getString(2), row.getLong(3));
        });
    Map<String, String[]> wording = new java.util.HashMap<>();
    jdbc.query(
        "select field_key, label, option_labels from case_statistic_question",
        row -> {
          wording.put(row.getString(1), new String[] {row.getString(2), row.getString(3)});
        });
    List<Question> questions = new ArrayList<>();
    counts.forEach(
        (key, answers) -> {
          String[] words = wording.getOrDefault(key, new String[] {key, "{}"});
          Map<String, String> labels = new LinkedHashMap<>();
          try {
            JSON.readTree(words[1])
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
          } catch (JsonProcessingException e) {
            // wording unreadable: the codes stand for themselves
          }
          Map<String, Long> ordered = new LinkedHashMap<>();
          labels.keySet().forEach(code -> ordered.put(code, answers.getOrDefault(code, 0L)));
          answers.forEach(ordered::putIfAbsent);
          questions.add(new Question(key, words[0], ordered, labels));
        });
    return questions;
  }

  /**
   * The option codes answered, in no other form; null when the field has no fixed answers. A code
   * with a space, tab or line break is left out: the columns separate codes by spaces, and {@code
   * case_summary.answers} questions by lines and a key from its codes by a tab.
   */
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
      if (field.values().contains(code)
          && !categories.contains(code)
          && code.chars().noneMatch(Character::isWhitespace)
          && code.length() <= MAX_CODE
          && String.join(" ", categories).length() + 1 + code.length() <= MAX_CODES) {
        categories.add(code);
      }
    }
    return categories;
  }

  /**
   * The statistic questions answered in any case, by key: found one after the other through the
   * index on the key (V98), a look-up per question however many cases answered it.
   */
  public List<String> keys() {
    TreeSet<String> keys = new TreeSet<>();
    String next =
        "select min(field_key) from case_statistic where " + Trial.realCase("case_number");
    String key = jdbc.queryForObject(next, String.class);
    while (key != null) {
      keys.add(key);
      key = jdbc.queryForObject(next + " and field_key > ?", String.class, key);
    }
    return new ArrayList<>(keys);
  }

  /**
   * Each case's answers: case number → question key → categories. The whole table, which only a
   * test reads at once (cases.csv reads each case's answers with its row, {@link #answers}); {@code
   * ArchitectureTest} keeps it so.
   */
  public Map<String, Map<String, List<String>>> byCase() {
    Map<String, Map<String, List<String>>> all = new LinkedHashMap<>();
    jdbc.query(
        "select case_number, field_key, categories from case_statistic where "
            + Trial.realCase("case_number"),
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
