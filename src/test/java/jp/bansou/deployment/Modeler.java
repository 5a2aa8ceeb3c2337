package jp.bansou.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Deploys the way Camunda Modeler does: {@code POST /engine-rest/deployment/create} with the
 * deployment name, the source {@code Camunda Modeler}, {@code deploy-changed-only} and the open
 * file plus any picked, each under its bare file name, as the demo account {@code modeller}.
 */
public final class Modeler {

  private final HttpClient client = HttpClient.newHttpClient();
  private final String root;
  private final String user;

  public Modeler(String root, String user) {
    this.root = root;
    this.user = user;
  }

  /** A repository file's text, e.g. {@code processes/emergency-fund.bpmn}. */
  public static String file(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files by bare name (as Modeler names them) to their text. */
  public static Map<String, String> files(String... nameThenText) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < nameThenText.length; i += 2) {
      files.put(nameThenText[i], nameThenText[i + 1]);
    }
    return files;
  }

  public HttpResponse<String> deploy(String deploymentName, Map<String, String> files) {
    return deploy(deploymentName, null, files);
  }

  /** The same with Modeler's "Tenant ID" field filled in (e.g. {@code trial}). */
  public HttpResponse<String> deploy(
      String deploymentName, String tenantId, Map<String, String> files) {
    String boundary = "----modeler" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    body.append(part(boundary, "deployment-name", null, deploymentName));
    if (tenantId != null) {
      body.append(part(boundary, "tenant-id", null, tenantId));
    }
    body.append(part(boundary, "deployment-source", null, "Camunda Modeler"));
    body.append(part(boundary, "deploy-changed-only", null, "true"));
    for (Map.Entry<String, String> file : files.entrySet()) {
      body.append(part(boundary, file.getKey(), file.getKey(), file.getValue()));
    }
    body.append("--").append(boundary).append("--\r\n");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root + "/engine-rest/deployment/create"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Authorization", basic(user))
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    return send(request);
  }

  public HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(root + path))
            .header("Authorization", basic(user))
            .GET()
            .build());
  }

  public HttpResponse<String> delete(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(root + path))
            .header("Authorization", basic(user))
            .DELETE()
            .build());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(root + path))
            .header("Authorization", basic(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(root + path))
              .header("Authorization", basic(user))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String basic(String who) {
    return "Basic "
        + Base64.getEncoder().encodeToString((who + ":" + who).getBytes(StandardCharsets.UTF_8));
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
