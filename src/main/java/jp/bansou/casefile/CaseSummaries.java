package jp.bansou.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import jp.bansou.engine.Tallies;
import jp.bansou.engine.Trial;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code case_summary} table, written as a case moves and read by dashboard and exports. */
@Repository
public class CaseSummaries {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Tallies tallies;

  public CaseSummaries(JdbcTemplate jdbc, Clock clock, Tallies tallies) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tallies = tallies;
  }

  public void opened(
      String caseNumber,
      String processInstanceId,
      String prefecture,
      String statusCategory,
      String nationality,
      List<String> languages,
      List<String> problemFields,
      String referredBy,
      boolean consentStatistics,
      boolean trial) {
    Timestamp now = now();
    jdbc.update(
        "insert into case_summary (case_number, process_instance_id, opened_at, prefecture,"
            + " status_category, nationality, languages, problem_fields, referred_by,"
            + " consent_statistics) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        caseNumber,
        processInstanceId,
        now,
        prefecture,
        statusCategory,
        nationality,
        String.join(",", languages),
        String.join(",", problemFields),
        referredBy,
        consentStatistics);
    if (!trial) { // a trial case (jp.bansou.engine.Trial) counts in no tally
      perHour(now, "opened", 1);
    }
  }

  public void triaged(String caseNumber, String urgency, List<String> tracks, boolean overridden) {
    jdbc.update(
        "update case_summary set urgency = ?, tracks = ?, triage_overridden = ? where case_number = ?",
        urgency,
        String.join(",", tracks),
        overridden,
        caseNumber);
  }

  public void assigned(String caseNumber, String companionId) {
    jdbc.update(
        "update case_summary set companion_id = ? where case_number = ?", companionId, caseNumber);
  }

  public void closed(String caseNumber, String outcome) {
    // a trial case (jp.bansou.engine.Trial) counts in no tally
    boolean trial = isTrial(caseNumber);
    Timestamp now = now();
    // a case closed a second time (reopened) is counted once, at its latest closing, with its
    // latest outcome
    jdbc.query(
        "select closed_at, outcome from case_summary where case_number = ?"
            + " and closed_at is not null",
        rs -> {
          if (!trial) {
            perHour(rs.getTimestamp(1), "closed", -1);
            if (rs.getString(2) != null) {
              tallied(rs.getString(2), -1);
            }
          }
        },
        caseNumber);
    int closed =
        jdbc.update(
            "update case_summary set closed_at = ?, outcome = ? where case_number = ?",
            now,
            outcome,
            caseNumber);
    if (closed > 0 && !trial) {
      perHour(now, "closed", 1);
      if (outcome != null) {
        tallied(outcome, 1);
      }
    }
  }

  /**
   * Keeps {@code case_hour_tally}, the weekly chart's cases opened and closed per hour (V91), in
   * step: the hour as the database's {@code date_trunc('hour', …)} gives it for the same column.
   */
  private void perHour(Timestamp at, String count, int change) {
    LinkedHashMap<String, Object> key = new LinkedHashMap<>();
    key.put("hour_start", Timestamp.valueOf(at.toLocalDateTime().truncatedTo(ChronoUnit.HOURS)));
    tallies.add("case_hour_tally", count, key, change);
  }

  private boolean isTrial(String caseNumber) {
    Integer count = jdbc.queryForObject(Trial.IS_TRIAL_CASE, Integer.class, caseNumber);
    return count != null && count > 0;
  }

  /** Keeps {@code case_outcome_tally}, the dashboard's closed cases per outcome, in step. */
  private void tallied(String outcome, int change) {
    LinkedHashMap<String, Object> key = new LinkedHashMap<>();
    key.put("outcome", outcome);
    tallies.add("case_outcome_tally", "cases", key, change);
  }

  /** Closed cases per outcome, over all history (pre-aggregated: one row per outcome). */
  public java.util.Map<String, Long> closedByOutcome() {
    java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
    jdbc.query(
        "select outcome, cases from case_outcome_tally where cases > 0 order by outcome",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /**
   * Cases opened and closed per hour since {@code since}, for the weekly chart: read from {@code
   * case_hour_tally} (168 rows a week however many cases it brought; an hour falls in one Japanese
   * day, whole-hour offset).
   */
  public java.util.Map<Instant, long[]> openedAndClosedPerHourSince(Instant since) {
    java.util.Map<Instant, long[]> hours = new java.util.TreeMap<>();
    jdbc.query(
        "select hour_start, opened, closed from case_hour_tally where hour_start >= ?"
            + " and (opened <> 0 or closed <> 0)",
        rs -> {
          hours.put(rs.getTimestamp(1).toInstant(), new long[] {rs.getLong(2), rs.getLong(3)});
        },
        Timestamp.valueOf(Timestamp.from(since).toLocalDateTime().truncatedTo(ChronoUnit.HOURS)));
    return hours;
  }

  /** One case's category facts, if it was registered. */
  public java.util.Optional<CaseSummary> find(String caseNumber) {
    return jdbc
        .query("select * from case_summary where case_number = ?", CaseSummaries::map, caseNumber)
        .stream()
        .findFirst();
  }

  /** Whether there is any case at all (trial cases aside), without reading them. */
  public boolean any() {
    return !jdbc.queryForList(
            "select case_number from case_summary where "
                + Trial.realCase("case_number")
                + " fetch first 1 rows only",
            String.class)
        .isEmpty();
  }

  /**
   * Every case (trial cases aside): the whole table, for tests ({@code ArchitectureTest} keeps it
   * so); a request path pages.
   */
  public List<CaseSummary> all() {
    return jdbc.query(
        "select * from case_summary where "
            + Trial.realCase("case_number")
            + " order by opened_at, case_number",
        CaseSummaries::map);
  }

  /** The case, if it is one of {@link #open()}. */
  public java.util.Optional<CaseSummary> open(String caseNumber) {
    return jdbc
        .query(
            "select * from case_summary where case_number = ? and closed_at is null and "
                + Trial.realCase("case_number"),
            CaseSummaries::map,
            caseNumber)
        .stream()
        .findFirst();
  }

  public List<CaseSummary> open() {
    return jdbc.query(
        "select * from case_summary where closed_at is null and "
            + Trial.realCase("case_number")
            + " order by opened_at",
        CaseSummaries::map);
  }

  private static CaseSummary map(ResultSet rs, int row) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new CaseSummary(
        rs.getString("case_number"),
        rs.getString("process_instance_id"),
        rs.getTimestamp("opened_at").toInstant(),
        closed == null ? null : closed.toInstant(),
        rs.getString("prefecture"),
        rs.getString("status_category"),
        rs.getString("nationality"),
        split(rs.getString("languages")),
        split(rs.getString("problem_fields")),
        rs.getString("referred_by"),
        rs.getString("urgency"),
        split(rs.getString("tracks")),
        rs.getString("companion_id"),
        rs.getString("outcome"),
        rs.getBoolean("consent_statistics"));
  }

  /** The codes of a list column ({@code languages}, {@code problem_fields}, {@code tracks}). */
  public static List<String> split(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
