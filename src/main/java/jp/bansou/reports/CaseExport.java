package jp.bansou.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.engine.EngineClock;
import jp.bansou.person.CountedCases;
import jp.bansou.statistics.FormStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The anonymous export {@code cases.csv}: one row per case opened in a period (a case counted by
 * {@link CountedCases}), categories only, a category fewer than three of the period's rows share
 * shown as {@code *}. Written to the response row by row as the database returns them, in constant
 * memory: the counts that decide what is hidden come first, from one grouped query over the same
 * period in the same snapshot, and the form questions' answers are read with the case's row ({@code
 * case_summary.answers}, V97).
 */
@Service
public class CaseExport {

  /** Without {@code from}: the cases opened in the last twelve months. */
  static final int DEFAULT_MONTHS = 12;

  static final List<String> HEADER =
      List.of(
          "case_number",
          "opened_on",
          "closed_on",
          "prefecture",
          "status_category",
          "nationality",
          "languages",
          "problem_fields",
          "urgency",
          "tracks",
          "outcome");

  /** The category columns, each with how its value becomes codes (one, or a comma list). */
  private static final Map<String, Function<String, List<String>>> CATEGORIES = categories();

  private static Map<String, Function<String, List<String>>> categories() {
    Map<String, Function<String, List<String>>> columns = new LinkedHashMap<>();
    Function<String, List<String>> one = code -> code == null ? List.of() : List.of(code);
    columns.put("prefecture", one);
    columns.put("status_category", one);
    columns.put("nationality", one);
    columns.put("languages", CaseSummaries::split);
    columns.put("problem_fields", CaseSummaries::split);
    columns.put("tracks", CaseSummaries::split);
    columns.put("outcome", one);
    return columns;
  }

  /**
   * Cases opened from {@code from} to {@code to} (Japanese days, both included; to may be open).
   */
  public record Period(LocalDate from, LocalDate to) {}

  private final JdbcTemplate jdbc;
  private final JdbcTemplate streaming;
  private final TransactionTemplate snapshot;
  private final FormStatistics statistics;
  private final Clock clock;

  public CaseExport(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      FormStatistics statistics,
      Clock clock) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(jdbc.getDataSource());
    // rows come in batches (PostgreSQL: a cursor, which needs the transaction below)
    this.streaming.setFetchSize(1000);
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setReadOnly(true);
    // counts and rows from one snapshot: a case restricted in between cannot unhide a small cell
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.statistics = statistics;
    this.clock = clock;
  }

  /**
   * The period asked for. Without {@code from}: twelve months before {@code to}, or before today
   * with no end when neither is given.
   */
  public Period period(LocalDate from, LocalDate to) {
    LocalDate end = to != null ? to : LocalDate.now(clock.withZone(EngineClock.JAPAN));
    return new Period(from != null ? from : end.minusMonths(DEFAULT_MONTHS), to);
  }

  public void write(Period period, OutputStream out) {
    snapshot.executeWithoutResult(
        status -> {
          try {
            writeInSnapshot(period, out);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private void writeInSnapshot(Period period, OutputStream out) throws IOException {
    List<Object> args = new ArrayList<>();
    String where = where(period, args);

    // rows per code of each category column and of each form question's answer, over the period's
    // rows, from one grouped query (rows that share every category are counted together)
    Map<String, Map<String, Long>> shared = new HashMap<>();
    CATEGORIES.keySet().forEach(column -> shared.put(column, new HashMap<>()));
    Map<String, Map<String, Long>> answersShared = new HashMap<>();
    String columns = String.join(", ", CATEGORIES.keySet().stream().map(c -> "s." + c).toList());
    jdbc.query(
        "select "
            + columns
            + ", s.answers, count(*) from case_summary s where "
            + where
            + " group by "
            + columns
            + ", s.answers",
        rs -> {
          long rows = rs.getLong(CATEGORIES.size() + 2);
          int i = 1;
          for (var column : CATEGORIES.entrySet()) {
            Map<String, Long> counts = shared.get(column.getKey());
            column
                .getValue()
                .apply(rs.getString(i++))
                .forEach(c -> counts.merge(c, rows, Long::sum));
          }
          FormStatistics.answers(rs.getString(i))
              .forEach(
                  (key, codes) -> {
                    Map<String, Long> counts =
                        answersShared.computeIfAbsent(key, k -> new HashMap<>());
                    codes.forEach(c -> counts.merge(c, rows, Long::sum));
                  });
        },
        args.toArray());

    // one more column per form question a modeller marked as a statistic, categories only
    List<String> questions = statistics.keys();
    List<String> header = new ArrayList<>(HEADER);
    questions.forEach(key -> header.add("form_" + key));
    // a cell depends only on the column's value: each distinct value is worked out once (HashMap:
    // null, no value, is a key too)
    List<Map<String, String>> shownCells = new ArrayList<>();
    CATEGORIES.keySet().forEach(column -> shownCells.add(new HashMap<>()));
    Map<String, List<String>> shownAnswers = new HashMap<>();
    Csv.Rows csv = Csv.stream(header, out);
    streaming.query(
        "select s.case_number, s.opened_at, s.closed_at, s.urgency, "
            + columns
            + ", s.answers from case_summary s where "
            + where
            + " order by s.opened_at, s.case_number",
        rs -> {
          // the category cells in the order of CATEGORIES
          List<String> cells = new ArrayList<>(CATEGORIES.size());
          int i = 5;
          for (var column : CATEGORIES.entrySet()) {
            String value = rs.getString(i++);
            cells.add(
                shownCells
                    .get(cells.size())
                    .computeIfAbsent(
                        value,
                        v ->
                            SmallCells.shown(
                                column.getValue().apply(value), shared.get(column.getKey()))));
          }
          String urgency = rs.getString(4);
          List<Object> row = new ArrayList<>(header.size());
          row.add(rs.getString(1));
          row.add(day(rs.getObject(2, LocalDateTime.class)));
          row.add(day(rs.getObject(3, LocalDateTime.class)));
          row.addAll(cells.subList(0, 5)); // prefecture … problem_fields
          row.add(urgency == null ? "" : urgency);
          row.addAll(cells.subList(5, 7)); // tracks, outcome
          String answers = rs.getString(i);
          row.addAll(
              shownAnswers.computeIfAbsent(
                  answers,
                  a -> {
                    Map<String, List<String>> mine = FormStatistics.answers(answers);
                    return questions.stream()
                        .map(
                            key ->
                                SmallCells.shown(
                                    mine.getOrDefault(key, List.of()),
                                    answersShared.getOrDefault(key, Map.of())))
                        .toList();
                  }));
          try {
            csv.row(row);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        args.toArray());
    csv.finish();
  }

  private static String where(Period period, List<Object> args) {
    StringBuilder where = new StringBuilder(CountedCases.WHERE).append(" and s.opened_at >= ?");
    args.add(Timestamp.from(period.from().atStartOfDay(EngineClock.JAPAN).toInstant()));
    if (period.to() != null) {
      where.append(" and s.opened_at < ?");
      args.add(Timestamp.from(period.to().plusDays(1).atStartOfDay(EngineClock.JAPAN).toInstant()));
    }
    return where.toString();
  }

  /**
   * The Japanese day of a time the database holds as this JVM's local time (as {@code getTimestamp}
   * reads it), without the calendar arithmetic of {@link Timestamp}: a sixth of the export's time
   * in Java went to it.
   */
  private static String day(LocalDateTime at) {
    return at == null
        ? ""
        : at.atZone(ZoneId.systemDefault())
            .withZoneSameInstant(EngineClock.JAPAN)
            .toLocalDate()
            .toString();
  }
}
