package jp.bansou.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bansou.api.ApiError;
import jp.bansou.api.CachedBody;
import jp.bansou.engine.People;
import jp.bansou.engine.Texts;
import jp.bansou.security.ApiAccessFilter;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A comment on a task or a case (Tasklist's 「コメントを追加」, or {@code /engine-rest} directly) is refused
 * before the engine reads it when its body is too large or not a JSON object, in Japanese. Whether
 * it names the person is checked inside the engine, once the engine has found what it is about and
 * checked that the caller may comment ({@link CommentCheckPlugin}). A comment is changed or deleted
 * only by the one who wrote it, or by an administrator.
 */
public class CommentGuard extends OncePerRequestFilter {

  static final Pattern CREATE =
      Pattern.compile(SubmissionGuard.API + "/task/([^/]+)/comment/create$");
  static final Pattern UPDATE =
      Pattern.compile(SubmissionGuard.API + "/(task|process-instance)/([^/]+)/comment$");

  /** One comment deleted, or (without its id) every comment of a task or case. */
  static final Pattern DELETE =
      Pattern.compile(
          SubmissionGuard.API + "/(task|process-instance)/([^/]+)/comment(?:/([^/]+))?$");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Texts texts;
  private final TaskService taskService;
  private final IdentityService identityService;

  private final org.camunda.bpm.engine.HistoryService historyService;

  public CommentGuard(
      Texts texts,
      TaskService taskService,
      IdentityService identityService,
      org.camunda.bpm.engine.HistoryService historyService) {
    this.texts = texts;
    this.taskService = taskService;
    this.identityService = identityService;
    this.historyService = historyService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = jp.bansou.security.CanonicalPaths.guarded(request);
    String method = request.getMethod();
    Matcher create = CREATE.matcher(path);
    Matcher update = UPDATE.matcher(path);
    Matcher delete = DELETE.matcher(path);
    boolean creates = "POST".equals(method) && create.matches();
    boolean updates = "PUT".equals(method) && update.matches();
    if ("DELETE".equals(method) && delete.matches()) {
      if (!othersAmong(request, delete.group(1), delete.group(2), delete.group(3))) {
        chain.doFilter(request, response);
      } else {
        new ApiError(texts.get("comment.refused.others")).send(response, 403);
      }
      return;
    }
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
    if (updates
        && json.path("id").isTextual()
        && othersAmong(request, update.group(1), update.group(2), json.path("id").asText())) {
      new ApiError(texts.get("comment.refused.others")).send(response, 403);
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /**
   * Whether the comment named (or, with no id, any comment of the task or case) is someone else's
   * and the caller no administrator. The engine lets whoever may work on a task change or delete
   * each of its comments, and a changed comment then carries the changer's name: one's own words
   * are one's own to change. A comment the caller cannot read is the engine's to refuse.
   */
  private boolean othersAmong(
      HttpServletRequest request, String kind, String id, String commentId) {
    String caller = ApiAccessFilter.caller(request, identityService);
    if (caller == null || People.isMember(identityService, caller, Role.ADMIN_GROUP)) {
      return false;
    }
    // a task or case the caller cannot see is the engine's to answer (404), whatever comments it
    // has: a refusal here would tell that it has someone's. Asked as the caller: through the
    // webapps, their session's authentication is set only after this filter.
    return People.asUser(identityService, caller, () -> othersVisible(caller, kind, id, commentId));
  }

  private boolean othersVisible(String caller, String kind, String id, String commentId) {
    boolean visible =
        "task".equals(kind)
            ? taskService.createTaskQuery().taskId(id).count() > 0
                || historyService.createHistoricTaskInstanceQuery().taskId(id).count() > 0
            : historyService.createHistoricProcessInstanceQuery().processInstanceId(id).count() > 0;
    if (!visible) {
      return false;
    }
    List<Comment> comments;
    try {
      if ("task".equals(kind) && commentId != null) {
        Comment one = taskService.getTaskComment(id, commentId);
        comments = one == null ? List.of() : List.of(one);
      } else {
        comments =
            "task".equals(kind)
                ? taskService.getTaskComments(id)
                : taskService.getProcessInstanceComments(id);
      }
    } catch (ProcessEngineException notReadable) {
      return false;
    }
    return comments.stream()
        .filter(comment -> commentId == null || commentId.equals(comment.getId()))
        .anyMatch(comment -> !caller.equals(comment.getUserId()));
  }
}
