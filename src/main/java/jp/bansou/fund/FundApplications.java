package jp.bansou.fund;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.bansou.engine.Trial;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * Table {@code fund_application}: each application's categories, amounts and state, for numbering
 * and counting. It names neither the person nor the case.
 */
@Repository
public class FundApplications {

  public static final String APPLIED = "applied";
  public static final String APPROVED = "approved";
  public static final String REFUSED = "refused";
  public static final String PAID = "paid";

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;
  private final Clock clock;

  public FundApplications(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.insert =
        new SimpleJdbcInsert(jdbc)
            .withTableName("fund_application")
            .usingGeneratedKeyColumns("id")
            .usingColumns("applied_at", "region", "household_size", "purpose", "route", "status");
  }

  public long applied(String region, long householdSize, String purpose, String route) {
    Map<String, Object> row = new HashMap<>();
    row.put("applied_at", Timestamp.from(clock.instant()));
    row.put("region", region);
    row.put("household_size", householdSize);
    row.put("purpose", purpose);
    row.put("route", route);
    row.put("status", APPLIED);
    return insert.executeAndReturnKey(row).longValue();
  }

  public void decided(
      long id, String decision, long proposedYen, Long approvedYen, String ledgerMonth) {
    jdbc.update(
        "update fund_application set decision = ?, proposed_yen = ?, approved_yen = ?,"
            + " decided_at = ?, ledger_month = ?, status = ? where id = ?",
        decision,
        proposedYen,
        approvedYen,
        Timestamp.from(clock.instant()),
        ledgerMonth,
        approvedYen == null ? REFUSED : APPROVED,
        id);
  }

  public void paid(long id, long yen, LocalDate on, String reference) {
    jdbc.update(
        "update fund_application set paid_yen = ?, paid_on = ?, payment_reference = ?,"
            + " status = ? where id = ?",
        yen,
        Date.valueOf(on),
        reference,
        PAID,
        id);
  }

  /** How many applications are in each state. */
  public Map<String, Long> countByStatus() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String status : new String[] {APPLIED, APPROVED, PAID, REFUSED}) {
      counts.put(status, 0L);
    }
    jdbc.query(
        "select status, count(*) from fund_application where "
            + Trial.realCase(
                "case when id < 10000 then 'FA-' || lpad(cast(id as varchar), 4, '0')"
                    + " else 'FA-' || cast(id as varchar) end")
            + " group by status",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }
}
