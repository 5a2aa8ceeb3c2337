package jp.bansou.security;

import java.security.SecureRandom;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, through the engine's own password policy, so that every way of
 * setting one (the webapps' profile and Admin pages, {@code /engine-rest}, Java) is checked the
 * same way and the webapps show the rules as the password is typed: at least {@value #MIN_LENGTH}
 * characters as a person sees them, and none of the account's id, name or e-mail address in it. No
 * rules on kinds of characters: a companion of seventy remembers a long phrase better than {@code
 * Xy7#…}, and length is what makes a password hard to guess. Passwords set before stay valid until
 * they are changed.
 *
 * <p>At most {@value #MAX_LENGTH} characters, checked before the engine sees the request ({@code
 * SubmissionGuard}): a rule the webapps would show in English browsers as a bare key otherwise.
 *
 * <p>The policy is switched on once the engine is built, after the Spring Boot starter made the
 * first administrator from its settings: in demo mode that is {@code demo}/{@code demo}, a demo
 * account like the others (which {@code DemoAccounts} saves past the policy); in production {@code
 * ProductionSettingsCheck} holds {@code ADMIN_PASSWORD} to the same rules before anything starts.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class PasswordRules extends AbstractProcessEnginePlugin {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  /** Letters and digits a person copies from a mail without mistaking one for another. */
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private static final int GENERATED_LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final PasswordPolicy POLICY =
      new PasswordPolicy() {
        private final List<PasswordPolicyRule> rules =
            List.of(new VisibleLength(), new PasswordPolicyUserDataRuleImpl());

        @Override
        public List<PasswordPolicyRule> getRules() {
          return rules;
        }
      };

  /**
   * At least {@value #MIN_LENGTH} characters as a person sees them, spaces at either end not
   * counted: the engine's own rule counts Java's code units, so six emoji (two each), six accented
   * letters written as letter and accent, or twelve spaces passed it. Shown by the webapps with the
   * engine's rule's words ({@code PASSWORD_POLICY_LENGTH}).
   */
  static final class VisibleLength implements PasswordPolicyRule {
    @Override
    public String getPlaceholder() {
      return PasswordPolicyLengthRuleImpl.PLACEHOLDER;
    }

    @Override
    public Map<String, String> getParameters() {
      return Map.of("minLength", String.valueOf(MIN_LENGTH));
    }

    @Override
    public boolean execute(String password) {
      return characters(password.strip()) >= MIN_LENGTH;
    }
  }

  /** The characters a person sees: a letter with its accents, an emoji, each counted once. */
  static int characters(String text) {
    BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
    characters.setText(text);
    int count = 0;
    while (characters.next() != BreakIterator.DONE) {
      count++;
    }
    return count;
  }

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    configuration.setPasswordPolicy(POLICY);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // after every other plug-in's: the starter's first administrator is made by then
    configuration.setEnablePasswordPolicy(true);
  }

  /**
   * Whether the engine's checks and the administrator's password from the settings agree: the rules
   * without an engine, for {@code ProductionSettingsCheck}.
   */
  static boolean allows(String password, String userId) {
    return characters(password.strip()) >= MIN_LENGTH
        && password.length() <= MAX_LENGTH
        && !password.toUpperCase().contains(userId.toUpperCase());
  }

  /**
   * A new random password the rules allow for this account: {@value #GENERATED_LENGTH} letters and
   * digits (about 93 bits), drawn again in the rare case one contains the account's id or name.
   */
  public static String random(IdentityService identityService, User user) {
    while (true) {
      StringBuilder password = new StringBuilder(GENERATED_LENGTH);
      for (int i = 0; i < GENERATED_LENGTH; i++) {
        password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      if (identityService.checkPasswordAgainstPolicy(POLICY, password.toString(), user).isValid()) {
        return password.toString();
      }
    }
  }
}
