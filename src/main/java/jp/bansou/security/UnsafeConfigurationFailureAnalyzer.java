package jp.bansou.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class UnsafeConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set DB_URL, DB_USER, DB_PASSWORD, ADMIN_USER and ADMIN_PASSWORD (see the README's table"
            + " of environment variables), or run without the production profile for demo mode.",
        cause);
  }
}
