package jp.bansou.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bansou.api.CachedBody;
import jp.bansou.engine.People;
import jp.bansou.engine.Texts;
import jp.bansou.facts.CaseFacts;
import jp.bansou.forms.FormSchema.FormField;
import jp.bansou.forms.SubmissionCheck.Problem;
import jp.bansou.person.IdentifierCheck;
import jp.bansou.security.ApiAccessFilter;
import jp.bansou.security.PasswordRules;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every form submission, whether from Tasklist or straight to {@code /engine-rest}, is checked
 * against its deployed Camunda Form before the engine sees it ({@link SubmissionCheck}): a task
 * only by the person who took it, no variable the form lacks, no read-only value written back, no
 * person's identifier in a note. Direct changes of variables are for administrators only. A refusal
 * is a 400 with a Japanese message naming the field.
 */
public class SubmissionGuard extends OncePerRequestFilter {

  /** A larger body is refused before it is read into memory. */
  public static final int MAX_BODY = 256 * 1024;

  // the default engine, or one named in the path (/engine-rest/engine/default/…)
  static final String API = jp.bansou.api.ApiErrors.ENGINE_API;
  static final Pattern TASK_SUBMIT =
      Pattern.compile(API + "/task/([^/]+)/(?:submit-form|complete|resolve)$");
  static final Pattern START =
      Pattern.compile(
          API
              + "/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:submit-form|start)$");
  static final Pattern VARIABLES =
      Pattern.compile(
          API
              + "/(?:task|execution|process-instance|case-instance|case-execution)/[^/]+/"
              + "(?:variables|localVariables)(?:/.*)?$");

  /** Other ways values are set by hand: a case's modification, variables set on many cases. */
  static final Pattern MORE_VALUES =
      Pattern.compile(API + "/process-instance/(?:[^/]+/modification|variables-async)$");

  /**
   * A decision table tried with values by hand: FEEL cannot read XML or a Java object (the engine
   * failed with a server error); a list is sent as Json.
   */
  static final Pattern EVALUATE =
      Pattern.compile(
          API + "/decision-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/evaluate$");

  /**
   * Ways around a task's form that only an administrator takes: a BPMN error or escalation thrown
   * from the task (a companion merely offered a case ended the whole case with an error no model
   * catches), and a message or signal, which starts or moves processes with any variables, past the
   * start form's checks, and answers with the started process's variables. Also the engine's other
   * ways of moving processes and jobs from outside (a condition, an execution's signal or message,
   * job retries, a migration), which the engine refuses to others only after failing on the
   * request's contents with a server error.
   */
  static final Pattern AROUND_THE_FORM =
      Pattern.compile(
          API
              + "(?:/task/[^/]+/(?:bpmnError|bpmnEscalation)|/message|/signal|/condition"
              + "|/execution/[^/]+/(?:signal|messageSubscriptions/[^/]+/trigger)"
              + "|/job/retries|/process-instance/job-retries|/migration/.+)$");

  /**
   * An account's profile, changed or created: the engine fails with a server error on a body
   * without the account's id, before any permission check.
   */
  static final Pattern PROFILE = Pattern.compile(API + "/user/(?:[^/]+/profile|create)$");

  /** A new password for an account ({@code jp.bansou.security.PasswordRules}). */
  static final Pattern CREDENTIALS = Pattern.compile(API + "/user/([^/]+)/credentials$");

  /**
   * A search sent as a body: tasks, cases, their history, a saved filter's list; or a search inside
   * a body: the cases a batch acts on, a filter saved. The engine's REST API fails with a server
   * error on a variable's condition without its operator.
   */
  static final Pattern SEARCH =
      Pattern.compile(
          API
              + "/(?:(?:task|process-instance|execution|variable-instance|case-instance"
              + "|case-execution|external-task|job|history/[a-z-]+"
              + "|filter/[^/]+/(?:list|count|singleResult))"
              + "(?:/count)?"
              + "|process-instance/(?:delete|variables-async|suspended-async|job-retries)"
              + "|history/process-instance/(?:delete|set-removal-time)"
              + "|modification/executeAsync|modification/execute|process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/restart(?:-async)?"
              + "|migration/execute(?:Async)?|message/async|external-task/retries(?:-async)?"
              + "|external-task/fetchAndLock"
              + "|filter/create|filter/[^/]+)$");

  /** A list of variables' conditions in a search ({@code processVariables}, {@code variables}…). */
  private static final Pattern CONDITIONS =
      Pattern.compile("variables|[a-zA-Z]+Variables|variableValues");

  /** Lists of a search's conditions on a date ({@code dueDates}, {@code createTimes}). */
  private static final Pattern DATE_CONDITIONS = Pattern.compile("dueDates|createTimes");

  /** A search's body is read whole up to this size (a long list of ids from Cockpit). */
  static final int MAX_SEARCH = 4 * 1024 * 1024;

  /** A group or tenant, created or changed. */
  static final Pattern GROUP_OR_TENANT = Pattern.compile(API + "/(?:group|tenant)/[^/]+$");

  /** A saved filter, created or changed (not its list or count). */
  static final Pattern FILTER_SAVED = Pattern.compile(API + "/filter/[^/]+$");

  /**
   * A password checked against the rules as one types it (the webapps' password field), open to
   * anyone: its length is bounded here as the rules bound it.
   */
  static final Pattern RULES_CHECK = Pattern.compile(API + "/identity/password-policy$");

  /** The REST API's check of any account's password (see {@code LoginThrottle}). */
  static final Pattern PASSWORD_CHECK = Pattern.compile(API + "/identity/verify$");

  /** A claim, which Tasklist sends with the claimer's own id. */
  static final Pattern CLAIM = Pattern.compile(API + "/task/[^/]+/claim$");

  /**
   * What a submission may carry: its variables, nothing else. Not {@code withVariablesInReturn}
   * either: the answer would carry every variable of the case as the submission left it, the steps'
   * findings included (a start would answer which open case has the same phone number), past the
   * permissions that decide who reads a case's variables.
   */
  static final java.util.Set<String> ALLOWED_FIELDS = java.util.Set.of("variables");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskService taskService;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final SubmissionCheck check;
  private final IdentifierCheck identifiers;
  private final Texts texts;
  private final Supplier<Optional<String>> suspensionReasons;

  public SubmissionGuard(
      TaskService taskService,
      FormService formService,
      RepositoryService repositoryService,
      IdentityService identityService,
      SubmissionCheck check,
      IdentifierCheck identifiers,
      Texts texts,
      Supplier<Optional<String>> suspensionReasons) {
    this.suspensionReasons = suspensionReasons;
    this.taskService = taskService;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.check = check;
    this.identifiers = identifiers;
    this.texts = texts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = jp.bansou.security.CanonicalPaths.guarded(request);
    String method = request.getMethod();
    String emptyList = emptyListParameter(request);
    if (emptyList != null) {
      refuse(response, 400, texts.get("search.refused.emptyList", emptyList), null);
      return;
    }
    if (!"GET".equals(method) && VARIABLES.matcher(path).matches() && !isAdmin(user(request))) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, texts.get("form.refused.variables"), null);
      return;
    }
    boolean aroundTheForm =
        "POST".equals(method)
            && (AROUND_THE_FORM.matcher(path).matches() || EVALUATE.matcher(path).matches());
    if (("PUT".equals(method) || "POST".equals(method))
            && (VARIABLES.matcher(path).matches() || aroundTheForm)
            && isAdmin(user(request))
        || "POST".equals(method) && MORE_VALUES.matcher(path).matches()) {
      // an administrator's values, set by hand: what the engine would store and not read again
      if (path.endsWith("/data")) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
          refuse(response, 400, texts.get("variables.refused.dataNotMultipart"), null);
          return;
        }
        chain.doFilter(request, response);
        return;
      }
      byte[] sent = smallBody(request, response);
      if (sent == null) {
        return;
      }
      String blank = RequestShapes.blankId(jsonOf(sent));
      if (blank != null) {
        refuse(response, 400, texts.get("search.refused.blankId", blank), null);
        return;
      }
      String refused = RequestShapes.typedValueRefusal(jsonOf(sent), !aroundTheForm);
      if (refused != null) {
        refuse(response, 400, texts.get(refused), null);
        return;
      }
      chain.doFilter(new CachedBody(request, sent), response);
      return;
    }
    if ("POST".equals(method) && RULES_CHECK.matcher(path).matches()) {
      byte[] sent = smallBody(request, response);
      if (sent == null) {
        return;
      }
      JsonNode body = jsonOf(sent);
      if (body != null
          && body.path("password").isTextual()
          && body.path("password").asText().length() > PasswordRules.MAX_LENGTH) {
        refuse(
            response,
            400,
            texts.get("account.refused.passwordTooLong", PasswordRules.MAX_LENGTH),
            null);
        return;
      }
      chain.doFilter(new CachedBody(request, sent), response);
      return;
    }
    if ("POST".equals(method)
        && PASSWORD_CHECK.matcher(path).matches()
        && !isAdmin(user(request))) {
      // whether a password is anyone's: for administrators only (after the login, which is
      // throttled; LoginThrottle counts an administrator's wrong answers from the webapps)
      refuse(response, HttpServletResponse.SC_FORBIDDEN, texts.get("api.error.forbidden"), null);
      return;
    }
    if ("POST".equals(method)
        && AROUND_THE_FORM.matcher(path).matches()
        && !isAdmin(user(request))) {
      refuse(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          texts.get("form.refused.aroundTheForm"),
          null);
      return;
    }
    if (("PUT".equals(method) || "POST".equals(method)) && PROFILE.matcher(path).matches()) {
      byte[] profile = smallBody(request, response);
      if (profile == null) {
        return;
      }
      JsonNode sent = jsonOf(profile);
      if (sent != null) {
        // user/create carries the profile one level down
        JsonNode fields = path.endsWith("/create") ? sent.path("profile") : sent;
        if (fields.path("id").asText("").isBlank()) {
          refuse(response, 400, texts.get("account.refused.noId"), null);
          return;
        }
        if (path.endsWith("/create") && !passwordSent(sent.path("credentials"), response)) {
          return;
        }
        if (tooLong(fields, response)) {
          return;
        }
        // an administrator's (another's id is refused to anyone else, as any other account)
        if (!path.endsWith("/create")
            && isAdmin(user(request))
            && !fields
                .path("id")
                .asText()
                .equals(decoded(path.split("/")[path.split("/").length - 2]))) {
          refuse(response, 400, texts.get("account.refused.idChanged"), null);
          return;
        }
      }
      chain.doFilter(new CachedBody(request, profile), response);
      return;
    }
    Matcher credentials = CREDENTIALS.matcher(path);
    if ("PUT".equals(method) && credentials.matches()) {
      String user = user(request);
      String account =
          java.net.URLDecoder.decode(
              credentials.group(1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
      if (user != null && !user.equals(account) && !isAdmin(user)) {
        // before the engine's password rules, which read the account's own id, name and e-mail
        // address: a refusal of a password for another's account would tell what they contain
        refuse(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            texts.get("account.refused.othersPassword"),
            null);
        return;
      }
      byte[] sent = smallBody(request, response);
      if (sent == null) {
        return;
      }
      JsonNode body = jsonOf(sent);
      if (body != null && !passwordSent(body, response)) {
        return;
      }
      chain.doFilter(new CachedBody(request, sent), response);
      return;
    }
    if (("POST".equals(method) || "PUT".equals(method)) && SEARCH.matcher(path).matches()) {
      byte[] search = CachedBody.read(request.getInputStream(), MAX_SEARCH);
      if (search == null) {
        refuse(response, 413, texts.get("form.refused.tooLarge", MAX_SEARCH / 1024), null);
        return;
      }
      JsonNode sent = jsonOf(search);
      String blank = RequestShapes.blankId(sent);
      if (blank != null) {
        refuse(response, 400, texts.get("search.refused.blankId", blank), null);
        return;
      }
      String incomplete = incompleteCondition(sent);
      if (incomplete != null) {
        refuse(
            response,
            400,
            texts.get(
                CONDITIONS.matcher(incomplete).matches()
                    ? "search.refused.condition"
                    : "search.refused.orderOrDate",
                incomplete),
            null);
        return;
      }
      String shape = RequestShapes.refusal(path, sent);
      if (shape != null) {
        refuse(response, 400, texts.get(shape), null);
        return;
      }
      if (sent != null && FILTER_SAVED.matcher(path).matches() && tooLong(sent, response)) {
        return;
      }
      chain.doFilter(new CachedBody(request, search), response);
      return;
    }
    if (("POST".equals(method) || "PUT".equals(method))
        && GROUP_OR_TENANT.matcher(path).matches()) {
      byte[] sent = smallBody(request, response);
      if (sent == null) {
        return;
      }
      JsonNode body = jsonOf(sent);
      if (body != null && tooLong(body, response)) {
        return;
      }
      String named = path.substring(path.lastIndexOf('/') + 1);
      if ("PUT".equals(method)
          && body != null
          && (!body.path("id").isTextual() || !body.path("id").asText().equals(decoded(named)))) {
        // the engine looked for the new id, found none, and answered as if two people had
        // changed it at once; without one it failed on a null pointer, before any permission
        refuse(response, 400, texts.get("account.refused.idChanged"), null);
        return;
      }
      chain.doFilter(new CachedBody(request, sent), response);
      return;
    }
    if (RequestShapes.checked(method, path)) {
      byte[] sent = smallBody(request, response);
      if (sent == null) {
        return;
      }
      String refused = RequestShapes.refusal(path, jsonOf(sent));
      if (refused != null) {
        refuse(response, 400, texts.get(refused), null);
        return;
      }
      chain.doFilter(new CachedBody(request, sent), response);
      return;
    }
    if ("POST".equals(method) && CLAIM.matcher(path).matches()) {
      byte[] claim = smallBody(request, response);
      if (claim == null) {
        return;
      }
      JsonNode sent = jsonOf(claim);
      String claimer = sent == null ? null : sent.path("userId").asText(null);
      String user = user(request);
      if (claimer != null && !claimer.equals(user) && !isAdmin(user)) {
        refuse(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            texts.get("form.refused.claimForOthers"),
            null);
        return;
      }
      chain.doFilter(new CachedBody(request, claim), response);
      return;
    }
    Matcher task = TASK_SUBMIT.matcher(path);
    Matcher start = START.matcher(path);
    boolean submitsTask = "POST".equals(method) && task.matches();
    boolean starts = "POST".equals(method) && start.matches();
    if (!submitsTask && !starts) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY) {
      refuse(response, 413, texts.get("form.refused.tooLarge", MAX_BODY / 1024), null);
      return;
    }
    byte[] body = CachedBody.read(request.getInputStream(), MAX_BODY);
    if (body == null) {
      refuse(response, 413, texts.get("form.refused.tooLarge", MAX_BODY / 1024), null);
      return;
    }
    ObjectNode json;
    try {
      JsonNode parsed = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
      if (!(parsed instanceof ObjectNode object)) {
        refuse(response, 400, texts.get("form.refused.unreadable"), null);
        return;
      }
      json = object;
    } catch (IOException notJson) {
      refuse(response, 400, texts.get("form.refused.unreadable"), null);
      return;
    }
    // nothing else: no start instructions that skip steps, no listeners skipped, no business key
    var names = json.fieldNames();
    while (names.hasNext()) {
      if (!ALLOWED_FIELDS.contains(names.next())) {
        refuse(response, 400, texts.get("form.refused.unreadable"), null);
        return;
      }
    }
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    json.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));

    SubmissionCheck.Result result;
    if (submitsTask) {
      Task found = taskService.createTaskQuery().taskId(task.group(1)).singleResult();
      if (found == null) {
        chain.doFilter(new CachedBody(request, body), response); // the engine answers 404 itself
        return;
      }
      if (found.isSuspended()) {
        refuse(response, 400, suspended(), null);
        return;
      }
      String user = user(request);
      if (user == null || !user.equals(found.getAssignee())) {
        refuse(response, 400, texts.get("form.refused.notAssignee"), null);
        return;
      }
      FormSchema form = taskForm(found).orElse(FormSchema.parse("{\"components\": []}"));
      result = check.check(form, variables, key -> options(found.getId(), key));
      if (result.problems().isEmpty()) {
        Optional<Problem> identifying = identifying(user, found, form, result.variables());
        if (identifying.isPresent()) {
          refuse(response, 400, identifying.get().message(), identifying.get());
          return;
        }
      }
    } else {
      Optional<ProcessDefinition> definition = definition(start.group(1), start.group(2));
      if (definition.isEmpty()) {
        chain.doFilter(new CachedBody(request, body), response);
        return;
      }
      if (definition.get().isSuspended()) {
        refuse(response, 400, suspended(), null);
        return;
      }
      FormSchema form =
          startForm(definition.get()).orElse(FormSchema.parse("{\"components\": []}"));
      result = check.check(form, variables, key -> List.of());
    }
    if (!result.problems().isEmpty()) {
      if (submitsTask && taskService.createTaskQuery().taskId(task.group(1)).count() == 0) {
        // finished meanwhile (the first of a double press, another person): its form was gone
        // when this one was checked against it, and what was sent is not what is wrong
        refuse(response, 409, texts.get("api.error.taskDone"), null);
        return;
      }
      Problem first = result.problems().get(0);
      refuse(response, 400, first.message(), first);
      return;
    }
    ObjectNode passed = JSON.createObjectNode();
    result.variables().forEach(passed::set);
    json.set("variables", passed);
    chain.doFilter(new CachedBody(request, JSON.writeValueAsBytes(json)), response);
  }

  /** Told before anything is checked, so nobody corrects a form that cannot be sent anyway. */
  private String suspended() {
    return suspensionReasons
        .get()
        .map(reason -> texts.get("api.error.suspendedBecause", reason))
        .orElse(texts.get("api.error.suspended"));
  }

  /** A note that names the person whose case it is. */
  private Optional<Problem> identifying(
      String user, Task task, FormSchema form, Map<String, JsonNode> values) {
    Object caseNumber = taskService.getVariable(task.getId(), CaseFacts.CASE_NUMBER.name());
    if (caseNumber == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
      FormField field = form.fields().get(entry.getKey());
      JsonNode value = entry.getValue().path("value");
      if (field != null
          && ("textarea".equals(field.type()) || "textfield".equals(field.type()))
          && value.isTextual()) {
        List<String> found =
            identifiers.writtenBy(
                user,
                caseNumber.toString(),
                texts.get("person.reads.aFormNote", field.label()),
                value.asText());
        if (!found.isEmpty()) {
          return Optional.of(
              new Problem(
                  field.key(),
                  field.id(),
                  field.label(),
                  texts.get(
                      "form.refused.identifier",
                      field.label(),
                      String.join("、", found),
                      identifiers.insteadOf(found))));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<FormSchema> taskForm(Task task) {
    if (taskService instanceof ServiceImpl engine) {
      // the same form and permission check as below, parsed once per deployed form
      return DeployedForms.ofTask(engine.getCommandExecutor(), task.getId());
    }
    try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
      return Optional.of(FormSchema.parse(new String(form.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (RuntimeException | IOException noCamundaForm) {
      return Optional.empty();
    }
  }

  private Optional<FormSchema> startForm(ProcessDefinition definition) {
    try (InputStream form = formService.getDeployedStartForm(definition.getId())) {
      return Optional.of(FormSchema.parse(new String(form.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (RuntimeException | IOException noCamundaForm) {
      return Optional.empty();
    }
  }

  private Optional<ProcessDefinition> definition(String key, String id) {
    var query = repositoryService.createProcessDefinitionQuery();
    return Optional.ofNullable(
        key != null
            ? query.processDefinitionKey(key).withoutTenantId().latestVersion().singleResult()
            : query.processDefinitionId(id).singleResult());
  }

  /** The values a select whose options the process fills may take. */
  private List<String> options(String taskId, String key) {
    Object value = taskService.getVariable(taskId, key);
    List<String> options = new ArrayList<>();
    JsonNode list;
    try {
      list = JSON.readTree(value == null ? "[]" : value.toString());
    } catch (IOException e) {
      return options;
    }
    for (JsonNode option : list) {
      options.add(option.isObject() ? option.path("value").asText() : option.asText());
    }
    return options;
  }

  /**
   * A new password is there, as text, and not longer than the rules allow; the engine takes a
   * missing one as "no change" and answers as if it were changed.
   */
  private boolean passwordSent(JsonNode credentials, HttpServletResponse response)
      throws IOException {
    JsonNode password = credentials.path("password");
    if (!password.isTextual() || password.asText().isEmpty()) {
      refuse(response, 400, texts.get("account.refused.passwordMissing"), null);
      return false;
    }
    if (password.asText().length() > PasswordRules.MAX_LENGTH) {
      refuse(
          response,
          400,
          texts.get("account.refused.passwordTooLong", PasswordRules.MAX_LENGTH),
          null);
      return false;
    }
    return true;
  }

  /**
   * A text longer than the engine's column for it (an id 64 characters, a name, an e-mail address
   * or a type 255), refused with its name: the database refused it with a server error.
   */
  private boolean tooLong(JsonNode fields, HttpServletResponse response) throws IOException {
    for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) fields::fields) {
      int max = field.getKey().equals("id") ? 64 : 255;
      if (field.getValue().isTextual() && field.getValue().asText().length() > max) {
        refuse(response, 400, texts.get("form.refused.tooLongField", field.getKey(), max), null);
        return true;
      }
    }
    return false;
  }

  private String user(HttpServletRequest request) {
    return ApiAccessFilter.caller(request, identityService);
  }

  private boolean isAdmin(String user) {
    return People.isMember(identityService, user, Role.ADMIN_GROUP);
  }

  /** The request's body, read into memory; null once a body too large is answered with 413. */
  private byte[] smallBody(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = CachedBody.read(request.getInputStream(), MAX_BODY);
    if (body == null) {
      refuse(response, 413, texts.get("form.refused.tooLarge", MAX_BODY / 1024), null);
    }
    return body;
  }

  /**
   * The list of a search (also inside {@code orQueries}) with a variable's condition that is no
   * object with a name and an operator, or null when every condition has both.
   */
  static String incompleteCondition(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode child : node) {
        String incomplete = incompleteCondition(child);
        if (incomplete != null) {
          return incomplete;
        }
      }
      return null;
    }
    for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) node::fields) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("properties")) {
        // a saved filter's display, not a search: the variables Tasklist shows on each of its
        // tasks, by name and label
        continue;
      }
      if (value.isArray() && CONDITIONS.matcher(key).matches()) {
        for (JsonNode condition : value) {
          // a list of names is no condition: the variables an external task's worker fetches
          if (!condition.isTextual()
              && (!condition.path("name").isTextual() || !condition.path("operator").isTextual())) {
            return key;
          }
        }
      }
      if (value.isArray() && DATE_CONDITIONS.matcher(key).matches()) {
        for (JsonNode condition : value) {
          if (!condition.path("operator").isTextual() || !condition.path("value").isTextual()) {
            return key;
          }
        }
      }
      if (value.isArray() && key.equals("sorting")) {
        for (JsonNode order : value) {
          // [null] is the REST API's to refuse (ApiErrors), as it did before
          if (order.isObject() && !order.path("sortBy").isTextual()) {
            return key;
          }
        }
      }
      String incomplete = incompleteCondition(value);
      if (incomplete != null) {
        return incomplete;
      }
    }
    return null;
  }

  private static String decoded(String segment) {
    return decodedValue(segment.replace("+", "%2B"));
  }

  /**
   * A search's list in the address ({@code processInstanceIds=,}, {@code
   * processDefinitionKeyNotIn=}) with no value in it, or null: the engine turned some into SQL the
   * database could not read.
   */
  private static String emptyListParameter(HttpServletRequest request) {
    // the address only: reading the parameters would read a form-encoded body before the engine
    String query = request.getQueryString();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decodedValue(pair.substring(equals + 1));
      if (LIST_PARAMETER.matcher(name).matches() && value.replace(",", "").isBlank()) {
        return name;
      }
    }
    return null;
  }

  private static String decodedValue(String value) {
    try {
      return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value; // the engine answers an address it cannot read itself
    }
  }

  /**
   * A list of what to leave out: the engine builds SQL of an empty one that the database cannot
   * read. (An empty list of what to include is the engine's to answer: Cockpit's batch page asks
   * for the users {@code idIn=} of no batch and is answered with none.)
   */
  private static final Pattern LIST_PARAMETER = Pattern.compile("[a-zA-Z]+NotIn");

  /** The body as JSON, or null when it is none: the engine answers an unreadable body itself. */
  private static JsonNode jsonOf(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static void refuse(
      HttpServletResponse response, int status, String message, Problem problem)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "refused");
    body.put("message", jp.bansou.api.ApiError.text(message));
    if (problem != null) {
      body.put("field", problem.field());
      if (problem.component() != null) {
        body.put("component", problem.component());
      }
    }
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }
}
