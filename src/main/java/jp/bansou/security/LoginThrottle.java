package jp.bansou.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.regex.Pattern;
import jp.bansou.api.ApiError;
import jp.bansou.api.ApiErrors;
import jp.bansou.api.CachedBody;
import jp.bansou.engine.People;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Growing waits for failed logins, per account and source address and per address alone ({@link
 * LoginFailures}), in front of every way to log in: the webapps' login form, and HTTP Basic on
 * {@code /engine-rest} and our API. Camunda's own permanent lock after ten failures is off ({@code
 * login-max-attempts}): a stranger cannot lock anyone out.
 */
public class LoginThrottle extends OncePerRequestFilter {

  static final String LOGIN_FORM = "/camunda/api/admin/auth/user/";

  /**
   * A change of one's password, which asks for the current one ({@code authenticatedUserPassword}):
   * whoever holds a logged-in session (a phone left unlocked) could otherwise try current passwords
   * as fast as the server answers, and take the account for good with the one that fits.
   */
  static final Pattern PASSWORD_CHANGE =
      Pattern.compile(ApiErrors.ENGINE_API + "/user/[^/]+/credentials$");

  /**
   * The REST API's check of any account's password ({@code {"username", "password"}}, answered with
   * {@code authenticated: true|false}): open to every logged-in person and counted nowhere, it let
   * anyone logged in try the administrator's password as fast as the server answered. Only an
   * administrator may ask now, and from a logged-in session (the webapps' way in) a wrong answer
   * counts as a failed login of the account asked about.
   */
  static final Pattern PASSWORD_CHECK = Pattern.compile(ApiErrors.ENGINE_API + "/identity/verify$");

  /** The webapps' way into the engine, logged in with a session. */
  private static final String WEBAPP_API = "/camunda/api/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoginFailures failures;
  private final Clock clock;
  private final Texts texts;
  private final IdentityService identityService;

  public LoginThrottle(
      LoginFailures failures, Clock clock, Texts texts, IdentityService identityService) {
    this.failures = failures;
    this.clock = clock;
    this.texts = texts;
    this.identityService = identityService;
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
    boolean passwordChange =
        "PUT".equals(request.getMethod()) && PASSWORD_CHANGE.matcher(path).matches();
    boolean passwordCheck =
        "POST".equals(request.getMethod()) && PASSWORD_CHECK.matcher(path).matches();
    if (loginForm || passwordChange || passwordCheck) {
      // read the body here and hand it on: asking the request for a parameter would consume the
      // body before the webapp's own login reads it
      byte[] body = CachedBody.read(request.getInputStream(), 16 * 1024);
      if (body == null) {
        response.sendError(413);
        return;
      }
      request = new CachedBody(request, body);
    }
    String account = loginForm ? formValue((CachedBody) request, "username") : basicUser(request);
    // through /engine-rest, whoever asks logs in with the request (HTTP Basic), which is throttled
    // as any other login and proves their password; SubmissionGuard refuses the question of
    // anyone's password to all but administrators there. The webapps' API is used from a session.
    String sessionUser =
        path.startsWith(WEBAPP_API) && (passwordChange || passwordCheck)
            ? ApiAccessFilter.fromSession(request)
            : null;
    passwordChange = passwordChange && sessionUser != null;
    passwordCheck = passwordCheck && sessionUser != null;
    if (passwordChange) {
      // the current password asked for is the logged-in person's own
      account = sessionUser;
    }
    if (passwordCheck) {
      if (!People.isMember(identityService, sessionUser, Role.ADMIN_GROUP)) {
        ApiError.failure(texts.get("api.error.forbidden")).send(response, 403);
        return;
      }
      account = bodyText(((CachedBody) request).body(), "username");
      account = account == null || account.length() <= 64 ? account : account.substring(0, 64);
    }
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
    if (passwordCheck
        && !identityService.checkPassword(
            account, bodyText(((CachedBody) request).body(), "password"))) {
      // the REST API answers "authenticated: false" itself; the guess is counted here
      failures.failed(account, source);
    }
    if (passwordChange) {
      if (!identityService.checkPassword(
          account, bodyText(((CachedBody) request).body(), "authenticatedUserPassword"))) {
        // a wrong current password counts as a failed login, and says what is wrong
        failures.failed(account, source);
        new ApiError(texts.get("account.refused.currentPassword")).send(response, 400);
        return;
      }
    }
    chain.doFilter(request, response);
    if (passwordCheck) {
      // answered 200 either way: counted above, by what was asked
      return;
    }
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      failures.failed(account, source);
    } else if (status < 400 && account != null) {
      failures.succeeded(account, source);
    }
  }

  /** A text field of a JSON body (a password, an account's id), or null when there is none. */
  private static String bodyText(byte[] body, String field) {
    try {
      JsonNode given = JSON.readTree(body);
      return given != null && given.path(field).isTextual() ? given.path(field).asText() : null;
    } catch (IOException notJson) {
      return null;
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
