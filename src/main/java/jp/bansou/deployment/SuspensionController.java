package jp.bansou.deployment;

import jakarta.servlet.http.HttpServletRequest;
import jp.bansou.api.ApiError;
import jp.bansou.engine.Texts;
import jp.bansou.security.ApiAccessFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators: {@code PUT /api/admin/processes/{key}/suspension {"reason": "…"}} suspends a
 * procedure and its running cases, {@code DELETE} resumes it, {@code GET /api/admin/suspensions}
 * lists them.
 */
@RestController
public class SuspensionController {

  /** Why it is suspended: shown to everyone who meets it. */
  public record Reason(String reason) {}

  private final Suspensions suspensions;
  private final Texts texts;

  public SuspensionController(Suspensions suspensions, Texts texts) {
    this.suspensions = suspensions;
    this.texts = texts;
  }

  @GetMapping("/api/admin/suspensions")
  public Object list() {
    return suspensions.current();
  }

  @PutMapping("/api/admin/processes/{key}/suspension")
  public ResponseEntity<?> suspend(
      @PathVariable String key, @RequestBody Reason reason, HttpServletRequest request) {
    String text = reason.reason() == null ? "" : reason.reason().strip();
    if (text.isEmpty() || text.length() > 500) {
      return ResponseEntity.badRequest().body(new ApiError(texts.get("suspension.reason")));
    }
    if (!suspensions.exists(key)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(new ApiError(texts.get("api.error.notFound")));
    }
    suspensions.suspend(key, text, (String) request.getAttribute(ApiAccessFilter.USER_ATTRIBUTE));
    return ResponseEntity.ok(suspensions.current());
  }

  @DeleteMapping("/api/admin/processes/{key}/suspension")
  public ResponseEntity<?> resume(@PathVariable String key) {
    suspensions.resume(key);
    return ResponseEntity.ok(suspensions.current());
  }
}
