package jp.bansou.help;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.dashboard.DashboardSection;
import jp.bansou.engine.EngineClock;
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

  private final CaseSummaries summaries;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Texts texts;

  public ContinuitySection(CaseSummaries summaries, JdbcTemplate jdbc, Clock clock, Texts texts) {
    this.summaries = summaries;
    this.jdbc = jdbc;
    this.clock = clock;
    this.texts = texts;
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
    List<CaseSummary> cases = summaries.all();
    List<Caseload> caseload = new ArrayList<>();
    List<Count> handOvers = new ArrayList<>();
    for (int back = MONTHS - 1; back >= 0; back--) {
      YearMonth month = thisMonth.minusMonths(back);
      Instant end = back == 0 ? now : month.plusMonths(1).atDay(1).atStartOfDay(japan).toInstant();
      Instant start = month.atDay(1).atStartOfDay(japan).toInstant();
      long open = 0;
      Set<String> companions = new HashSet<>();
      for (CaseSummary c : cases) {
        boolean openAtEnd =
            c.companionId() != null
                && c.openedAt() != null
                && c.openedAt().isBefore(end)
                && (c.closedAt() == null || !c.closedAt().isBefore(end));
        if (openAtEnd) {
          open++;
          companions.add(c.companionId());
        }
      }
      Long shownCases = SmallCells.count(open);
      Long shownCompanions = SmallCells.count(companions.size());
      caseload.add(
          new Caseload(
              month.toString(),
              shownCases,
              shownCompanions,
              shownCases == null || shownCompanions == null || companions.isEmpty()
                  ? null
                  : Math.round(10.0 * open / companions.size()) / 10.0));
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

  private static long inDays(Timestamp asked, Instant now) {
    return Duration.between(asked.toInstant(), now).toDays();
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }
}
