package jp.bansou.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards our own pages and JSON API with the same accounts as the Camunda webapps: a Tasklist or
 * Cockpit login session, or HTTP Basic for scripts. The dashboard, reports and fee claims are for
 * coordinators, supervisors and administrators; {@code /api/cases/…} and {@code /api/tasks/…} are
 * open to every signed-in person and decide there, case by case; {@code /api/admin/…} is for
 * administrators, {@code /api/models/…} for modellers and administrators. Others get 403, requests
 * without a login 401.
 */
public class ApiAccessFilter extends OncePerRequestFilter {

  static final Set<String> ALLOWED_GROUPS =
      Set.of(Role.COORDINATORS.groupId(), Role.SUPERVISORS.groupId(), Role.ADMIN_GROUP);

  /** Paths whose controllers decide per case who may see what. */
  static final List<String> PER_CASE = List.of("/api/cases/", "/api/tasks/");

  static final String ADMIN_ONLY = "/api/admin/";

  /** The lessons register: published know-how for everyone who works cases (issue 19). */
  static final List<String> LESSONS = List.of("/lessons", "/api/lessons");

  static final Set<String> LESSON_READERS =
      Set.of(
          Role.COMPANIONS.groupId(),
          Role.COORDINATORS.groupId(),
          Role.SUPERVISORS.groupId(),
          Role.ADMIN_GROUP);

  /** The live models, their export and the migration of running cases: modellers and admins. */
  static final String MODELS = "/api/models/";

  /** The evidence the policy team takes to the ministries: categories only, small counts hidden. */
  static final List<String> POLICY_TEAM_TOO = List.of("/api/reports/visit-barriers.csv");

  /** The request attribute that holds the authenticated user id for the controllers. */
  public static final String USER_ATTRIBUTE = "bansou.user";

  private final IdentityService identityService;

  public ApiAccessFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The login page and what it needs are open to everyone; they hold no data. */
  static final Set<String> PUBLIC_PATHS =
      Set.of("/dashboard/login.html", "/dashboard/login.js", "/dashboard/dashboard.css");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = CanonicalPaths.guarded(request);
    if (PUBLIC_PATHS.contains(path)) {
      chain.doFilter(request, response);
      return;
    }
    String user = fromSession(request);
    if (user != null && changes(request) && !fromOurPages(request)) {
      // a session's cookie goes with any request the browser makes to this site, from a page of
      // another subdomain too (SameSite=Lax lets it): a change must come from our own pages
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN,
          "このシステムの画面から送られた変更ではないので、受け付けませんでした。このシステムのページを開いて、そこから操作してください。");
      return;
    }
    if (user == null) {
      user = fromBasic(request);
    }
    if (user == null) {
      if (path.startsWith("/dashboard") && request.getHeader("Authorization") == null) {
        // a person in a browser: log in first, with the same account as Tasklist and Cockpit
        response.sendRedirect(request.getContextPath() + "/dashboard/login.html");
        return;
      }
      if (path.startsWith("/lessons") && request.getHeader("Authorization") == null) {
        response.sendRedirect(request.getContextPath() + "/dashboard/login.html?next=lessons");
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"bansou\", charset=\"UTF-8\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "ログインしてください。");
      return;
    }
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    boolean allowed =
        path.startsWith(ADMIN_ONLY)
            ? groups.contains(Role.ADMIN_GROUP)
            : path.startsWith(MODELS)
                ? groups.contains(Role.ADMIN_GROUP) || groups.contains(Role.MODELLERS.groupId())
                : PER_CASE.stream().anyMatch(path::startsWith)
                    || (LESSONS.stream().anyMatch(path::startsWith)
                        && groups.stream().anyMatch(LESSON_READERS::contains))
                    || groups.stream().anyMatch(ALLOWED_GROUPS::contains)
                    || (POLICY_TEAM_TOO.contains(path)
                        && groups.contains(Role.POLICY_TEAM.groupId()));
    if (!allowed) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN,
          path.startsWith(ADMIN_ONLY)
              ? "管理者だけが使える機能です。"
              : path.startsWith(MODELS)
                  ? "モデル担当と管理者だけが使える機能です。"
                  : LESSONS.stream().anyMatch(path::startsWith)
                      ? "ケースにかかわる伴走者・コーディネーター・監督者だけが見られるページです。"
                      : "コーディネーターと事務局だけが見られるページです。");
      return;
    }
    request.setAttribute(USER_ATTRIBUTE, user);
    chain.doFilter(request, response);
  }

  private static boolean changes(HttpServletRequest request) {
    return !Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
  }

  /**
   * Whether the browser says the request comes from a page of this host: its Origin, or when it
   * sends none, its Referer. Browsers send Origin with every change a page's script makes.
   */
  static boolean fromOurPages(HttpServletRequest request) {
    String source = request.getHeader("Origin");
    if (source == null || source.isBlank() || "null".equals(source)) {
      source = request.getHeader("Referer");
    }
    if (source == null || source.isBlank()) {
      return false;
    }
    try {
      String host = java.net.URI.create(source.strip()).getHost();
      return host != null && host.equalsIgnoreCase(request.getServerName());
    } catch (IllegalArgumentException notAnAddress) {
      return false;
    }
  }

  /**
   * Who sends a request into the engine: the user of the webapps' session, or the one the engine's
   * REST API logged in (HTTP Basic), or null.
   */
  public static String caller(
      HttpServletRequest request, org.camunda.bpm.engine.IdentityService identityService) {
    String fromSession = fromSession(request);
    if (fromSession != null) {
      return fromSession;
    }
    org.camunda.bpm.engine.impl.identity.Authentication engine =
        identityService.getCurrentAuthentication();
    return engine == null ? null : engine.getUserId();
  }

  /** The user of a Tasklist or Cockpit login session, or null. */
  public static String fromSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine("default");
    return authentication instanceof UserAuthentication ? authentication.getName() : null;
  }

  private String fromBasic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    return identityService.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
  }
}
