package jp.bansou.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.accompaniment.VisitOutcome;
import jp.bansou.accompaniment.VisitOutcomes;
import jp.bansou.casefile.CaseSummaries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard reads pre-aggregated tallies (V60) instead of scanning every visit and closed case:
 * they must always say what a count over the rows would say.
 */
@CaseEngineTest
class DashboardTalliesTest {

  @Autowired CaseSummaries summaries;
  @Autowired VisitOutcomes visits;
  @Autowired JdbcTemplate jdbc;

  final String caseNumber = "T-TALLY-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void forgetThisTestsRows() {
    jdbc.update(
        "update case_hour_tally set opened = opened - 1 where hour_start ="
            + " (select date_trunc('hour', opened_at) from case_summary where case_number = ?)",
        caseNumber);
    jdbc.update(
        "update case_hour_tally set closed = closed - 1 where hour_start ="
            + " (select date_trunc('hour', closed_at) from case_summary where case_number = ?)",
        caseNumber);
    jdbc.query(
        "select outcome from case_summary where case_number = ? and closed_at is not null",
        rs -> {
          jdbc.update(
              "update case_outcome_tally set cases = cases - 1 where outcome = ?", rs.getString(1));
        },
        caseNumber);
    jp.bansou.TallyFixtures.forgetVisits(jdbc, caseNumber);
    jdbc.update("delete from case_summary where case_number = ?", caseNumber);
  }

  @Test
  void aCaseClosedTwiceIsCountedOnceWithItsLatestOutcome() {
    summaries.opened(
        caseNumber,
        "pi-" + caseNumber,
        "13",
        null,
        "VN",
        List.of("vi"),
        List.of("labour"),
        null,
        true,
        false);
    Map<String, Long> before = summaries.closedByOutcome();

    summaries.closed(caseNumber, "resolved");
    summaries.closed(caseNumber, "referred");

    Map<String, Long> after = summaries.closedByOutcome();
    assertThat(after.getOrDefault("resolved", 0L)).isEqualTo(before.getOrDefault("resolved", 0L));
    assertThat(after.get("referred")).isEqualTo(before.getOrDefault("referred", 0L) + 1);
    assertThat(after).isEqualTo(countedOverRows());
  }

  @Test
  void theWeeklyChartsHoursAreWhatCountingEveryCaseSaid() {
    Instant since = Instant.now().minus(2, ChronoUnit.DAYS);
    Map<Instant, List<Long>> before = perHour(summaries.openedAndClosedPerHourSince(since));

    summaries.opened(
        caseNumber, "pi-" + caseNumber, "13", null, "VN", List.of(), List.of(), null, true, false);
    summaries.closed(caseNumber, "resolved");
    summaries.closed(caseNumber, "referred");

    Map<Instant, List<Long>> after = perHour(summaries.openedAndClosedPerHourSince(since));
    Instant hour =
        jdbc.queryForObject(
                "select date_trunc('hour', opened_at) from case_summary where case_number = ?",
                java.sql.Timestamp.class,
                caseNumber)
            .toInstant();
    // opened once, and closed once however often it was closed
    List<Long> was = before.getOrDefault(hour, List.of(0L, 0L));
    List<Long> closedHour = after.get(closedHour());
    assertThat(after.get(hour).get(0)).isEqualTo(was.get(0) + 1);
    assertThat(closedHour).isNotNull();
    assertThat(after).isEqualTo(countedOverRowsPerHour(since));
  }

  private Instant closedHour() {
    return jdbc.queryForObject(
            "select date_trunc('hour', closed_at) from case_summary where case_number = ?",
            java.sql.Timestamp.class,
            caseNumber)
        .toInstant();
  }

  private static Map<Instant, List<Long>> perHour(Map<Instant, long[]> hours) {
    Map<Instant, List<Long>> lists = new java.util.TreeMap<>();
    hours.forEach((hour, n) -> lists.put(hour, List.of(n[0], n[1])));
    return lists;
  }

  /** What the dashboard's weekly chart counted before V91: every case of the period, by hour. */
  private Map<Instant, List<Long>> countedOverRowsPerHour(Instant since) {
    Map<Instant, long[]> hours = new java.util.TreeMap<>();
    java.sql.Timestamp from = java.sql.Timestamp.from(since.truncatedTo(ChronoUnit.HOURS));
    for (int i = 0; i < 2; i++) {
      String column = i == 0 ? "opened_at" : "closed_at";
      int index = i;
      jdbc.query(
          "select date_trunc('hour', "
              + column
              + "), count(*) from case_summary where "
              + column
              + " >= ? and "
              + jp.bansou.engine.Trial.realCase("case_number")
              + " group by date_trunc('hour', "
              + column
              + ")",
          rs -> {
            hours.computeIfAbsent(rs.getTimestamp(1).toInstant(), h -> new long[2])[index] +=
                rs.getLong(2);
          },
          from);
    }
    return perHour(hours);
  }

  @Test
  void visitsAreTalliedByOfficeTypePrefectureAndBarriers() {
    visits.add(visit("33", List.of("status-refusal")));
    visits.add(visit("33", List.of("status-refusal")));
    visits.add(visit(null, List.of()));

    Map<String, Long> tally = new HashMap<>();
    visits
        .tally()
        .forEach(
            t ->
                tally.merge(
                    t.officeType() + "/" + t.officePrefecture() + "/" + t.barriers(),
                    t.visits(),
                    Long::sum));
    Map<String, Long> rows = new HashMap<>();
    jdbc.query(
        "select office_type, office_prefecture, barriers, count(*) from visit_outcome"
            + " group by office_type, office_prefecture, barriers",
        rs -> {
          String barriers = rs.getString(3);
          rows.merge(
              rs.getString(1)
                  + "/"
                  + rs.getString(2)
                  + "/"
                  + (barriers.isBlank() ? List.of() : List.of(barriers.split(","))),
              rs.getLong(4),
              Long::sum);
        });
    tally.values().removeIf(n -> n == 0);
    assertThat(tally).isEqualTo(rows);
  }

  private VisitOutcome visit(String prefecture, List<String> barriers) {
    return new VisitOutcome(
        caseNumber, "hospital", prefecture, "medical-care", "done", barriers, "2026-11", false);
  }

  private Map<String, Long> countedOverRows() {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(
        "select outcome, count(*) from case_summary where closed_at is not null"
            + " and outcome is not null group by outcome",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }
}
