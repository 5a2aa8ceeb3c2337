package jp.bansou.help;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.dashboard.DashboardSection;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Tallies;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Trial;
import jp.bansou.reports.SmallCells;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether cases outlive their companions, on the dashboard ({@code sections.continuity}): open
 * cases per companion month by month, hand-overs and their reasons, paused companions, open calls
 * for help and how long they wait. Counts only, fewer than three left out.
 */
@Component
public class ContinuitySection implements DashboardSection {

  static final int MONTHS = 6;

  /** Waiting times of open calls for help, as the dashboard groups them (upper bounds in days). */
  static final int[] AGE_BOUNDS = {3, 7, 14};

  public record Caseload(String month, Long openCases, Long companions, Double casesPerCompanion) {}

  public record Count(String label, Long count) {}

  public record Snapshot(
      List<Caseload> caseloadByMonth,
      List<Count> handOversByMonth,
      List<Count> handOverReasons,
      Long pausedCompanions,
      Long openCallsForHelp,
      List<Count> callsForHelpByAge) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Texts texts;
  private final Tallies tallies;

  public ContinuitySection(JdbcTemplate jdbc, Clock clock, Texts texts, Tallies tallies) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.texts = texts;
    this.tallies = tallies;
  }

  @Override
  public String key() {
    return "continuity";
  }

  @Override
  public Snapshot snapshot() {
    Instant now = clock.instant();
    ZoneId japan = EngineClock.JAPAN;
    YearMonth thisMonth = YearMonth.from(now.atZone(japan));
    List<Caseload> caseload = new ArrayList<>();
    List<Count> handOvers = new ArrayList<>();
    List<Instant> ends = monthEnds(now);
    long[][] openAtEnds = caseloadAt(thisMonth, ends);
    for (int back = MONTHS - 1; back >= 0; back--) {
      YearMonth month = thisMonth.minusMonths(back);
      Instant end = ends.get(MONTHS - 1 - back);
      Instant start = month.atDay(1).atStartOfDay(japan).toInstant();
      long open = openAtEnds[MONTHS - 1 - back][0];
      long companions = openAtEnds[MONTHS - 1 - back][1];
      Long shownCases = SmallCells.count(open);
      Long shownCompanions = SmallCells.count(companions);
      caseload.add(
          new Caseload(
              month.toString(),
              shownCases,
              shownCompanions,
              shownCases == null || shownCompanions == null || companions == 0
                  ? null
                  : Math.round(10.0 * open / companions) / 10.0));
      handOvers.add(
          new Count(
              month.toString(),
              SmallCells.count(
                  count(
                      "select count(*) from case_hand_over where handed_over_at >= ?"
                          + " and handed_over_at < ? and "
                          + Trial.realCase("case_number"),
                      Timestamp.from(start),
                      Timestamp.from(end)))));
    }
    List<Count> reasons = new ArrayList<>();
    Map<String, Long> byReason = new LinkedHashMap<>();
    jdbc.queryForList(
            "select reason, count(*) as n from case_hand_over where handed_over_at >= ?"
                + " and "
                + Trial.realCase("case_number")
                + " group by reason order by reason",
            Timestamp.from(
                thisMonth.minusMonths(MONTHS - 1).atDay(1).atStartOfDay(japan).toInstant()))
        .forEach(
            row -> byReason.put((String) row.get("reason"), ((Number) row.get("n")).longValue()));
    SmallCells.breakdown(byReason)
        .forEach(
            (reason, n) ->
                reasons.add(new Count(texts.getOr("handOver.reason." + reason, reason), n)));
    List<Count> ages = new ArrayList<>();
    List<Timestamp> asked =
        jdbc.queryForList(
            "select asked_at from call_for_help where closed_at is null and "
                + Trial.realCase("case_number"),
            Timestamp.class);
    int lower = 0;
    for (int bound : AGE_BOUNDS) {
      int from = lower;
      ages.add(
          new Count(
              texts.get("continuity.age", from, bound),
              SmallCells.count(
                  asked.stream()
                      .filter(t -> inDays(t, now) >= from && inDays(t, now) < bound)
                      .count())));
      lower = bound;
    }
    int last = lower;
    ages.add(
        new Count(
            texts.get("continuity.ageOver", last),
            SmallCells.count(asked.stream().filter(t -> inDays(t, now) >= last).count())));
    return new Snapshot(
        caseload,
        handOvers,
        reasons,
        SmallCells.count(
            count("select count(distinct user_id) from companion_pause where ended_at is null")),
        SmallCells.count(asked.size()),
        ages);
  }

  /** The end of each of the last {@link #MONTHS} months, oldest first; now for this month. */
  static List<Instant> monthEnds(Instant now) {
    YearMonth thisMonth = YearMonth.from(now.atZone(EngineClock.JAPAN));
    List<Instant> ends = new ArrayList<>();
    for (int back = MONTHS - 1; back >= 0; back--) {
      YearMonth month = thisMonth.minusMonths(back);
      ends.add(
          back == 0
              ? now
              : month.plusMonths(1).atDay(1).atStartOfDay(EngineClock.JAPAN).toInstant());
    }
    return ends;
  }

  /**
   * The cases with a companion open at each month's end, and their companions: a month that is over
   * as kept in {@code caseload_month_end} (V95), counted and kept the first time it is asked for;
   * this month counted now.
   */
  long[][] caseloadAt(YearMonth thisMonth, List<Instant> ends) {
    Map<String, long[]> kept = new LinkedHashMap<>();
    jdbc.query(
        "select end_month, open_cases, companions from caseload_month_end where end_month >= ?",
        rs -> {
          kept.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        },
        thisMonth.minusMonths(MONTHS - 1).toString());
    List<Integer> toCount = new ArrayList<>();
    for (int i = 0; i < ends.size(); i++) {
      if (i == ends.size() - 1 || !kept.containsKey(monthOf(thisMonth, ends, i))) {
        toCount.add(i);
      }
    }
    long[][] counted = openWithCompanionAt(toCount.stream().map(ends::get).toList());
    long[][] counts = new long[ends.size()][];
    for (int i = 0; i < ends.size(); i++) {
      counts[i] = kept.get(monthOf(thisMonth, ends, i));
    }
    for (int j = 0; j < toCount.size(); j++) {
      int i = toCount.get(j);
      counts[i] = counted[j];
      if (i < ends.size() - 1) {
        LinkedHashMap<String, Object> key = new LinkedHashMap<>();
        key.put("end_month", monthOf(thisMonth, ends, i));
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        values.put("open_cases", counted[j][0]);
        values.put("companions", counted[j][1]);
        values.put("counted_at", Timestamp.from(clock.instant()));
        tallies.put("caseload_month_end", key, values);
      }
    }
    return counts;
  }

  private static String monthOf(YearMonth thisMonth, List<Instant> ends, int i) {
    return thisMonth.minusMonths(ends.size() - 1 - i).toString();
  }

  /**
   * For each instant: the cases with a companion open at it (opened before, not closed before), and
   * their distinct companions. One query over the cases still open at the earliest instant (an
   * index range on {@code closed_at}), not over every case there has been.
   */
  long[][] openWithCompanionAt(List<Instant> ends) {
    StringBuilder sql = new StringBuilder("select ");
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < ends.size(); i++) {
      String openAtEnd = "s.opened_at < ? and (s.closed_at is null or s.closed_at >= ?)";
      sql.append(i == 0 ? "" : ", ")
          .append("sum(case when ")
          .append(openAtEnd)
          .append(" then 1 else 0 end), count(distinct case when ")
          .append(openAtEnd)
          .append(" then s.companion_id end)");
      Timestamp end = Timestamp.from(ends.get(i));
      args.addAll(List.of(end, end, end, end));
    }
    Timestamp earliest = Timestamp.from(ends.stream().min(Instant::compareTo).orElseThrow());
    sql.append(
        " from case_summary s where s.companion_id is not null"
            + " and (s.closed_at is null or s.closed_at >= ?) and "
            + Trial.realCase("s.case_number"));
    args.add(earliest);
    long[][] counts = new long[ends.size()][2];
    jdbc.query(
        sql.toString(),
        rs -> {
          for (int i = 0; i < ends.size(); i++) {
            counts[i][0] = rs.getLong(2 * i + 1);
            counts[i][1] = rs.getLong(2 * i + 2);
          }
        },
        args.toArray());
    return counts;
  }

  private static long inDays(Timestamp asked, Instant now) {
    return Duration.between(asked.toInstant(), now).toDays();
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }
}
