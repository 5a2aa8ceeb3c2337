package jp.bansou.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import jp.bansou.api.ApiError;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same protective headers on our pages and JSON as Camunda puts on its webapps: no sniffing, no
 * framing, no referrer, nothing cached (our JSON can hold a person's identity), a strict content
 * policy, and HSTS over HTTPS. In production a request to any path (webapps and {@code
 * /engine-rest} too) that did not come over HTTPS, as the TLS-terminating proxy says in
 * X-Forwarded-Proto, is sent there (GET) or refused (anything else).
 */
public class SecurityHeaders extends OncePerRequestFilter {

  static final String DASHBOARD_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none';"
          + " base-uri 'self'; form-action 'self'";
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** Our paths: the dashboard and our JSON. */
  static final Pattern OURS = Pattern.compile("/(?:api/|dashboard(?:/|$))");

  private final boolean httpsOnly;

  public SecurityHeaders(boolean httpsOnly) {
    this.httpsOnly = httpsOnly;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (httpsOnly && !request.isSecure()) {
      if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
        response.sendRedirect(
            "https://"
                + request.getServerName()
                + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
      } else {
        // a password or a form sent in the clear is not taken, so nobody gets used to it
        new ApiError("HTTPS（https://…）のアドレスで開きなおしてください。")
            .send(response, HttpServletResponse.SC_BAD_REQUEST);
      }
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!OURS.matcher(path).lookingAt()) {
      // the webapps and the engine's REST API carry Camunda's own headers
      if (request.isSecure()) {
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
      }
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader(
        "Content-Security-Policy", path.startsWith("/dashboard") ? DASHBOARD_POLICY : API_POLICY);
    if (path.startsWith("/api/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(request, response);
  }
}
