package jp.bansou.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.negotiation.Counterparties;
import jp.bansou.negotiation.Counterparty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, part 7 — an employer or supervising organisation first named in a trial negotiation is
 * in no real list (the register, the negotiation form's choices) and goes when the trials are
 * removed; one also named in a real case stays, with the real case only.
 */
@CaseEngineTest
class TrialCounterpartyTest {

  @Autowired Counterparties counterparties;
  @Autowired TrialRemoval removal;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  final String trialCase = "T-" + UUID.randomUUID().toString().substring(0, 8);
  final String realCase = "R-" + UUID.randomUUID().toString().substring(0, 8);
  final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void forgetTheRealOne() {
    jdbc.update("delete from negotiation where case_number = ?", realCase);
    jdbc.update("delete from counterparty where name like ?", "%" + suffix);
  }

  @Test
  void aCounterpartyNamedOnlyInATrialIsListedNowhereAndRemovedWithIt() {
    jdbc.update(
        "insert into trial_case (business_key, process_instance_id, modeller, recorded_at)"
            + " values (?, ?, 'modeller', ?)",
        trialCase,
        "pi-" + trialCase,
        Timestamp.from(Instant.now()));
    Counterparty onlyTrial = counterparties.findOrAdd("試行の会社 " + suffix, "employer", "13", null);
    Counterparty both = counterparties.findOrAdd("本当の会社 " + suffix, "employer", "13", null);
    counterparties.openNegotiation(trialCase, onlyTrial.id(), "unpaid-wages", 100_000L);
    counterparties.openNegotiation(trialCase, both.id(), "unpaid-wages", 100_000L);
    counterparties.openNegotiation(realCase, both.id(), "unpaid-wages", 50_000L);

    assertThat(counterparties.all()).extracting(Counterparty::id).doesNotContain(onlyTrial.id());
    assertThat(counterparties.statistics())
        .filteredOn(s -> s.id() == both.id())
        .singleElement()
        .satisfies(s -> assertThat(s.cases()).isEqualTo(1));
    assertThat(
            rest.withBasicAuth("coordinator", "coordinator")
                .getForObject("/api/counterparties", String.class))
        .doesNotContain("試行の会社 " + suffix)
        .contains("本当の会社 " + suffix);

    removal.removeAll(false);

    assertThat(counterparties.find(onlyTrial.id())).isEmpty();
    assertThat(counterparties.find(both.id())).isPresent();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from negotiation where case_number = ?", Long.class, trialCase))
        .isZero();
  }
}
