package jp.bansou.faults;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import jp.bansou.BansouApplication;
import jp.bansou.notification.MailWorker;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of the system: the whole application in a Spring context of its own, with its own engine
 * name, job executor, mail worker, connection pool and HTTP port, on a shared database.
 */
final class Node implements AutoCloseable {

  /** One set of identity keys for every node, as production keeps it. */
  static final String KEYS = jp.bansou.person.IdentityKeys.generate().document();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String name;
  final ConfigurableApplicationContext app;

  private Node(String name, ConfigurableApplicationContext app) {
    this.name = name;
    this.app = app;
  }

  /**
   * Demo mode on PostgreSQL (the demo accounts have mail addresses), no demo cases, short mail
   * timeouts and locks so that the faults play out in seconds. The webapps stay off: they keep
   * state in static fields that two contexts in one JVM would share.
   */
  static Node start(String name, String jdbcUrl, int smtpPort, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.webapp.enabled=false",
                "--bansou.demo-data=false",
                "--spring.mail.host=localhost",
                "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties[mail.smtp.connectiontimeout]=1000",
                "--spring.mail.properties[mail.smtp.timeout]=2000",
                "--spring.mail.properties[mail.smtp.writetimeout]=2000",
                "--bansou.mail.worker.lock=PT10S",
                "--bansou.mail.worker.poll-interval=PT0.2S",
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--camunda.bpm.job-execution.max-wait=1000"));
    args.addAll(List.of(more));
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(BansouApplication.class)
            .listeners(Node::oneAtATimeUntilLoggingIsSetUp)
            .profiles("postgres")
            .properties(
                "DB_URL=" + jdbcUrl,
                "DB_USER=postgres",
                "DB_PASSWORD=unused-with-trust-auth",
                "BANSOU_IDENTITY_KEYS=" + KEYS)
            .run(args.toArray(String[]::new));
    return new Node(name, app);
  }

  /**
   * Spring Boot sets up logging through JVM-wide system properties, which two nodes starting at
   * once in one JVM write and read together (a ConcurrentModificationException now and then). Real
   * nodes are JVMs of their own: here the nodes take turns until logging is set up, then start the
   * rest (schema, deployment, engine) together.
   */
  private static void oneAtATimeUntilLoggingIsSetUp(
      org.springframework.context.ApplicationEvent event) {
    if (event instanceof org.springframework.boot.context.event.ApplicationStartingEvent) {
      LOGGING_SET_UP.lock();
    } else if ((event
                instanceof org.springframework.boot.context.event.ApplicationContextInitializedEvent
            || event instanceof org.springframework.boot.context.event.ApplicationFailedEvent)
        && LOGGING_SET_UP.isHeldByCurrentThread()) {
      LOGGING_SET_UP.unlock();
    }
  }

  private static final java.util.concurrent.locks.ReentrantLock LOGGING_SET_UP =
      new java.util.concurrent.locks.ReentrantLock();

  ProcessEngine engine() {
    return app.getBean(ProcessEngine.class);
  }

  MailWorker mailWorker() {
    return app.getBean(MailWorker.class);
  }

  HikariDataSource pool() {
    return (HikariDataSource) app.getBean(DataSource.class);
  }

  String root() {
    return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  /** {@code /engine-rest/engine/<this node's engine>} */
  String engineRest() {
    return root() + "/engine-rest/engine/" + name;
  }

  HttpResponse<String> get(String user, String url) throws Exception {
    return HTTP.send(
        request(user, url).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String user, String url, String json) throws Exception {
    return HTTP.send(
        request(user, url)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpRequest.Builder request(String user, String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * As abrupt as a JVM can make it: the node's database connections are cut first (what it had not
   * committed is lost, as with kill -9), then the context goes.
   */
  void kill() {
    pool().close();
    app.close();
  }

  @Override
  public void close() {
    if (app.isActive()) {
      app.close();
    }
  }
}
