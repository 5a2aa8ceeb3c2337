package jp.bansou.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Calls the running application as a person with a demo account would, with any body, straight to
 * {@code /engine-rest} or our API (a plain JDK client, so that every status arrives as sent).
 */
final class Attacker {

  /** What no answer may carry: SQL, a Java class, a stack trace, an engine code. */
  static final Pattern LEAK =
      Pattern.compile(
          "(?i)\\b(?:select\\s.+\\sfrom|insert\\s+into|update\\s+\\w+\\s+set)\\b"
              + "|\\b(?:java|javax|jakarta|org|com)\\.[a-z]+\\.[A-Za-z.$]+"
              + "|\\bat [a-z]+\\.[a-z]"
              + "|Exception\\b|ENGINE-\\d+");

  private final HttpClient client = HttpClient.newHttpClient();
  private final String root;

  Attacker(String root) {
    this.root = root;
  }

  HttpResponse<String> get(String user, String path) {
    return send(user, request(path).GET());
  }

  HttpResponse<String> post(String user, String path, String json) {
    return send(
        user,
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> put(String user, String path, String json) {
    return send(
        user,
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> delete(String user, String path) {
    return send(user, request(path).DELETE());
  }

  /** {@code POST /engine-rest/deployment/create} as Camunda Modeler sends it. */
  HttpResponse<String> deploy(String user, String deploymentName, String file, String content) {
    return deploy(user, deploymentName, java.util.Map.of(file, content));
  }

  /** Several files in one deployment, as a modeller deploys a model with its forms. */
  HttpResponse<String> deploy(
      String user, String deploymentName, java.util.Map<String, String> files) {
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("deployment-name", deploymentName);
    fields.put("deployment-source", "Camunda Modeler");
    return deploy(user, fields, files);
  }

  /** A deployment with the form fields given (its name, source, activation time…). */
  HttpResponse<String> deploy(
      String user, java.util.Map<String, String> fields, java.util.Map<String, String> files) {
    return multipart(user, "/engine-rest/deployment/create", fields, files);
  }

  /** A multipart form: its fields, and files by name. */
  HttpResponse<String> multipart(
      String user,
      String path,
      java.util.Map<String, String> fields,
      java.util.Map<String, String> files) {
    String boundary = "----attack" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    fields.forEach((field, value) -> body.append(part(boundary, field, null, value)));
    files.forEach((file, content) -> body.append(part(boundary, file, file, content)));
    body.append("--").append(boundary).append("--\r\n");
    return send(
        user,
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  /**
   * As Tasklist sends it to the webapps' API: logged in with a session, its CSRF token in a header.
   */
  HttpResponse<String> asTasklist(String user, String method, String path, String json) {
    return asTasklist(user, method, path, java.util.List.of(json)).get(0);
  }

  /** Several requests in one logged-in session, as someone holding that session sends them. */
  java.util.List<HttpResponse<String>> asTasklist(
      String user, String method, String path, java.util.List<String> bodies) {
    return asTasklist(user, method, path, bodies, null);
  }

  /**
   * As {@link #asTasklist}, the requests carrying {@code staleToken} instead of the session's CSRF
   * token when it is given: a page left open since before the last login.
   */
  java.util.List<HttpResponse<String>> asTasklist(
      String user, String method, String path, java.util.List<String> bodies, String staleToken) {
    return asTasklist(user, method, path, bodies, staleToken, null);
  }

  /** As {@link #asTasklist}, with the Origin a browser would send (none when null). */
  java.util.List<HttpResponse<String>> asTasklist(
      String user,
      String method,
      String path,
      java.util.List<String> bodies,
      String staleToken,
      String origin) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String csrf = csrfToken(browser, null);
    HttpResponse<String> login =
        exchange(
            browser,
            request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(
                    HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the session is new after the login: its CSRF token is fetched again, as Tasklist does
    String token = staleToken == null ? csrfToken(browser, csrf) : staleToken;
    return bodies.stream()
        .map(
            json ->
                exchange(
                    browser,
                    withOrigin(
                        request(path)
                            .header("Content-Type", "application/json")
                            .header("X-XSRF-TOKEN", token)
                            .method(method, HttpRequest.BodyPublishers.ofString(json)),
                        origin)))
        .toList();
  }

  private static HttpRequest.Builder withOrigin(HttpRequest.Builder request, String origin) {
    return origin == null ? request : request.header("Origin", origin);
  }

  private String csrfToken(HttpClient browser, String otherwise) {
    HttpResponse<String> probe =
        exchange(
            browser,
            request("/camunda/api/admin/auth/user/default").header("X-XSRF-TOKEN", "Fetch"));
    return otherwise == null
        ? probe.headers().firstValue("X-XSRF-TOKEN").orElseThrow()
        : probe.headers().firstValue("X-XSRF-TOKEN").orElse(otherwise);
  }

  HttpResponse<String> send(String user, HttpRequest.Builder request) {
    if (user != null) {
      request.header("Authorization", basic(user, user));
    }
    return exchange(client, request);
  }

  private static HttpResponse<String> exchange(HttpClient with, HttpRequest.Builder request) {
    try {
      return with.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(root + path));
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The answer refuses with this status and a Japanese message a person can act on, and carries
   * nothing of the server's insides.
   */
  static void assertRefused(HttpResponse<String> response, int status, String... saying) {
    assertRefusedEchoing(response, status, null, saying);
  }

  /**
   * As {@link #assertRefused}, where the message may quote what the caller sent (a model's
   * expression, say): the echo is not the server's insides.
   */
  static void assertRefusedEchoing(
      HttpResponse<String> response, int status, Pattern echo, String... saying) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).as("a Japanese message").containsPattern("[\\u3040-\\u30ff]");
    if (saying.length > 0) {
      assertThat(response.body()).contains(saying);
    }
    assertNoLeak(echo == null ? response.body() : echo.matcher(response.body()).replaceAll(""));
  }

  static void assertNoLeak(String body) {
    assertThat(LEAK.matcher(body).find()).as("the server's insides in: %s", body).isFalse();
  }

  private static String part(String boundary, String name, String file, String content) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\""
        + (file == null ? "" : "; filename=\"" + file + "\"")
        + "\r\n"
        + (file == null ? "" : "Content-Type: application/octet-stream\r\n")
        + "\r\n"
        + content
        + "\r\n";
  }
}
