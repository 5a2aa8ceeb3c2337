package jp.bansou.casefile;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Hands out case numbers {@code YYYY-NNNNNN}, counted per year, in the engine's transaction. */
@Service
public class CaseNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separateTransaction;

  public CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separateTransaction = new TransactionTemplate(transactions);
    separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(int year) {
    ensureCounter(year);
    // the row lock taken here orders concurrent intakes; it is released with the engine's commit
    jdbc.update(
        "update case_number_counter set last_value = last_value + 1 where case_year = ?", year);
    Integer value =
        jdbc.queryForObject(
            "select last_value from case_number_counter where case_year = ?", Integer.class, year);
    return String.format("%04d-%06d", year, value);
  }

  /** The first case of a year creates the counter, in its own transaction so a race is harmless. */
  private void ensureCounter(int year) {
    separateTransaction.executeWithoutResult(
        status -> {
          Integer rows =
              jdbc.queryForObject(
                  "select count(*) from case_number_counter where case_year = ?",
                  Integer.class,
                  year);
          if (rows == 0) {
            try {
              jdbc.update(
                  "insert into case_number_counter (case_year, last_value) values (?, 0)", year);
            } catch (DuplicateKeyException createdByAnotherIntake) {
              status.setRollbackOnly();
            }
          }
        });
  }
}
