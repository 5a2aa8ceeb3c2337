package jp.bansou.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.bansou.api.ApiError;
import jp.bansou.engine.Texts;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request's path as it is written is the path it reaches, or the request is refused (400)
 * before anything else reads it. The guards behind this filter ({@link ApiAccessFilter}, the engine
 * API's guards) decide by the path as written, while Spring MVC and JAX-RS route by the path
 * decoded and without path parameters: {@code /api;x/admin/…} or {@code /api/%61dmin/…} would pass
 * a guard as "not admin" and still reach the admin controller. So a path with a parameter ({@code
 * ;}), a backslash, an empty, {@code .} or {@code ..} segment, or a percent-escape of a letter, a
 * digit, {@code - . _ ~ / ; \ %} or a control character is refused; escapes of other characters
 * pass ({@code %3A} in a process definition's id, a Japanese name). No page or client of ours
 * writes such a path. A slash at the end is allowed (the webapps send {@code
 * /camunda/api/engine/engine/}, {@code POST …/incident/}): the guards read the path through {@link
 * #guarded}, which drops it, as the routers do.
 */
public class CanonicalPaths extends OncePerRequestFilter {

  /** Characters a guard's path prefix may hold, or that route, besides letters and digits. */
  private static final String ROUTING = "-._~/;\\%";

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(CanonicalPaths.class);

  private final Texts texts;

  public CanonicalPaths(Texts texts) {
    this.texts = texts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
    if (!canonical(uri) || !canonical(path)) {
      // the method and the path's shape, for whoever looks for a page of ours that writes one
      String shown = path.replaceAll("[^!-~]", "?");
      LOG.info(
          "Refused a path that is not canonical: {} {}",
          request.getMethod(),
          shown.length() > 120 ? shown.substring(0, 120) + "..." : shown);
      ApiError.failure(texts.get("request.refused.path")).send(response, 400);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The path reaches what it says: nothing a router would read differently from a guard. */
  public static boolean canonical(String path) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == ';' || c == '\\' || c < 0x20 || c == 0x7f) {
        return false;
      }
      if (c == '%') {
        // an escape of a character that a path needs no escape for (%61 'a', %2e '.') or that
        // routes (%2f '/', %3b ';', %5c '\', %25 '%'), or of a control character: refused; others
        // pass (%3A in a process definition's id, %E3… of a Japanese name)
        if (i + 2 >= path.length()) {
          return false;
        }
        int high = Character.digit(path.charAt(i + 1), 16);
        int low = Character.digit(path.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return false;
        }
        char decoded = (char) (high * 16 + low);
        if (decoded < 0x20 || decoded == 0x7f || ROUTING.indexOf(decoded) >= 0) {
          return false;
        }
        if (decoded < 0x80 && Character.isLetterOrDigit(decoded)) {
          return false;
        }
      }
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    // an empty segment ("//") anywhere, also at the end (…/complete//)
    if (path.contains("//")) {
      return false;
    }
    return true;
  }

  /**
   * The path a guard compares: without the context path and without one slash at its end, since the
   * routers read {@code …/complete/} as {@code …/complete} (JAX-RS; Cockpit itself sends {@code PUT
   * …/suspended/}). Every guard reads the path through this, never {@code getRequestURI()}.
   */
  public static String guarded(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
