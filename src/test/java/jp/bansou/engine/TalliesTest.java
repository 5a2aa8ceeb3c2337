package jp.bansou.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.bansou.CaseEngineTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tally's first row, added by many transactions at once (fifty intakes in a rush), counts every
 * one of them and fails none: the row is created once and the others add to it.
 */
@CaseEngineTest
class TalliesTest {

  @Autowired Tallies tallies;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  final String outcome = "t-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void forget() {
    jdbc.update("delete from case_outcome_tally where outcome = ?", outcome);
  }

  @Test
  void manyFirstAddsAtOnceAllCount() throws Exception {
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                return transactions.execute(
                    status -> {
                      LinkedHashMap<String, Object> key = new LinkedHashMap<>();
                      key.put("outcome", outcome);
                      tallies.add("case_outcome_tally", "cases", key, 1);
                      return null;
                    });
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(
            jdbc.queryForObject(
                "select cases from case_outcome_tally where outcome = ?", Long.class, outcome))
        .isEqualTo(threads);
  }

  private LinkedHashMap<String, Object> row() {
    LinkedHashMap<String, Object> key = new LinkedHashMap<>();
    key.put("outcome", outcome);
    return key;
  }

  private Long count() {
    return jdbc.query(
        "select cases from case_outcome_tally where outcome = ?",
        rs -> rs.next() ? rs.getLong(1) : null,
        outcome);
  }

  @Test
  void inATransactionTheRowIsWrittenOnceAtCommitNotBefore() {
    transactions.executeWithoutResult(
        status -> {
          tallies.add("case_outcome_tally", "cases", row(), 2);
          tallies.add("case_outcome_tally", "cases", row(), 3);
          assertThat(count()).as("before commit").isNull();
        });

    assertThat(count()).isEqualTo(5);
  }

  @Test
  void aTransactionRolledBackCountsNothing() {
    transactions.executeWithoutResult(
        status -> {
          tallies.add("case_outcome_tally", "cases", row(), 1);
          status.setRollbackOnly();
        });

    assertThat(count()).isNull();
  }

  @Test
  void aTransactionStartedInsideAnotherWritesItsOwnCountAtItsOwnCommit() {
    TransactionTemplate separate = new TransactionTemplate(transactions.getTransactionManager());
    separate.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    transactions.executeWithoutResult(
        outer -> {
          tallies.add("case_outcome_tally", "cases", row(), 1);
          separate.executeWithoutResult(
              inner -> tallies.add("case_outcome_tally", "cases", row(), 10));
          assertThat(count()).as("the inner transaction's only").isEqualTo(10);
        });

    assertThat(count()).isEqualTo(11);
  }

  @Test
  void aTransactionThatCountedDoesNotHoldTheRowWhileItGoesOn() throws Exception {
    tallies.add("case_outcome_tally", "cases", row(), 1); // the hour's row exists
    CountDownLatch counted = new CountDownLatch(1);
    CountDownLatch otherDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<?> first =
        pool.submit(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      tallies.add("case_outcome_tally", "cases", row(), 1);
                      counted.countDown();
                      // the rest of a long transaction (the engine's flush of an intake)
                      try {
                        otherDone.await(20, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    counted.await(10, TimeUnit.SECONDS);
    Future<?> second =
        pool.submit(
            () -> {
              transactions.executeWithoutResult(
                  status -> tallies.add("case_outcome_tally", "cases", row(), 1));
              otherDone.countDown();
            });

    // the second intake commits while the first is still going on, instead of waiting for it
    second.get(5, TimeUnit.SECONDS);
    first.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    assertThat(count()).isEqualTo(3);
  }
}
