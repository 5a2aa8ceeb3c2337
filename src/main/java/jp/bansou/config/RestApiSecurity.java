package jp.bansou.config;

import jakarta.servlet.Filter;
import jp.bansou.security.ApiAccessFilter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@code /engine-rest} behind HTTP Basic against the engine's own users, so that every REST
 * call runs as a user and Camunda's authorizations apply (401 without credentials, 403 without
 * permission).
 */
@Configuration(proxyBeanMethods = false)
public class RestApiSecurity {

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /** Our own pages and JSON: the dashboard, reports and fee claims. */
  @Bean
  FilterRegistrationBean<ApiAccessFilter> apiAccess(IdentityService identityService) {
    FilterRegistrationBean<ApiAccessFilter> registration =
        new FilterRegistrationBean<>(new ApiAccessFilter(identityService));
    registration.setName("api-access");
    registration.addUrlPatterns("/api/*", "/dashboard", "/dashboard/*");
    return registration;
  }
}
