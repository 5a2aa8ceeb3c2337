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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bansou.api.ApiError;
import jp.bansou.api.CachedBody;
import jp.bansou.engine.Texts;
import jp.bansou.facts.CaseFacts;
import jp.bansou.person.IdentifierCheck;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A comment on a task or a case (Tasklist's 「コメントを追加」, or {@code /engine-rest} directly) is free
 * text that everyone who sees the task reads and that the engine keeps in its history: it is
 * refused, with a Japanese message naming what was found, when it carries the person's name, phone
 * or e-mail, as a note in a form is.
 */
public class CommentGuard extends OncePerRequestFilter {

  static final Pattern CREATE =
      Pattern.compile(SubmissionGuard.API + "/task/([^/]+)/comment/create$");
  static final Pattern UPDATE =
      Pattern.compile(SubmissionGuard.API + "/(?:task|process-instance)/comment$");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentifierCheck identifiers;
  private final Texts texts;

  public CommentGuard(
      TaskService taskService,
      RuntimeService runtimeService,
      IdentifierCheck identifiers,
      Texts texts) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identifiers = identifiers;
    this.texts = texts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
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
    String taskId = creates ? create.group(1) : json.path("taskId").asText(null);
    Optional<String> caseNumber = caseNumber(taskId, json.path("processInstanceId").asText(null));
    if (caseNumber.isPresent()) {
      List<String> found =
          identifiers.identifiersIn(caseNumber.get(), json.path("message").asText(""));
      if (!found.isEmpty()) {
        new ApiError(texts.get("comment.refused.identifier", String.join("、", found)))
            .send(response, 400);
        return;
      }
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /** The case the comment is about, through its task or its process instance. */
  private Optional<String> caseNumber(String taskId, String processInstanceId) {
    String instance = processInstanceId;
    if (taskId != null) {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return Optional.empty(); // the engine answers a missing task itself
      }
      instance = task.getProcessInstanceId();
    }
    if (instance == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
      return Optional.empty();
    }
    Object number = runtimeService.getVariable(instance, CaseFacts.CASE_NUMBER.name());
    return Optional.ofNullable(number).map(Object::toString);
  }
}
