package jp.bansou.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import jp.bansou.BansouApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Behind a load balancer a person logs in to Tasklist on one node; that node dies; the next request
 * lands on another node, which knows the session (Spring Session JDBC on the same database): the
 * webapps' login and CSRF token work there, and our own pages take the same session. The nodes run
 * one after the other with their webapps on (the webapps keep state in static fields, which two
 * live contexts in one JVM would share) and with the engine name production uses.
 */
class SessionFailoverIT {

  static EmbeddedPostgres postgres;

  final HttpClient http = HttpClient.newHttpClient();
  final Map<String, String> cookies = new LinkedHashMap<>();

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void aLoggedInPersonKeepsTheirSessionWhenTheirNodeDies() throws Exception {
    try (ConfigurableApplicationContext first = start()) {
      String root = root(first);
      // as Tasklist's login page does: a session and its CSRF token, then the login form
      HttpResponse<String> probe =
          send(
              HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default"))
                  .header("X-XSRF-TOKEN", "Fetch"));
      String csrf = probe.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
      HttpResponse<String> login =
          send(
              HttpRequest.newBuilder(
                      URI.create(root + "/camunda/api/admin/auth/user/default/login/tasklist"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", csrf)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username=coordinator&password=coordinator")));
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      assertThat(taskCount(root).statusCode()).isEqualTo(200);
    } // the node the person logged in on is gone

    try (ConfigurableApplicationContext second = start()) {
      String root = root(second);
      assertThat(taskCount(root).statusCode()).isEqualTo(200);
      HttpResponse<String> who =
          send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default")));
      assertThat(who.body()).contains("\"userId\":\"coordinator\"");
      // a change goes through with the session's CSRF token (the webapps read it from the
      // XSRF-TOKEN cookie, renewed at login)
      HttpResponse<String> query = taskQuery(root, cookies.get("XSRF-TOKEN"));
      assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
      // our own pages take the same session
      HttpResponse<String> dashboard =
          send(HttpRequest.newBuilder(URI.create(root + "/api/dashboard")));
      assertThat(dashboard.statusCode()).isEqualTo(200);
      assertThat(taskQuery(root, null).statusCode()).isEqualTo(403);
      System.out.println(
          "DEBUG after 403: "
              + send(HttpRequest.newBuilder(URI.create(root + "/api/dashboard"))).statusCode()
              + " "
              + taskCount(root).statusCode());
    }
  }

  private HttpResponse<String> taskCount(String root) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(root + "/camunda/api/engine/engine/default/task/count")));
  }

  /** Tasklist's task list is a POST, which the webapps' CSRF filter checks. */
  private HttpResponse<String> taskQuery(String root, String csrf) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + "/camunda/api/engine/engine/default/task"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (csrf != null) {
      request.header("X-XSRF-TOKEN", csrf);
    }
    return send(request);
  }

  /** Sends with the cookies so far, as a browser does, and keeps those it is given. */
  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String cookie : response.headers().allValues("Set-Cookie")) {
      String[] pair = cookie.split(";", 2)[0].split("=", 2);
      cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
    }
    return response;
  }

  private static String root(ConfigurableApplicationContext app) {
    return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(BansouApplication.class)
        .profiles("postgres")
        .properties(
            "DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
            "DB_USER=postgres",
            "DB_PASSWORD=unused-with-trust-auth",
            "BANSOU_IDENTITY_KEYS=" + Node.KEYS)
        .run("--server.port=0", "--bansou.demo-data=false");
  }
}
