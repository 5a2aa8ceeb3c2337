package jp.bansou.deployment;

import jp.bansou.api.ApiError;
import jp.bansou.engine.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For modellers and administrators: {@code POST /api/models/processes/{key}/migration} with {@code
 * {"dryRun": true}} says which running cases of the procedure's older versions can move to its
 * newest version and where the others wait; with {@code {"dryRun": false}} it moves those that can.
 * The answer names versions, steps and counts, never a person or a case's content.
 */
@RestController
public class CaseMigrationController {

  /** What to do: only look ({@code dryRun}, the default), or move. */
  public record Request(Boolean dryRun) {}

  private final CaseMigration migration;
  private final Texts texts;

  public CaseMigrationController(CaseMigration migration, Texts texts) {
    this.migration = migration;
    this.texts = texts;
  }

  @PostMapping("/api/models/processes/{key}/migration")
  public ResponseEntity<?> migrate(
      @PathVariable String key, @RequestBody(required = false) Request request) {
    boolean dryRun = request == null || request.dryRun() == null || request.dryRun();
    CaseMigration.Report report = migration.migrate(key, dryRun);
    if (report == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(new ApiError(texts.get("api.error.notFound")));
    }
    return ResponseEntity.ok(report);
  }
}
