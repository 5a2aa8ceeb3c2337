package jp.bansou.config;

import jakarta.servlet.Filter;
import java.time.Clock;
import jp.bansou.api.ApiErrors;
import jp.bansou.deployment.EngineChangeGuard;
import jp.bansou.deployment.Suspensions;
import jp.bansou.engine.Texts;
import jp.bansou.forms.CommentGuard;
import jp.bansou.forms.SubmissionCheck;
import jp.bansou.forms.SubmissionGuard;
import jp.bansou.modelsafety.ModelSafetyPlugin;
import jp.bansou.person.IdentifierCheck;
import jp.bansou.security.ApiAccessFilter;
import jp.bansou.security.CanonicalPaths;
import jp.bansou.security.LoginFailures;
import jp.bansou.security.LoginThrottle;
import jp.bansou.security.SecurityHeaders;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters in front of the APIs, in this order: Japanese answers for every refusal (outermost,
 * so it sees them all), then who is calling, then what may be submitted.
 */
@Configuration(proxyBeanMethods = false)
public class WebFilters {

  static final String[] APIS = {"/engine-rest/*", "/camunda/api/*", "/api/*"};

  @Bean
  FilterRegistrationBean<ApiErrors> apiErrors(
      Texts texts, Suspensions suspensions, org.camunda.bpm.engine.TaskService tasks) {
    FilterRegistrationBean<ApiErrors> registration =
        new FilterRegistrationBean<>(
            new ApiErrors(
                texts,
                suspensions::reasons,
                taskId -> tasks.createTaskQuery().taskId(taskId).count() > 0));
    registration.setName("api-errors");
    registration.addUrlPatterns(APIS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * Every path reaches what it says, before any guard reads it: no path parameter, no escaped
   * letter, no dot segment (a guard compares the path as written, the routers decode it).
   */
  @Bean
  FilterRegistrationBean<CanonicalPaths> canonicalPaths(Texts texts) {
    FilterRegistrationBean<CanonicalPaths> registration =
        new FilterRegistrationBean<>(new CanonicalPaths(texts));
    registration.setName("canonical-paths");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }

  /** Our pages' and JSON's security headers; in production, HTTPS only. */
  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders(
      @Value("${bansou.https-only:false}") boolean httpsOnly) {
    FilterRegistrationBean<SecurityHeaders> registration =
        new FilterRegistrationBean<>(new SecurityHeaders(httpsOnly));
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Growing waits after failed logins, before anyone's password is checked. */
  @Bean
  FilterRegistrationBean<LoginThrottle> loginThrottle(
      LoginFailures failures, Clock clock, Texts texts, IdentityService identityService) {
    FilterRegistrationBean<LoginThrottle> registration =
        new FilterRegistrationBean<>(new LoginThrottle(failures, clock, texts, identityService));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*", "/dashboard/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  /**
   * {@code /engine-rest} behind HTTP Basic against the engine's own users, so that every REST call
   * runs as a user and Camunda's authorizations apply (401 without credentials, 403 without
   * permission).
   */
  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }

  /** No deployment deleted with its cases, no suspension without a reason, no unsafe filter. */
  @Bean
  FilterRegistrationBean<EngineChangeGuard> engineChangeGuard(
      Texts texts, ModelSafetyPlugin modelSafety) {
    FilterRegistrationBean<EngineChangeGuard> registration =
        new FilterRegistrationBean<>(new EngineChangeGuard(texts, modelSafety.expressions()));
    registration.setName("engine-change-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }

  /** The engine's own jobs and stack traces for administrators; no files attached to tasks. */
  @Bean
  FilterRegistrationBean<jp.bansou.security.OperationsGuard> operationsGuard(
      Texts texts,
      IdentityService identityService,
      org.camunda.bpm.engine.ManagementService managementService,
      org.camunda.bpm.engine.RuntimeService runtimeService,
      org.camunda.bpm.engine.ProcessEngine engine) {
    FilterRegistrationBean<jp.bansou.security.OperationsGuard> registration =
        new FilterRegistrationBean<>(
            new jp.bansou.security.OperationsGuard(
                texts,
                identityService,
                managementService,
                runtimeService,
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                    engine.getProcessEngineConfiguration()));
    registration.setName("operations-guard");
    registration.addUrlPatterns(
        "/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/cockpit/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 55);
    return registration;
  }

  /** Form submissions checked against their forms, on both engine APIs. */
  @Bean
  FilterRegistrationBean<SubmissionGuard> submissionGuard(
      TaskService taskService,
      FormService formService,
      RepositoryService repositoryService,
      IdentityService identityService,
      SubmissionCheck check,
      IdentifierCheck identifiers,
      Texts texts,
      Suspensions suspensions) {
    FilterRegistrationBean<SubmissionGuard> registration =
        new FilterRegistrationBean<>(
            new SubmissionGuard(
                taskService,
                formService,
                repositoryService,
                identityService,
                check,
                identifiers,
                texts,
                suspensions::reasons));
    registration.setName("submission-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
    return registration;
  }

  /** Comments on tasks and cases: not too large, JSON (their text: {@code CommentCheckPlugin}). */
  @Bean
  FilterRegistrationBean<CommentGuard> commentGuard(
      Texts texts,
      TaskService taskService,
      IdentityService identityService,
      org.camunda.bpm.engine.HistoryService historyService) {
    FilterRegistrationBean<CommentGuard> registration =
        new FilterRegistrationBean<>(
            new CommentGuard(texts, taskService, identityService, historyService));
    registration.setName("comment-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 61);
    return registration;
  }

  /** Our own pages and JSON: the dashboard, reports, fee claims, the person tab. */
  @Bean
  FilterRegistrationBean<ApiAccessFilter> apiAccess(IdentityService identityService) {
    FilterRegistrationBean<ApiAccessFilter> registration =
        new FilterRegistrationBean<>(new ApiAccessFilter(identityService));
    registration.setName("api-access");
    registration.addUrlPatterns("/api/*", "/dashboard", "/dashboard/*", "/lessons", "/lessons/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
    return registration;
  }
}
