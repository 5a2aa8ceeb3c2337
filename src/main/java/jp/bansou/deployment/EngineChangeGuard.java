package jp.bansou.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.bansou.api.ApiError;
import jp.bansou.api.CachedBody;
import jp.bansou.engine.Texts;
import jp.bansou.modelsafety.ExpressionPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Nothing destroyed by accident or malice through the engine's APIs: a deployment is never deleted
 * with its cases ({@code cascade}), nor its listeners skipped; a procedure is suspended only with a
 * reason, through {@link SuspensionController}; a stored filter's expressions keep to what a
 * model's may reach. The engine's authorizations decide the rest.
 */
public class EngineChangeGuard extends OncePerRequestFilter {

  // the default engine, or one named in the path (/engine-rest/engine/default/…)
  static final String API = jp.bansou.api.ApiErrors.ENGINE_API;
  static final Pattern DEPLOYMENT =
      Pattern.compile(
          API
              + "/(?:deployment/[^/]+|process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+))$");
  static final Pattern SUSPENSION = Pattern.compile(API + "/.+/suspended$");
  static final Pattern FILTER = Pattern.compile(API + "/filter/[^/]+$");

  /** A filter's definition is small. */
  static final int MAX_FILTER = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Texts texts;
  private final ExpressionPolicy expressions;

  public EngineChangeGuard(Texts texts, ExpressionPolicy expressions) {
    this.texts = texts;
    this.expressions = expressions;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = jp.bansou.security.CanonicalPaths.guarded(request);
    String method = request.getMethod();
    if ("DELETE".equals(method)
        && DEPLOYMENT.matcher(path).matches()
        && (truthy(request.getParameter("cascade"))
            || truthy(request.getParameter("skipCustomListeners"))
            || truthy(request.getParameter("skipIoMappings")))) {
      refuse(response, 400, texts.get("deployment.refused.cascade"));
      return;
    }
    if ("PUT".equals(method) && SUSPENSION.matcher(path).matches()) {
      refuse(response, 400, texts.get("suspension.refused.engine"));
      return;
    }
    if (("POST".equals(method) || "PUT".equals(method)) && FILTER.matcher(path).matches()) {
      byte[] body = CachedBody.read(request.getInputStream(), MAX_FILTER);
      List<String> problems = body == null ? List.of() : filterProblems(body);
      if (body == null || !problems.isEmpty()) {
        refuse(
            response,
            400,
            texts.get("filter.refused", body == null ? "64 KB" : String.join("、", problems)));
        return;
      }
      chain.doFilter(new CachedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** A stored filter's expressions run for whoever opens it: the same rules as a model's. */
  private List<String> filterProblems(byte[] body) {
    List<String> problems = new ArrayList<>();
    try {
      collect(JSON.readTree(body), problems);
    } catch (IOException unreadable) {
      // the engine refuses it with a 400 itself
    }
    return problems;
  }

  private void collect(JsonNode node, List<String> problems) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      for (String problem : expressions.problems(node.asText())) {
        problems.add("「" + node.asText() + "」：" + problem);
      }
    }
    node.elements().forEachRemaining(child -> collect(child, problems));
  }

  private static boolean truthy(String value) {
    return value != null && !value.equalsIgnoreCase("false");
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    new ApiError(message).send(response, status);
  }
}
