package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.bansou.engine.Refusal;
import jp.bansou.fund.FundLedger;
import jp.bansou.person.ReadLog;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What runs inside a request's transaction never takes a second connection from the pool: with as
 * many such requests at once as the pool has connections, each would wait for another's and the
 * node would stall for the pool's timeout (one user sending the same refused comment 50 times in
 * parallel stalled a node on H2 for 30 s). Here the pool has one connection and gives up waiting
 * after a second, on H2 and on PostgreSQL.
 */
class OneConnectionTest {

  /** Started at the first PostgreSQL case; each case gets a database of its own. */
  static EmbeddedPostgres postgres;

  HikariDataSource pool;
  JdbcTemplate jdbc;
  JdbcTransactionManager transactions;
  TransactionTemplate request;

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  void aPoolOfOne(String vendor) throws Exception {
    String url;
    String user;
    if ("postgresql".equals(vendor)) {
      if (postgres == null) {
        postgres = EmbeddedPostgres.start();
      }
      String database = "one_connection_" + UUID.randomUUID().toString().replace("-", "");
      new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + database);
      url = postgres.getJdbcUrl("postgres", database);
      user = "postgres";
    } else {
      url = "jdbc:h2:mem:one-connection-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      user = "sa";
    }
    // the schema first, outside the pool (Flyway holds a connection of its own for its lock)
    Flyway.configure()
        .dataSource(url, user, "")
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .load()
        .migrate();
    pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setMaximumPoolSize(1);
    pool.setConnectionTimeout(1000);
    jdbc = new JdbcTemplate(pool);
    transactions = new JdbcTransactionManager(pool);
    request = new TransactionTemplate(transactions);
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aRefusedWriterIsRecordedOnTheConnectionOfTheRefusedTransaction(String vendor)
      throws Exception {
    aPoolOfOne(vendor);
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

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aRefusedWriterOutsideATransactionIsRecordedAtOnce(String vendor) throws Exception {
    aPoolOfOne(vendor);
    ReadLog log = new ReadLog(jdbc, Clock.systemUTC());
    // synchronised, as Spring does by default, but no transaction that a refusal could undo
    TransactionTemplate supports = new TransactionTemplate(transactions);
    supports.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_SUPPORTS);

    supports.executeWithoutResult(
        status ->
            log.recordWritten("2026-000002", "companion2", "コメントに書いた（電話番号）", List.of("phone")));

    assertThat(log.of("2026-000002"))
        .singleElement()
        .extracting(ReadLog.Read::reader)
        .isEqualTo("companion2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anApprovalCreatesItsMonthsLedgerRowOnItsOwnConnection(String vendor) throws Exception {
    aPoolOfOne(vendor);
    FundLedger ledger = new FundLedger(jdbc, transactions);

    request.executeWithoutResult(status -> ledger.commit("2026-11", "kanto", 30_000));
    request.executeWithoutResult(status -> ledger.commit("2026-11", "kanto", 20_000));

    assertThat(ledger.find("2026-11", "kanto"))
        .hasValueSatisfying(row -> assertThat(row.committedYen()).isEqualTo(50_000));
  }
}
