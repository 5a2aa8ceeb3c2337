package jp.bansou.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database kept before V97 gets each case's answers copied beside its categories ({@code
 * case_summary.answers}) in the form {@link FormStatistics#answers} reads, on H2 and on PostgreSQL
 * alike (each has its own V97_1).
 */
class AnswersMigrationTest {

  @Test
  void answersKeptBeforeV97AreCopiedBesideTheCaseOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:answers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    answersAreCopied(h2, "h2");
  }

  @Test
  void answersKeptBeforeV97AreCopiedBesideTheCaseOnPostgres() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      answersAreCopied(postgres.getPostgresDatabase(), "postgresql");
    }
  }

  private static void answersAreCopied(DataSource database, String vendor) {
    JdbcTemplate jdbc = new JdbcTemplate(database);
    migrate(database, vendor, "96");
    for (String caseNumber : List.of("2025-000001", "2025-000002", "2025-000003")) {
      jdbc.update(
          "insert into case_summary (case_number, process_instance_id, opened_at,"
              + " consent_statistics) values (?, ?, current_timestamp, true)",
          caseNumber,
          "pi-" + caseNumber);
    }
    answer(jdbc, "2025-000001", "referredBy", "consultation-event");
    answer(jdbc, "2025-000001", "interpreterNeeded", "true");
    answer(jdbc, "2025-000002", "languagesAsked", "vi ja");
    answer(jdbc, "2025-000002", "firstContact", "");

    migrate(database, vendor, "latest");

    assertThat(answers(jdbc, "2025-000001"))
        .isEqualTo("interpreterNeeded\ttrue\nreferredBy\tconsultation-event");
    assertThat(FormStatistics.answers(answers(jdbc, "2025-000001")))
        .containsExactly(
            Map.entry("interpreterNeeded", List.of("true")),
            Map.entry("referredBy", List.of("consultation-event")));
    assertThat(FormStatistics.answers(answers(jdbc, "2025-000002")))
        .containsExactly(
            Map.entry("firstContact", List.of()), Map.entry("languagesAsked", List.of("vi", "ja")));
    assertThat(answers(jdbc, "2025-000003")).isNull();
  }

  private static void migrate(DataSource database, String vendor, String target) {
    Flyway.configure()
        .dataSource(database)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .target(target)
        .load()
        .migrate();
  }

  private static void answer(JdbcTemplate jdbc, String caseNumber, String key, String codes) {
    jdbc.update(
        "insert into case_statistic (case_number, field_key, categories, recorded_at)"
            + " values (?, ?, ?, current_timestamp)",
        caseNumber,
        key,
        codes);
  }

  private static String answers(JdbcTemplate jdbc, String caseNumber) {
    return jdbc.queryForObject(
        "select answers from case_summary where case_number = ?", String.class, caseNumber);
  }
}
