package jp.bansou.accompaniment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import jp.bansou.engine.Tallies;
import jp.bansou.engine.Trial;
import jp.bansou.person.CaseRestricted;
import jp.bansou.person.CountedCases;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code visit_outcome} table: each visit's outcome in categories, for the policy evidence. */
@Repository
public class VisitOutcomes {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Tallies tallies;

  public VisitOutcomes(JdbcTemplate jdbc, Clock clock, Tallies tallies) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tallies = tallies;
  }

  public void add(VisitOutcome visit) {
    jdbc.update(
        "insert into visit_outcome (case_number, office_type, office_prefecture, visit_purpose,"
            + " visit_result, barriers, visit_month, policy_flagged, recorded_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        visit.caseNumber(),
        visit.officeType(),
        visit.officePrefecture(),
        visit.visitPurpose(),
        visit.visitResult(),
        String.join(",", visit.barriers()),
        visit.visitMonth(),
        visit.policyFlagged(),
        Timestamp.from(clock.instant()));
    Integer trial = jdbc.queryForObject(Trial.IS_TRIAL_CASE, Integer.class, visit.caseNumber());
    // a trial case (jp.bansou.engine.Trial) counts in no tally
    if (trial != null && trial > 0) {
      return;
    }
    String barriers = String.join(",", visit.barriers());
    tallied("visits", visit.officeType(), visit.officePrefecture(), barriers, 1);
    Integer counted =
        jdbc.queryForObject(CountedCases.IS_COUNTED, Integer.class, visit.caseNumber());
    if (counted != null && counted > 0) {
      tallied("counted_visits", visit.officeType(), visit.officePrefecture(), barriers, 1);
    }
  }

  /**
   * A case restricted after its visits were counted: they leave the exports' counts ({@code
   * counted_visits}), in the restricting transaction. The dashboard's count of every visit stays.
   */
  @EventListener
  public void restricted(CaseRestricted restricted) {
    jdbc.query(
        "select v.office_type, v.office_prefecture, v.barriers from visit_outcome v"
            + " join case_summary s on s.case_number = v.case_number"
            + " where v.case_number = ? and s.consent_statistics = true and "
            + Trial.realCase("s.case_number"),
        rs -> {
          tallied("counted_visits", rs.getString(1), rs.getString(2), rs.getString(3), -1);
        },
        restricted.caseNumber());
  }

  /**
   * One more (or one less) visit in {@code visit_barrier_tally}: {@code visits} counts every visit
   * (the dashboard's figure), {@code counted_visits} those of cases that anonymous statistics may
   * count ({@link CountedCases}: visit-barriers.csv).
   */
  private void tallied(
      String count, String officeType, String prefecture, String barriers, int change) {
    LinkedHashMap<String, Object> key = new LinkedHashMap<>();
    key.put("office_type", officeType);
    key.put("office_prefecture", prefecture == null ? "" : prefecture);
    key.put("barriers", barriers);
    tallies.add("visit_barrier_tally", count, key, change);
  }

  /** Visits counted per office type, prefecture and barriers met, over all visits ever recorded. */
  public record Tally(
      String officeType, String officePrefecture, List<String> barriers, long visits) {}

  /** Every visit counted by office type, prefecture and barriers: a few dozen rows, not a scan. */
  public List<Tally> tally() {
    return tally("visits");
  }

  /**
   * The visits of the cases anonymous statistics may count ({@link CountedCases}), by office type,
   * prefecture and barriers: what visit-barriers.csv counts.
   */
  public List<Tally> countedTally() {
    return tally("counted_visits");
  }

  private List<Tally> tally(String count) {
    return jdbc.query(
        "select office_type, office_prefecture, barriers, "
            + count
            + " from visit_barrier_tally where "
            + count
            + " > 0",
        (rs, i) -> {
          String prefecture = rs.getString(2);
          return new Tally(
              rs.getString(1),
              prefecture == null || prefecture.isEmpty() ? null : prefecture,
              barriers(rs.getString(3)),
              rs.getLong(4));
        });
  }

  /** The visits of one case, oldest first. */
  public List<VisitOutcome> ofCase(String caseNumber) {
    return jdbc.query(
        "select * from visit_outcome where case_number = ? order by recorded_at, id",
        VisitOutcomes::map,
        caseNumber);
  }

  /**
   * Every visit: the whole table, which only a test reads at once (the export pages through its
   * period, never this; {@code ArchitectureTest} keeps it so).
   */
  public List<VisitOutcome> all() {
    return jdbc.query(
        "select * from visit_outcome where " + Trial.realCase("case_number") + " order by id",
        VisitOutcomes::map);
  }

  /** The barriers of a visit as the column {@code barriers} holds them (codes, comma-separated). */
  public static List<String> barriers(String column) {
    return column == null || column.isBlank() ? List.of() : Arrays.asList(column.split(","));
  }

  private static VisitOutcome map(ResultSet rs, int row) throws SQLException {
    return new VisitOutcome(
        rs.getString("case_number"),
        rs.getString("office_type"),
        rs.getString("office_prefecture"),
        rs.getString("visit_purpose"),
        rs.getString("visit_result"),
        barriers(rs.getString("barriers")),
        rs.getString("visit_month"),
        rs.getBoolean("policy_flagged"));
  }
}
