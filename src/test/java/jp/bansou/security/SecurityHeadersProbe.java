package jp.bansou.security;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Runs {@link SecurityHeaders} on one request, for tests in other packages. */
public final class SecurityHeadersProbe {

  private SecurityHeadersProbe() {}

  /** Whether the request went on past the filter. */
  public static AtomicBoolean run(
      boolean httpsOnly, MockHttpServletRequest request, MockHttpServletResponse response)
      throws Exception {
    AtomicBoolean passed = new AtomicBoolean();
    new SecurityHeaders(httpsOnly).doFilter(request, response, (req, res) -> passed.set(true));
    return passed;
  }
}
