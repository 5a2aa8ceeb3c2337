package jp.bansou.fund;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Table {@code fund_ledger}: per month ({@code 2026-11}) and region (地方), the budget, what
 * approvals committed and is not paid yet, and what was paid. Amounts only: no application, case or
 * person is named here.
 */
@Repository
public class FundLedger {

  /** One month of one region. */
  public record Row(String month, String region, long budgetYen, long committedYen, long paidYen) {

    /** What is left to approve this month: the budget less what is committed or paid. */
    public long remainingYen() {
      return budgetYen - committedYen - paidYen;
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;

  public FundLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    // a savepoint on the caller's connection: a lost race to create the row undoes only the insert,
    // and an approval never holds a second connection (REQUIRES_NEW did: as many approvals at once
    // as the pool has connections each waited for another, and the node stalled)
    savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public void setBudget(String month, String region, long yen) {
    ensureRow(month, region);
    jdbc.update(
        "update fund_ledger set budget_yen = ? where ledger_month = ? and region = ?",
        yen,
        month,
        region);
  }

  /** An approval: the amount is committed in its month and region. */
  public void commit(String month, String region, long yen) {
    ensureRow(month, region);
    jdbc.update(
        "update fund_ledger set committed_yen = committed_yen + ? where ledger_month = ? and"
            + " region = ?",
        yen,
        month,
        region);
  }

  /** A payment of a commitment: the amount moves from committed to paid, in the same month. */
  public void pay(String month, String region, long committedYen, long paidYen) {
    ensureRow(month, region);
    jdbc.update(
        "update fund_ledger set committed_yen = committed_yen - ?, paid_yen = paid_yen + ?"
            + " where ledger_month = ? and region = ?",
        committedYen,
        paidYen,
        month,
        region);
  }

  public Optional<Row> find(String month, String region) {
    return jdbc
        .query(
            "select * from fund_ledger where ledger_month = ? and region = ?",
            (rs, i) -> row(rs),
            month,
            region)
        .stream()
        .findFirst();
  }

  /** The months from {@code fromMonth} on, each region, in order. */
  public List<Row> since(String fromMonth) {
    return jdbc.query(
        "select * from fund_ledger where ledger_month >= ? order by ledger_month, region",
        (rs, i) -> row(rs),
        fromMonth);
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(
        rs.getString("ledger_month"),
        rs.getString("region"),
        rs.getLong("budget_yen"),
        rs.getLong("committed_yen"),
        rs.getLong("paid_yen"));
  }

  /**
   * The first movement of a month and region creates its row, under a savepoint: a lost race with
   * another approval undoes only the insert.
   */
  private void ensureRow(String month, String region) {
    savepoint.executeWithoutResult(
        status -> {
          Integer rows =
              jdbc.queryForObject(
                  "select count(*) from fund_ledger where ledger_month = ? and region = ?",
                  Integer.class,
                  month,
                  region);
          if (rows == 0) {
            try {
              jdbc.update(
                  "insert into fund_ledger (ledger_month, region) values (?, ?)", month, region);
            } catch (DuplicateKeyException createdByAnotherApproval) {
              status.setRollbackOnly();
            }
          }
        });
  }
}
