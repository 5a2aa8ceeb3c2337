package jp.bansou.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bansou.api.ApiError;
import jp.bansou.api.CachedBody;
import jp.bansou.engine.Texts;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A comment on a task or a case (Tasklist's 「コメントを追加」, or {@code /engine-rest} directly) is refused
 * before the engine reads it when its body is too large or not a JSON object, in Japanese. Whether
 * it names the person is checked inside the engine, once the engine has found what it is about and
 * checked that the caller may comment ({@link CommentCheckPlugin}).
 */
public class CommentGuard extends OncePerRequestFilter {

  static final Pattern CREATE =
      Pattern.compile(SubmissionGuard.API + "/task/([^/]+)/comment/create$");
  static final Pattern UPDATE =
      Pattern.compile(SubmissionGuard.API + "/(?:task|process-instance)/[^/]+/comment$");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Texts texts;

  public CommentGuard(Texts texts) {
    this.texts = texts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = jp.bansou.security.CanonicalPaths.guarded(request);
    String method = request.getMethod();
    Matcher create = CREATE.matcher(path);
    boolean creates = "POST".equals(method) && create.matches();
    boolean updates = "PUT".equals(method) && UPDATE.matcher(path).matches();
    if (!creates && !updates) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = CachedBody.read(request.getInputStream(), SubmissionGuard.MAX_BODY);
    if (body == null) {
      new ApiError(texts.get("form.refused.tooLarge", SubmissionGuard.MAX_BODY / 1024))
          .send(response, 413);
      return;
    }
    JsonNode json;
    try {
      json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException notJson) {
      new ApiError(texts.get("form.refused.unreadable")).send(response, 400);
      return;
    }
    if (!(json instanceof ObjectNode)) {
      new ApiError(texts.get("form.refused.unreadable")).send(response, 400);
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }
}
