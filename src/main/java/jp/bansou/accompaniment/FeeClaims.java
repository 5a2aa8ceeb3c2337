package jp.bansou.accompaniment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Trial;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code fee_claim} table: approved fees, listed by the month of approval for payment. */
@Repository
public class FeeClaims {

  private final JdbcTemplate jdbc;

  public FeeClaims(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void add(FeeClaim claim) {
    jdbc.update(
        "insert into fee_claim (case_number, visit_date, claimant, claimant_role, hours, fee_yen,"
            + " approved_by, approved_at, payment_month) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        claim.caseNumber(),
        claim.visitDate() == null ? null : Date.valueOf(claim.visitDate()),
        claim.claimant(),
        claim.role(),
        claim.hours(),
        claim.feeYen(),
        claim.approvedBy(),
        Timestamp.from(claim.approvedAt()),
        YearMonth.from(claim.approvedAt().atZone(EngineClock.JAPAN)).toString());
  }

  public List<FeeClaim> approvedIn(YearMonth month) {
    return jdbc.query(
        "select * from fee_claim where payment_month = ? and "
            + Trial.realCase("case_number")
            + " order by approved_at, id",
        (rs, i) ->
            new FeeClaim(
                rs.getString("case_number"),
                rs.getDate("visit_date") == null ? null : rs.getDate("visit_date").toLocalDate(),
                rs.getString("claimant"),
                rs.getString("claimant_role"),
                rs.getBigDecimal("hours"),
                rs.getInt("fee_yen"),
                rs.getString("approved_by"),
                rs.getTimestamp("approved_at").toInstant()),
        month.toString());
  }
}
