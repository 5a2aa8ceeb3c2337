package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import jp.bansou.BansouApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

  private static final Map<String, Object> COMPLETE =
      Map.of(
          "DB_URL", "jdbc:postgresql://localhost:1/none",
          "DB_USER", "bansou",
          "DB_PASSWORD", "secret",
          "ADMIN_USER", "admin",
          "ADMIN_PASSWORD", "a-long-enough-password",
          "BANSOU_IDENTITY_KEYS", jp.bansou.person.IdentityKeys.generate().document());

  @Test
  void refusesToStartWithoutItsEnvironment(CapturedOutput output) {
    assertThatThrownBy(() -> startProduction(Map.of()))
        .isInstanceOf(UnsafeConfigurationException.class)
        .hasMessage("Refusing to start in production: DB_URL is not set.");
    assertThat(output).contains("Refusing to start in production: DB_URL is not set.");
  }

  @Test
  void namesEachMissingSetting() {
    for (String name : ProductionSettingsCheck.REQUIRED) {
      Map<String, Object> settings = new HashMap<>(COMPLETE);
      settings.remove(name);
      assertThatThrownBy(() -> startProduction(settings))
          .hasMessage("Refusing to start in production: " + name + " is not set.");
    }
  }

  @Test
  void refusesADemoAdministratorPassword() {
    for (String demoPassword : new String[] {"demo", "companion", "Coordinator"}) {
      Map<String, Object> settings = new HashMap<>(COMPLETE);
      settings.put("ADMIN_PASSWORD", demoPassword);
      assertThatThrownBy(() -> startProduction(settings))
          .hasMessageStartingWith("Refusing to start in production: ADMIN_PASSWORD is a demo");
    }
  }

  @Test
  void refusesAnAdministratorPasswordThePasswordRulesWouldRefuse() {
    // too short, too long, or with the administrator's id in it: the engine would refuse to make
    // the account later, with a stack trace instead of this one line
    for (String password :
        new String[] {"short-pass1", "x".repeat(129), "my-Admin-password-2026", "ADMIN-at-home!"}) {
      Map<String, Object> settings = new HashMap<>(COMPLETE);
      settings.put("ADMIN_PASSWORD", password);
      assertThatThrownBy(() -> startProduction(settings))
          .as(password)
          .hasMessage(
              "Refusing to start in production: ADMIN_PASSWORD must have 12 to 128 characters and"
                  + " must not contain ADMIN_USER.");
    }
  }

  @Test
  void refusesADatabaseThatIsNotPostgres() {
    Map<String, Object> settings = new HashMap<>(COMPLETE);
    settings.put("DB_URL", "jdbc:h2:mem:x");
    assertThatThrownBy(() -> startProduction(settings))
        .hasMessageStartingWith("Refusing to start in production: DB_URL must be a PostgreSQL");
  }

  @Test
  void refusesIdentityKeysThatAreNotAKeyDocument() {
    Map<String, Object> settings = new HashMap<>(COMPLETE);
    settings.put("BANSOU_IDENTITY_KEYS", "secret");
    assertThatThrownBy(() -> startProduction(settings))
        .isInstanceOf(UnsafeConfigurationException.class)
        .hasMessageContaining("BANSOU_IDENTITY_KEYS is not a key document");
  }

  private static void startProduction(Map<String, Object> settings) {
    new SpringApplicationBuilder(BansouApplication.class)
        .profiles("production")
        .properties(settings)
        .run("--server.port=0", "--camunda.bpm.generate-unique-process-engine-name=true")
        .close();
  }
}
