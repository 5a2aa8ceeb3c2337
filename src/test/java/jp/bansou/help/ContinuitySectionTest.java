package jp.bansou.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.engine.EngineClock;
import jp.bansou.help.ContinuitySection.Count;
import jp.bansou.help.ContinuitySection.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's continuity section: hand-overs and calls for help, counts only, small hidden. */
@CaseEngineTest
class ContinuitySectionTest {

  static final String MARKER = "TEST-CONT";

  @Autowired ContinuitySection section;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseSummaries summaries;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void withoutOurRows() {
    jdbc.update("delete from case_summary where case_number like ?", MARKER + "-%");
    jdbc.update("delete from case_hand_over where case_number = ?", MARKER);
    jdbc.update("delete from call_for_help where case_number = ?", MARKER);
    // months counted while this test's cases were there
    jdbc.update("delete from caseload_month_end");
  }

  @Test
  void handOversAndWaitingCallsForHelpAreCountedAndSmallCountsHidden() {
    Instant now = Instant.now();
    for (int i = 0; i < 3; i++) {
      // a moment ago: this month is counted up to the engine's clock, which keeps milliseconds
      // only, and the snapshot may start within the millisecond of the insert
      handOver("retirement", now.minusSeconds(1));
      call(now.minus(Duration.ofDays(20)));
    }

    Snapshot snapshot = section.snapshot();

    assertThat(snapshot.caseloadByMonth()).hasSize(ContinuitySection.MONTHS);
    Count thisMonth = snapshot.handOversByMonth().get(ContinuitySection.MONTHS - 1);
    assertThat(thisMonth.count()).isNotNull().isGreaterThanOrEqualTo(3L);
    assertThat(snapshot.handOverReasons())
        .filteredOn(c -> c.label().equals("伴走の活動をやめる"))
        .singleElement()
        .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(3L));
    assertThat(snapshot.callsForHelpByAge())
        .extracting(Count::label)
        .containsExactly("0〜3日", "3〜7日", "7〜14日", "14日以上");
    assertThat(snapshot.callsForHelpByAge().get(3).count()).isGreaterThanOrEqualTo(3L);
    // no cell is ever 1 or 2: such a count is hidden (null)
    assertThat(snapshot.callsForHelpByAge()).allSatisfy(c -> assertThat(c.count()).isNotIn(1L, 2L));
    assertThat(snapshot.handOversByMonth()).allSatisfy(c -> assertThat(c.count()).isNotIn(1L, 2L));

    String json =
        rest.withBasicAuth("coordinator", "coordinator")
            .getForObject("/api/dashboard", String.class);
    assertThat(json).contains("\"continuity\"", "callsForHelpByAge", "14日以上");
    assertThat(json).doesNotContain(MARKER);
  }

  @Test
  void caseloadAtEachMonthEndIsWhatCountingEveryCaseSaid() {
    Instant now = Instant.now();
    // cases with companions opened and closed around the instants asked about
    String[] companions = {"cont-a", "cont-b", "cont-a", "cont-c", null};
    for (int i = 0; i < 10; i++) {
      jdbc.update(
          "insert into case_summary (case_number, process_instance_id, opened_at, closed_at,"
              + " companion_id, consent_statistics) values (?, ?, ?, ?, ?, true)",
          MARKER + "-" + i,
          "pi-" + MARKER + "-" + i,
          Timestamp.from(now.minus(Duration.ofDays(20L * i + 5))),
          i % 3 == 0 ? null : Timestamp.from(now.minus(Duration.ofDays(12L * i))),
          companions[i % companions.length]);
    }
    List<Instant> ends = new ArrayList<>();
    for (int back = 7; back >= 0; back--) {
      ends.add(now.minus(Duration.ofDays(24L * back)));
    }

    long[][] counted = section.openWithCompanionAt(ends);

    List<CaseSummary> cases = summaries.all();
    for (int i = 0; i < ends.size(); i++) {
      Instant end = ends.get(i);
      // the former computation, over every case
      long open = 0;
      Set<String> with = new HashSet<>();
      for (CaseSummary c : cases) {
        if (c.companionId() != null
            && c.openedAt() != null
            && c.openedAt().isBefore(end)
            && (c.closedAt() == null || !c.closedAt().isBefore(end))) {
          open++;
          with.add(c.companionId());
        }
      }
      assertThat(counted[i]).as("at " + end).containsExactly(open, with.size());
    }
  }

  @Test
  void aMonthThatIsOverIsCountedOnceAndKept() {
    jdbc.update("delete from caseload_month_end");
    Instant now = Instant.now();
    for (int i = 0; i < 8; i++) {
      // open since four months, three of them closed two months ago
      jdbc.update(
          "insert into case_summary (case_number, process_instance_id, opened_at, closed_at,"
              + " companion_id, consent_statistics) values (?, ?, ?, ?, ?, true)",
          MARKER + "-" + i,
          "pi-" + MARKER + "-" + i,
          Timestamp.from(now.minus(Duration.ofDays(120))),
          i < 3 ? Timestamp.from(now.minus(Duration.ofDays(60))) : null,
          "cont-" + (i % 4));
    }
    List<Instant> ends = ContinuitySection.monthEnds(now);
    long[][] everyCase = section.openWithCompanionAt(ends);

    long[][] first =
        section.caseloadAt(java.time.YearMonth.from(now.atZone(EngineClock.JAPAN)), ends);

    assertThat(first).isDeepEqualTo(everyCase);
    assertThat(jdbc.queryForObject("select count(*) from caseload_month_end", Integer.class))
        .isEqualTo(ContinuitySection.MONTHS - 1);
    // a month that is over is read as it was counted; this month is counted again
    jdbc.update(
        "update case_summary set companion_id = 'cont-z' where case_number = ?", MARKER + "-7");
    long[][] again =
        section.caseloadAt(java.time.YearMonth.from(now.atZone(EngineClock.JAPAN)), ends);
    for (int i = 0; i < ContinuitySection.MONTHS - 1; i++) {
      assertThat(again[i]).isEqualTo(first[i]);
    }
    assertThat(again[ContinuitySection.MONTHS - 1])
        .isEqualTo(section.openWithCompanionAt(List.of(now))[0]);
    assertThat(section.snapshot().caseloadByMonth()).hasSize(ContinuitySection.MONTHS);
  }

  private void handOver(String reason, Instant at) {
    jdbc.update(
        "insert into case_hand_over (case_number, from_companion, to_companion, reason,"
            + " handed_over_at) values (?, 'a', 'b', ?, ?)",
        MARKER,
        reason,
        Timestamp.from(at));
  }

  private void call(Instant askedAt) {
    jdbc.update(
        "insert into call_for_help (process_instance_id, case_number, asked_by, source,"
            + " asked_at) values ('none', ?, 'a', 'tasklist', ?)",
        MARKER,
        Timestamp.from(askedAt));
  }
}
