package jp.bansou;

import jp.bansou.person.CountedCases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Takes a test's visits out again, with what they added to {@code visit_barrier_tally} (every
 * visit, and the counted ones of a case that anonymous statistics may count), so that the shared
 * database's tallies stay equal to a count over its rows. Call it while the case's summary is still
 * there.
 */
public final class TallyFixtures {

  private TallyFixtures() {}

  public static void forgetVisits(JdbcTemplate jdbc, String caseNumber) {
    take(
        jdbc,
        "visits",
        "select v.office_type, coalesce(v.office_prefecture, ''), v.barriers"
            + " from visit_outcome v where v.case_number = ?",
        caseNumber);
    take(
        jdbc,
        "counted_visits",
        "select v.office_type, coalesce(v.office_prefecture, ''), v.barriers from visit_outcome v"
            + " join case_summary s on s.case_number = v.case_number"
            + " where v.case_number = ? and "
            + CountedCases.WHERE,
        caseNumber);
    jdbc.update("delete from visit_outcome where case_number = ?", caseNumber);
  }

  private static void take(JdbcTemplate jdbc, String count, String visits, String caseNumber) {
    jdbc.query(
        visits,
        rs -> {
          jdbc.update(
              "update visit_barrier_tally set "
                  + count
                  + " = "
                  + count
                  + " - 1 where office_type = ? and office_prefecture = ? and barriers = ?",
              rs.getString(1),
              rs.getString(2),
              rs.getString(3));
        },
        caseNumber);
  }
}
