package jp.bansou.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import jp.bansou.api.ApiError;
import jp.bansou.api.CachedBody;
import jp.bansou.engine.Texts;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Growing waits for failed logins, per account and source address and per address alone ({@link
 * LoginFailures}), in front of every way to log in: the webapps' login form, and HTTP Basic on
 * {@code /engine-rest} and our API. Camunda's own permanent lock after ten failures is off ({@code
 * login-max-attempts}): a stranger cannot lock anyone out.
 */
public class LoginThrottle extends OncePerRequestFilter {

  static final String LOGIN_FORM = "/camunda/api/admin/auth/user/";

  private final LoginFailures failures;
  private final Clock clock;
  private final Texts texts;

  public LoginThrottle(LoginFailures failures, Clock clock, Texts texts) {
    this.failures = failures;
    this.clock = clock;
    this.texts = texts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = CanonicalPaths.guarded(request);
    boolean loginForm =
        "POST".equals(request.getMethod())
            && path.startsWith(LOGIN_FORM)
            && path.contains("/login/");
    if (loginForm) {
      // read the form here and hand it on: asking the request for a parameter would consume the
      // body before the webapp's own login reads it
      byte[] body = CachedBody.read(request.getInputStream(), 16 * 1024);
      if (body == null) {
        response.sendError(413);
        return;
      }
      request = new CachedBody(request, body);
    }
    String account = loginForm ? formValue((CachedBody) request, "username") : basicUser(request);
    if (!loginForm && account == null) {
      chain.doFilter(request, response);
      return;
    }
    String source = request.getRemoteAddr();
    Optional<Instant> wait = failures.waitUntil(account, source);
    if (wait.isPresent()) {
      long seconds = Math.max(1, Duration.between(clock.instant(), wait.get()).toSeconds());
      response.setHeader("Retry-After", String.valueOf(seconds));
      ApiError.failure(texts.get("login.wait", waitText(seconds))).send(response, 429);
      return;
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      failures.failed(account, source);
    } else if (status < 400 && account != null) {
      failures.succeeded(account, source);
    }
  }

  private static String formValue(CachedBody request, String name) {
    String form = new String(request.body(), StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
        return decoded.length() > 64 ? decoded.substring(0, 64) : decoded;
      }
    }
    return null;
  }

  private String waitText(long seconds) {
    return seconds < 60
        ? texts.get("duration.seconds", seconds)
        : texts.get("duration.minutes", (seconds + 59) / 60);
  }

  private static String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : decoded.substring(0, Math.min(colon, 64));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
