package jp.bansou.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bansou.api.ApiError;
import jp.bansou.engine.People;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's own work, which belongs to no procedure, is for administrators; so are the stack
 * traces of what failed; and nobody attaches files to tasks.
 *
 * <ul>
 *   <li>A job, job definition or incident of no process definition (the nightly history clean-up, a
 *       batch's jobs): the engine checks a change of one against the permissions of its process
 *       definition, and with none it lets anyone logged in change its retries, due date or
 *       priority, run it, delete it or annotate its incident. Cockpit's own actions on a
 *       procedure's jobs are unchanged.
 *   <li>A failed job's or external task's stack trace: Java's words and the engine's insides, and
 *       an exception's message may quote what a step was working on.
 *   <li>A task's attachment: no procedure uses one, and a file there (a scan of a residence card)
 *       would be kept past the identity vault for everyone who sees the task, its name unchecked.
 *   <li>What Cockpit reads about the engine's work (jobs, incidents, batches and their failure
 *       messages; the number of cases of each procedure) is for those who may open Cockpit: the
 *       engine lets anyone logged in read the jobs of no process definition, with the engine's
 *       English failure messages, and count every case.
 * </ul>
 *
 * Each refusal is a 403 with a Japanese message; the engine decides everything else as before.
 */
public class OperationsGuard extends OncePerRequestFilter {

  static final String API = jp.bansou.api.ApiErrors.ENGINE_API;

  /** One job and what is done to it (not the lists and bulk changes, which the engine checks). */
  static final Pattern JOB =
      Pattern.compile(API + "/job/(?!retries$|suspended$|count$)([^/]+)(?:/.*)?$");

  static final Pattern JOB_DEFINITION =
      Pattern.compile(API + "/job-definition/(?!suspended$|count$)([^/]+)/.+$");

  static final Pattern INCIDENT = Pattern.compile(API + "/incident/(?!count$)([^/]+)(?:/.*)?$");

  static final Pattern STACK_TRACE =
      Pattern.compile(
          API
              + "/(?:job/[^/]+/stacktrace|history/job-log/[^/]+/stacktrace"
              + "|external-task/[^/]+/errorDetails|history/external-task-log/[^/]+/error-details)$");

  static final Pattern ATTACHMENT = Pattern.compile(API + "/task/[^/]+/attachment/create$");

  /**
   * What Cockpit reads about the engine's work: jobs, incidents, job logs, batches (their failure
   * messages: the engine's English, its codes and entity names) and the count of cases of each
   * procedure, restricted cases included.
   */
  static final Pattern COCKPIT_READS =
      Pattern.compile(
          API
              + "/(?:job(?:/[^/]+)?|job-definition(?:/[^/]+)?|incident(?:/[^/]+)?"
              + "|history/job-log(?:/[^/]+)?|history/incident(?:/count)?"
              + "|batch(?:/[^/]+)?|batch/statistics(?:/count)?|history/batch(?:/[^/]+)?"
              + "|process-definition/(?:key/[^/]+/|[^/]+/)?statistics)$");

  /** A search of Cockpit's own plugins (its case and incident lists). */
  static final Pattern COCKPIT_PLUGIN = Pattern.compile("^/camunda/api/cockpit/plugin/.+$");

  /** Read whole up to this size, as any search (a long list of ids). */
  static final int MAX_PLUGIN_SEARCH = 4 * 1024 * 1024;

  private final Texts texts;
  private final IdentityService identityService;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;

  private final org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine;

  public OperationsGuard(
      Texts texts,
      IdentityService identityService,
      ManagementService managementService,
      RuntimeService runtimeService,
      org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
    this.texts = texts;
    this.identityService = identityService;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = CanonicalPaths.guarded(request);
    String method = request.getMethod();
    if ("POST".equals(method) && COCKPIT_PLUGIN.matcher(path).matches()) {
      // a body that is no JSON object (null) failed there on a null pointer
      byte[] body = jp.bansou.api.CachedBody.read(request.getInputStream(), MAX_PLUGIN_SEARCH);
      if (body == null || !isObject(body)) {
        new ApiError(texts.get("api.error.badRequest")).send(response, body == null ? 413 : 400);
        return;
      }
      chain.doFilter(new jp.bansou.api.CachedBody(request, body), response);
      return;
    }
    if ("POST".equals(method) && ATTACHMENT.matcher(path).matches()) {
      new ApiError(texts.get("task.refused.attachment")).send(response, 403);
      return;
    }
    boolean reads = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    if (reads && STACK_TRACE.matcher(path).matches() && !isAdmin(request)) {
      new ApiError(texts.get("operations.refused.stackTrace")).send(response, 403);
      return;
    }
    if (COCKPIT_READS.matcher(path).matches() && !usesCockpit(request)) {
      new ApiError(texts.get("operations.refused.cockpitOnly")).send(response, 403);
      return;
    }
    if (!reads && ofNoProcess(path) && !isAdmin(request)) {
      new ApiError(texts.get("operations.refused.engineWork")).send(response, 403);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isObject(byte[] body) {
    try {
      return JSON.readTree(body) instanceof com.fasterxml.jackson.databind.node.ObjectNode;
    } catch (IOException notJson) {
      return false;
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * The job, job definition or incident the path names is one of no process definition (as the
   * caller may see it: one they may not see is the engine's to refuse).
   */
  private boolean ofNoProcess(String path) {
    Matcher job = JOB.matcher(path);
    if (job.matches()) {
      Job found = managementService.createJobQuery().jobId(job.group(1)).singleResult();
      return found != null && found.getProcessDefinitionId() == null;
    }
    Matcher definition = JOB_DEFINITION.matcher(path);
    if (definition.matches()) {
      JobDefinition found =
          managementService
              .createJobDefinitionQuery()
              .jobDefinitionId(definition.group(1))
              .singleResult();
      return found != null && found.getProcessDefinitionId() == null;
    }
    Matcher incident = INCIDENT.matcher(path);
    if (incident.matches()) {
      Incident found =
          runtimeService.createIncidentQuery().incidentId(incident.group(1)).singleResult();
      return found != null && found.getProcessDefinitionId() == null;
    }
    return false;
  }

  /**
   * Whether the caller may open Cockpit (the grants of {@link AccessPolicy}, or an
   * administrator's), read past the caller's own permissions, which need not include reading
   * grants.
   */
  private boolean usesCockpit(HttpServletRequest request) {
    String user = ApiAccessFilter.caller(request, identityService);
    if (user == null) {
      return true; // not logged in: the engine answers 401 itself
    }
    java.util.List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList();
    return groups.contains(Role.ADMIN_GROUP)
        || engine
            .getCommandExecutorTxRequired()
            .execute(
                command ->
                    command
                        .getAuthorizationManager()
                        .isAuthorized(
                            user,
                            groups,
                            org.camunda.bpm.engine.authorization.Permissions.ACCESS,
                            org.camunda.bpm.engine.authorization.Resources.APPLICATION,
                            "cockpit"));
  }

  private boolean isAdmin(HttpServletRequest request) {
    return People.isMember(
        identityService, ApiAccessFilter.caller(request, identityService), Role.ADMIN_GROUP);
  }
}
