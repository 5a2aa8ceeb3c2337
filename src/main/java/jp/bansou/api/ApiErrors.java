package jp.bansou.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.SimultaneousGrants;
import jp.bansou.engine.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every refusal of {@code /engine-rest}, the webapps' API and our own API reaches the person as a
 * 4xx with a Japanese message they can act on: a {@link Refusal} raised inside the engine (wrapped
 * there in {@code ENGINE-03051} and the like) becomes a 400 with its own message; a missing
 * permission, a task someone else took, a suspended procedure each get theirs; anything else is a
 * 500 with a reference number. No answer carries SQL, a class name or a stack trace.
 */
public class ApiErrors extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The start of a path into the engine: its REST API ({@code /engine-rest}, also with {@code
   * /engine/{name}}) or the webapps' ({@code /camunda/api/engine/engine/{name}}). Every guard that
   * reads an engine path starts its pattern with this.
   */
  public static final String ENGINE_API =
      "^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)";

  /**
   * A request about one task, through the engine's REST API or the webapps' (its id; not the task
   * reports, {@code task/report/…}, which Cockpit's 「ヒューマンタスク」 reads).
   */
  static final Pattern TASK_PATH = Pattern.compile(ENGINE_API + "/task/(?!report/)([^/]+)/.+$");

  /** A new account, group or tenant, through the engine's REST API or the webapps'. */
  static final Pattern ACCOUNT_CREATED =
      Pattern.compile(ENGINE_API + "/(?:user|group|tenant)/create$");

  private final Texts texts;
  private final Supplier<Optional<String>> suspensionReasons;
  private final Predicate<String> taskExists;

  /**
   * @param suspensionReasons why procedures are suspended now, told to whoever meets one
   * @param taskExists whether a task of that id exists now (whoever may see it)
   */
  public ApiErrors(
      Texts texts, Supplier<Optional<String>> suspensionReasons, Predicate<String> taskExists) {
    this.texts = texts;
    this.suspensionReasons = suspensionReasons;
    this.taskExists = taskExists;
  }

  /**
   * The request was about a task that is gone now: another person or another tab finished it while
   * this request ran (the engine then fails in many ways: a missing task, a missing execution).
   */
  private boolean taskGone(HttpServletRequest request) {
    Matcher task = TASK_PATH.matcher(path(request));
    return task.matches() && !taskExists.test(task.group(1));
  }

  /** The request's path inside the application. */
  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Refusal.forget();
    SimultaneousGrants.forget();
    Answer wrapper = new Answer(response);
    try {
      try {
        chain.doFilter(request, wrapper);
      } catch (ServletException | IOException | RuntimeException failed) {
        // escaped every handler: answered here, not by the container's English error page
        Throwable cause =
            failed instanceof ServletException && failed.getCause() != null
                ? failed.getCause()
                : failed;
        if (taskGone(request)) {
          // a check before the engine's own (SubmissionGuard) met the task already finished
          LOG.info("Answered {} to a request about a task already done", gone(request));
          answer(wrapper, gone(request), texts.get("api.error.taskDone"));
          return;
        }
        if (cause instanceof org.camunda.bpm.engine.AuthorizationException) {
          answer(wrapper, 403, texts.get("api.error.forbidden"));
          return;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.warn(
            "Answered 500 ({}) to a request that failed: {} at {}",
            reference,
            cause.getClass().getSimpleName(),
            ApiExceptions.where(cause));
        answer(wrapper, 500, texts.get("api.error.server", reference));
        return;
      }
      if (wrapper.getStatus() >= 400) {
        rewrite(wrapper, request);
      }
    } finally {
      Refusal.forget();
      SimultaneousGrants.forget();
      wrapper.copyBodyToResponse();
    }
  }

  /** A task gone: not found for a look at it, a conflict for a change to it. */
  private static int gone(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) ? 404 : 409;
  }

  private void rewrite(Answer response, HttpServletRequest request) throws IOException {
    boolean loginForm = request.getRequestURI().contains("/auth/user/");
    int status = response.getStatus();
    JsonNode body = parse(response.getContentAsByteArray());
    String type = body == null ? "" : body.path("type").asText("");
    String message = body == null ? "" : body.path("message").asText("");
    if (body == null && response.error != null && containsJapanese(response.error)) {
      answer(response, status, response.error); // a filter's own refusal, already in Japanese
      return;
    }
    if ((type.equals("refused") || type.equals("error")) && containsJapanese(message)) {
      return; // ours, already in Japanese
    }
    if (status == 403
        && response.error != null
        && response.error.startsWith("CSRFPreventionFilter")) {
      // the webapps' check that a change comes from their own page: a page open since before the
      // last login (another tab, a phone woken up), whose session the check has just ended. The
      // person is not refused a right: they are to reload and log in again
      answer(response, 403, texts.get("api.error.stalePage"));
      return;
    }
    Refusal refusal = Refusal.last();
    // a refusal raised while this request ran is its cause, whatever the REST resource made of it
    // (the comment resources answer any engine exception as 400 or 404 with an English text)
    if (refusal != null
        && (status == 400
            || status == 404
            || message.isEmpty()
            || message.contains(refusal.getMessage()))) {
      answer(response, 400, refusal.getMessage());
    } else if (status == 401) {
      // the webapps' login form: a wrong name or password; elsewhere: not logged in
      answer(response, 401, texts.get(loginForm ? "login.failed" : "api.error.login"));
    } else if ((type.equals("AuthorizationException") || status == 403) && taskGone(request)) {
      // a task finished meanwhile takes its grants with it: the caller lost to the one who
      // finished it, they were not refused
      LOG.info("Answered {} to a request about a task already done", gone(request));
      answer(response, gone(request), texts.get("api.error.taskDone"));
    } else if (type.equals("AuthorizationException") || status == 403) {
      answer(response, 403, texts.get("api.error.forbidden"));
    } else if (type.equals("TaskAlreadyClaimedException") || message.contains("already claimed")) {
      answer(response, 409, texts.get("api.error.claimed"));
    } else if (message.matches("(?s).*(User|Group|Tenant) has an invalid id.*")) {
      // an administrator typed an id with a space or in Japanese (the engine's allowed ids)
      answer(response, 400, texts.get("account.refused.badId"));
    } else if ((type.equals("OptimisticLockingException")
            || message.contains("ENGINE-03005")
            || SimultaneousGrants.lost())
        && ACCOUNT_CREATED.matcher(path(request)).matches()) {
      // the engine inserts the account and fails on the id already there, as if two people had
      // changed the same thing at once
      answer(response, 409, texts.get("account.refused.idTaken"));
    } else if (type.equals("OptimisticLockingException")
        || message.contains("ENGINE-03005")
        || SimultaneousGrants.lost() && status != 404) {
      // two people changed the same task or case at the same moment (two claims, two completions
      // in one case; the REST API wraps the engine's exception of a completion or form submitted,
      // and answers a comment's as 400 with its own words): the second change was not kept, and
      // its author needs to see the first
      LOG.info("Answered 409 to a change that lost to a simultaneous one: {}", type);
      answer(response, 409, texts.get("api.error.changedMeanwhile"));
    } else if (status >= 500 && message.contains("Cannot find task with id")
        || status != 401 && status != 403 && taskGone(request)) {
      // completing, submitting, claiming or reading a task that is already done (sent twice, or
      // another person finished it first): the engine fails on the missing task, or on its
      // execution gone, and the REST API says 500
      LOG.info("Answered {} to a request about a task already done", gone(request));
      answer(response, gone(request), texts.get("api.error.taskDone"));
    } else if (status >= 500 && message.matches("(?s).*ENGINE-0302[5-8].*")) {
      // a permission the engine cannot store for its type (one for everyone given to one person
      // or a group): forms.RequestShapes checks a body's own type, this the type already stored
      answer(response, 400, texts.get("authorization.refused.shape"));
    } else if (message.contains("Password does not match policy")) {
      // the engine's password rules (PasswordRules), which the webapps show as one types
      answer(
          response,
          400,
          texts.get("account.refused.password", jp.bansou.security.PasswordRules.MIN_LENGTH));
    } else if (status >= 500 && (incomplete(type, message) || negativePage(request))) {
      // the REST API reads its request bodies without checking them: a body, a field or a list
      // entry left out, a value of a kind a condition cannot take, fails deep in the engine
      LOG.info(
          "Answered 400 to a request the engine could not use: {} {}",
          type.isEmpty() ? "no type" : type,
          engineCode(message));
      answer(response, 400, texts.get("api.error.badRequest"));
    } else if (status >= 500
        && (type.equals("NullValueException")
            || type.equals("RestException")
                && (message.contains("doesn't exist") || message.contains("no deployed")))) {
      // the engine looked up what the request named (an execution to signal, a task, a variable
      // of an ended case, which the REST API wraps) and found nothing: what was sent names
      // something that is not there
      answer(response, 404, texts.get("api.error.notFound"));
    } else if (status >= 500
        && (message.contains("cannot be used to query")
            || message.contains("Cannot order by variables of type"))) {
      // a query on, or sorted by, a value the engine cannot compare (an Object, a JSON value)
      answer(response, 400, texts.get("api.error.badRequest"));
    } else if (status >= 500
        && message.matches("(?s).*(?:ENGINE-130(?:36|53)|ENGINE-23003)\\b.*")) {
      // a job or a case to change that is not there (the engine says so as a server error)
      answer(response, 404, texts.get("api.error.notFound"));
    } else if (status >= 500 && message.contains("ENGINE-13034")) {
      // a tenant the caller does not belong to (a task moved into the trial tenant)
      answer(response, 403, texts.get("api.error.forbidden"));
    } else if (status >= 500 && message.contains("part of a running process")) {
      answer(response, 400, texts.get("task.refused.deleteInProcess"));
    } else if (status >= 500 && OUT_OF_RANGE.matcher(message).find()) {
      // a list left empty, a number below what the engine takes (retries, a page, a lock's time)
      LOG.info("Answered 400 to a request the engine could not use: {}", engineCode(message));
      answer(response, 400, texts.get("api.error.badRequest"));
    } else if (type.equals("SuspendedEntityInteractionException")) {
      answer(
          response,
          400,
          suspensionReasons
              .get()
              .map(reason -> texts.get("api.error.suspendedBecause", reason))
              .orElse(texts.get("api.error.suspended")));
    } else if (message.contains("without cascading failed")
        || message.contains("can not be deleted")) {
      answer(response, 400, texts.get("deployment.refused.inUse"));
    } else if (type.equals("NotValidException") && containsJapanese(message)) {
      answer(response, 400, withoutEngineCode(message));
    } else if (type.equals("ParseException")
        || type.equals("NotValidException")
        || UNREADABLE_MODEL.matcher(message).find()) {
      // a file that is no BPMN or DMN at all (not XML, an unknown type) fails before the parser's
      // own checks, as a plain engine exception: what is wrong is the file sent, not the server
      answer(response, 400, texts.get("api.error.model", plain(message)));
    } else if (type.equals("QueryParamException")) {
      // JAX-RS answers a query parameter it cannot read (maxResults=abc) with 404, as if the
      // path were unknown: it is what was sent that is wrong
      answer(response, 400, texts.get("api.error.badRequest"));
    } else if (status == 404 || type.equals("NotFoundException")) {
      answer(response, 404, texts.get("api.error.notFound"));
    } else if (status == 413) {
      answer(response, 413, texts.get("form.refused.tooLarge", 256));
    } else if (status < 500) {
      answer(response, status, texts.get("api.error.badRequest"));
    } else {
      String reference = UUID.randomUUID().toString().substring(0, 8);
      // the type and engine code only: a message could quote values from the request
      LOG.warn(
          "Answered 500 ({}) to a request: {} {}",
          reference,
          type.isEmpty() ? "no type" : type,
          engineCode(message));
      answer(response, 500, texts.get("api.error.server", reference));
    }
  }

  /**
   * The response as the filters and the engine write it, with {@code sendError} kept here instead
   * of going to the servlet container's error page (which would answer in English, unfiltered).
   */
  static class Answer extends ContentCachingResponseWrapper {
    private String error;

    Answer(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) {
      resetBuffer();
      setStatus(status);
      error = message;
    }
  }

  /**
   * A request the engine's REST API failed on because of what it left out or sent: its reading of a
   * body (a missing body or list entry: a null pointer in one of its request classes, {@code
   * org.camunda.bpm.engine.rest.dto}), a required value missing ({@code "workerId is null"}, {@code
   * "type is required …"}), an argument it cannot use, a comparison of a value that cannot be
   * compared, an expression in a query, or a condition with nothing waiting for it. Anything else
   * stays a server error with its reference.
   */
  static boolean incomplete(String type, String message) {
    return type.equals("NullPointerException") && message.contains(".rest.dto.")
        || type.equals("NullValueException")
            && (message.matches("\\w+ is null") || message.contains(" is required "))
        || type.equals("IllegalArgumentException")
        || message.contains("cannot be used in '")
        || message.contains("Unable to resolve expression")
        || message.contains("can't be set larger than")
        || message.contains("ENGINE-13043");
  }

  /**
   * The engine's words for a value it cannot take: a list left empty ({@code candidateGroups=},
   * {@code processInstanceIds=,}), a number below its least (retries of -1, a lock of -5 ms).
   */
  static final Pattern OUT_OF_RANGE =
      Pattern.compile(
          "ENGINE-130(?:40|5[124])\\b| is empty\\b|\\bis not greater than\\b|must be a non-negative"
              + "|no current activity");

  /** A page before the first row or of fewer than none: the database refuses it, not the API. */
  private static boolean negativePage(HttpServletRequest request) {
    for (String parameter : new String[] {"firstResult", "maxResults"}) {
      String value = request.getParameter(parameter);
      if (value != null && value.trim().startsWith("-")) {
        return true;
      }
    }
    return false;
  }

  private static void answer(ContentCachingResponseWrapper response, int status, String message)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", status == 400 ? "refused" : "error");
    body.put("message", ApiError.text(message));
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode json = JSON.readTree(body);
      return json != null && json.isObject() ? json : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  static boolean containsJapanese(String text) {
    return text.codePoints().anyMatch(c -> c >= 0x3040 && c <= 0x9FFF);
  }

  /** A model's problem as the engine says it, without engine codes, class names or SQL. */
  /** The engine's codes for a deployed file it cannot read: XML (09003), DMN (22004), DMN-…. */
  static final java.util.regex.Pattern UNREADABLE_MODEL =
      java.util.regex.Pattern.compile("ENGINE-09003|ENGINE-22004|\\bDMN-\\d+");

  static String plain(String message) {
    String text =
        withoutEngineCode(message)
            .replaceAll("(?:[a-z_$][a-z0-9_$]*\\.)+[A-Z][A-Za-z0-9_$]*", "")
            .replaceAll("(?i)\\b(select|insert|update|delete)\\b.*", "")
            .strip();
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }

  static String withoutEngineCode(String message) {
    return message.replaceAll("ENGINE-\\d+\\s*", "").strip();
  }

  private static String engineCode(String message) {
    var matcher = java.util.regex.Pattern.compile("ENGINE-\\d+").matcher(message);
    return matcher.find() ? matcher.group() : "";
  }
}
