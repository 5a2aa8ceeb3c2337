package jp.bansou.security;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses a production start before anything touches a database: a missing setting or a demo
 * password must stop the process with one line that names it, not with a stack trace later.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

  static final List<String> REQUIRED =
      List.of(
          "DB_URL",
          "DB_USER",
          "DB_PASSWORD",
          "ADMIN_USER",
          "ADMIN_PASSWORD",
          "BANSOU_IDENTITY_KEYS");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("production"))) {
      return;
    }
    for (String name : REQUIRED) {
      String value = environment.getProperty(name);
      if (value == null || value.isBlank()) {
        throw new UnsafeConfigurationException(name + " is not set");
      }
    }
    if (!environment.getProperty("DB_URL").startsWith("jdbc:postgresql:")) {
      throw new UnsafeConfigurationException(
          "DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database)");
    }
    String adminPassword = environment.getProperty("ADMIN_PASSWORD");
    if (Role.isDemoPassword(adminPassword)) {
      throw new UnsafeConfigurationException(
          "ADMIN_PASSWORD is a demo password; choose a password of your own");
    }
    if (!PasswordRules.allows(adminPassword, environment.getProperty("ADMIN_USER"))) {
      // the password rules every later password is held to: the starter makes this account
      // before they are switched on (PasswordRules), so only this check holds it to them
      throw new UnsafeConfigurationException(
          "ADMIN_PASSWORD must have "
              + PasswordRules.MIN_LENGTH
              + " to "
              + PasswordRules.MAX_LENGTH
              + " characters and must not contain ADMIN_USER");
    }
    if (!isKeyDocument(environment.getProperty("BANSOU_IDENTITY_KEYS"))) {
      throw new UnsafeConfigurationException(
          "BANSOU_IDENTITY_KEYS is not a key document (make one with: java -jar"
              + " bansou-case-engine.jar keys new)");
    }
  }

  /** The shape of the identity keys' document; the keys themselves are checked when loaded. */
  static boolean isKeyDocument(String value) {
    try {
      var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(value);
      return json.path("aead").isObject() && json.path("mac").isObject();
    } catch (java.io.IOException notJson) {
      return false;
    }
  }

  @Override
  public int getOrder() {
    // after the config data processor, so that profiles and application files are known
    return Ordered.LOWEST_PRECEDENCE;
  }
}
