package jp.bansou.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

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
    jdbc.query(
        "select outcome from case_summary where case_number = ? and closed_at is not null",
        rs -> {
          jdbc.update(
              "update case_outcome_tally set cases = cases - 1 where outcome = ?", rs.getString(1));
        },
        caseNumber);
    jdbc.update("delete from case_summary where case_number = ?", caseNumber);
    jdbc.query(
        "select office_type, coalesce(office_prefecture, ''), barriers from visit_outcome"
            + " where case_number = ?",
        rs -> {
          jdbc.update(
              "update visit_barrier_tally set visits = visits - 1 where office_type = ?"
                  + " and office_prefecture = ? and barriers = ?",
              rs.getString(1),
              rs.getString(2),
              rs.getString(3));
        },
        caseNumber);
    jdbc.update("delete from visit_outcome where case_number = ?", caseNumber);
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
        true);
    Map<String, Long> before = summaries.closedByOutcome();

    summaries.closed(caseNumber, "resolved");
    summaries.closed(caseNumber, "referred");

    Map<String, Long> after = summaries.closedByOutcome();
    assertThat(after.getOrDefault("resolved", 0L)).isEqualTo(before.getOrDefault("resolved", 0L));
    assertThat(after.get("referred")).isEqualTo(before.getOrDefault("referred", 0L) + 1);
    assertThat(after).isEqualTo(countedOverRows());
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
