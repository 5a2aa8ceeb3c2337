package jp.bansou.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.bansou.api.ApiError;
import jp.bansou.engine.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For modellers and administrators: the live model set, so that the repository follows what runs.
 * {@code GET /api/models/live.zip} downloads it (folders {@code processes/} and {@code forms/}, to
 * unpack over a checkout and commit); {@code POST /api/models/export} writes it into the checkout
 * the server runs from, when it runs from one.
 */
@RestController
public class ModelExportController {

  private final LiveModels liveModels;
  private final Texts texts;
  private final Path base;

  public ModelExportController(
      LiveModels liveModels, Texts texts, @Value("${bansou.models.dir:}") String modelsDir) {
    this.liveModels = liveModels;
    this.texts = texts;
    this.base = Path.of(modelsDir.isBlank() ? "." : modelsDir);
  }

  @GetMapping("/api/models/live.zip")
  public ResponseEntity<byte[]> download() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bansou-models.zip\"")
        .body(liveModels.zip());
  }

  @PostMapping("/api/models/export")
  public ResponseEntity<?> export() {
    if (!Files.isDirectory(base.resolve("processes"))
        || !Files.isDirectory(base.resolve("forms"))) {
      return ResponseEntity.badRequest().body(new ApiError(texts.get("models.export.noCheckout")));
    }
    List<String> written = liveModels.writeTo(base);
    return ResponseEntity.ok(Map.of("written", written));
  }
}
