package jp.bansou.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.bansou.CaseEngineTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 15, part 2 — the live model set leaves the system as {@code processes/} and {@code forms/},
 * including what a modeller deployed from Camunda Modeler under a bare file name, for modellers and
 * administrators only.
 */
@CaseEngineTest
class ModelExportTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;

  String deploymentName = "export-" + UUID.randomUUID();

  @AfterEach
  void removeWhatWasDeployed() {
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theLiveSetIncludesTheModellersChangeUnderItsRepositoryPath() throws IOException {
    Modeler modeler = new Modeler(rest.getRootUri(), "modeller");
    String table =
        Modeler.file("processes/emergency-aid-amount.dmn")
            .replace("<text>60000</text>", "<text>66000</text>");
    assertThat(
            modeler
                .deploy(deploymentName, Modeler.files("emergency-aid-amount.dmn", table))
                .statusCode())
        .isEqualTo(200);

    HttpResponse<byte[]> zip = modeler.getBytes("/api/models/live.zip");

    assertThat(zip.statusCode()).isEqualTo(200);
    Map<String, String> files = unzip(zip.body());
    assertThat(files.get("processes/emergency-aid-amount.dmn")).contains("<text>66000</text>");
    assertThat(files.get("processes/emergency-fund.bpmn"))
        .isEqualTo(Modeler.file("processes/emergency-fund.bpmn"));
    assertThat(files.get("forms/review-aid-application.form"))
        .isEqualTo(Modeler.file("forms/review-aid-application.form"));
    assertThat(files.keySet()).allMatch(f -> f.startsWith("processes/") || f.startsWith("forms/"));
  }

  @Test
  void companionsAndCoordinatorsMayNotExport() {
    assertThat(new Modeler(rest.getRootUri(), "companion").get("/api/models/live.zip").statusCode())
        .isEqualTo(403);
    assertThat(
            new Modeler(rest.getRootUri(), "coordinator").get("/api/models/live.zip").statusCode())
        .isEqualTo(403);
  }

  private static Map<String, String> unzip(byte[] bytes) throws IOException {
    Map<String, String> files = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
