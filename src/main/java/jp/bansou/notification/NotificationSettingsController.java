package jp.bansou.notification;

import static jp.bansou.notification.MailPreferences.*;

import jakarta.servlet.http.HttpServletRequest;
import jp.bansou.api.ApiError;
import jp.bansou.engine.Texts;
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

  /** The settings as read and written; a field left out of a PUT stays as it was. */
  public record Settings(Boolean dailyDigest, String mailLanguage) {}

  private final IdentityService identityService;
  private final Texts texts;

  public NotificationSettingsController(IdentityService identityService, Texts texts) {
    this.identityService = identityService;
    this.texts = texts;
  }

  @GetMapping("/api/me/notification-settings")
  public Settings get(HttpServletRequest request) {
    String user = (String) request.getAttribute(ApiAccessFilter.USER_ATTRIBUTE);
    String language = identityService.getUserInfo(user, LANGUAGE);
    return new Settings(
        "true".equals(identityService.getUserInfo(user, DAILY_DIGEST)),
        language == null ? "ja" : language);
  }

  @PutMapping("/api/me/notification-settings")
  public ResponseEntity<?> put(HttpServletRequest request, @RequestBody Settings settings) {
    String user = (String) request.getAttribute(ApiAccessFilter.USER_ATTRIBUTE);
    String language = settings.mailLanguage();
    if (language != null && !"ja".equals(language) && !"en".equals(language)) {
      return ResponseEntity.badRequest()
          .body(new ApiError(texts.get("api.notificationSettings.badLanguage")));
    }
    if (settings.dailyDigest() != null) {
      identityService.setUserInfo(user, DAILY_DIGEST, settings.dailyDigest().toString());
    }
    if (language != null) {
      identityService.setUserInfo(user, LANGUAGE, language);
    }
    return ResponseEntity.ok(get(request));
  }
}
