package jp.bansou.security;

import java.util.List;
import jp.bansou.api.ApiError;
import jp.bansou.engine.Texts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators: {@code GET /api/admin/login-blocks} lists the accounts and addresses that
 * must wait after failed logins now; {@code DELETE /api/admin/login-blocks?account=…} (or {@code
 * ?source=…}) lifts the wait, e.g. after a companion called to say they forgot their password.
 */
@RestController
public class LoginBlockController {

  private final LoginFailures failures;
  private final Texts texts;

  public LoginBlockController(LoginFailures failures, Texts texts) {
    this.failures = failures;
    this.texts = texts;
  }

  @GetMapping("/api/admin/login-blocks")
  public List<LoginFailures.Block> list() {
    return failures.blocked();
  }

  @DeleteMapping("/api/admin/login-blocks")
  public ResponseEntity<?> release(
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String source) {
    if ((account == null) == (source == null)) {
      return ResponseEntity.badRequest().body(new ApiError(texts.get("login.release")));
    }
    return ResponseEntity.ok(new Released(failures.release(account, source)));
  }

  /** How many records of failures were cleared. */
  public record Released(int cleared) {}
}
