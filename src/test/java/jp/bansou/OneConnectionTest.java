package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.bansou.engine.Refusal;
import jp.bansou.fund.FundLedger;
import jp.bansou.person.ReadLog;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What runs inside a request's transaction never takes a second connection from the pool: with as
 * many such requests at once as the pool has connections, each would wait for another's and the
 * node would stall for the pool's timeout (one user sending the same refused comment ten times in
 * parallel was enough). Here the pool has one connection and gives up waiting after a second.
 */
class OneConnectionTest {

  HikariDataSource pool;
  JdbcTemplate jdbc;
  JdbcTransactionManager transactions;
  TransactionTemplate request;

  @BeforeEach
  void aPoolOfOne() {
    String url = "jdbc:h2:mem:one-connection-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    // the schema first, outside the pool (Flyway holds a connection of its own for its lock)
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration", "classpath:db/vendor/h2")
        .load()
        .migrate();
    pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername("sa");
    pool.setMaximumPoolSize(1);
    pool.setConnectionTimeout(1000);
    jdbc = new JdbcTemplate(pool);
    transactions = new JdbcTransactionManager(pool);
    request = new TransactionTemplate(transactions);
  }

  @AfterEach
  void close() {
    pool.close();
  }

  @Test
  void aRefusedWriterIsRecordedOnTheConnectionOfTheRefusedTransaction() {
    ReadLog log = new ReadLog(jdbc, Clock.systemUTC());

    assertThatThrownBy(
            () ->
                request.executeWithoutResult(
                    status -> {
                      jdbc.update("insert into trial_case values ('undone', 'pi', null, now())");
                      log.recordWritten(
                          "2026-000001", "companion2", "コメントに書いた（名前）", List.of("name"));
                      throw new Refusal("本人の名前は書けません");
                    }))
        .isInstanceOf(Refusal.class);

    assertThat(log.of("2026-000001"))
        .singleElement()
        .satisfies(
            read -> {
              assertThat(read.reader()).isEqualTo("companion2");
              assertThat(read.kind()).isEqualTo(ReadLog.Kind.WRITTEN);
            });
    // the refused transaction's own change is undone all the same
    assertThat(jdbc.queryForObject("select count(*) from trial_case", Integer.class)).isZero();
  }

  @Test
  void anApprovalCreatesItsMonthsLedgerRowOnItsOwnConnection() {
    FundLedger ledger = new FundLedger(jdbc, transactions);

    request.executeWithoutResult(status -> ledger.commit("2026-11", "kanto", 30_000));
    request.executeWithoutResult(status -> ledger.commit("2026-11", "kanto", 20_000));

    assertThat(ledger.find("2026-11", "kanto"))
        .hasValueSatisfying(row -> assertThat(row.committedYen()).isEqualTo(50_000));
  }
}
