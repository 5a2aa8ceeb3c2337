package jp.bansou.notification;

import static jp.bansou.notification.NotificationVariables.*;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import jp.bansou.security.ApiAccessFilter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A coordinator's or supervisor's own mail settings: the daily digest and the mail language. {@code
 * GET/PUT /api/me/notification-settings}.
 */
@RestController
public class NotificationSettingsController {

  private final IdentityService identityService;

  public NotificationSettingsController(IdentityService identityService) {
    this.identityService = identityService;
  }

  @GetMapping("/api/me/notification-settings")
  public Map<String, Object> get(HttpServletRequest request) {
    String user = (String) request.getAttribute(ApiAccessFilter.USER_ATTRIBUTE);
    String language = identityService.getUserInfo(user, MAIL_LANGUAGE);
    return Map.of(
        "dailyDigest",
        "true".equals(identityService.getUserInfo(user, DAILY_DIGEST)),
        "mailLanguage",
        language == null ? "ja" : language);
  }

  @PutMapping("/api/me/notification-settings")
  public ResponseEntity<?> put(
      HttpServletRequest request, @RequestBody Map<String, Object> settings) {
    String user = (String) request.getAttribute(ApiAccessFilter.USER_ATTRIBUTE);
    Object language = settings.get("mailLanguage");
    if (language != null && !"ja".equals(language) && !"en".equals(language)) {
      return ResponseEntity.badRequest().body(Map.of("error", "mailLanguage は ja か en です。"));
    }
    if (settings.containsKey("dailyDigest")) {
      identityService.setUserInfo(
          user, DAILY_DIGEST, String.valueOf(Boolean.TRUE.equals(settings.get("dailyDigest"))));
    }
    if (language != null) {
      identityService.setUserInfo(user, MAIL_LANGUAGE, language.toString());
    }
    return ResponseEntity.ok(get(request));
  }
}
