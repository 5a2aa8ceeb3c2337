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
}
