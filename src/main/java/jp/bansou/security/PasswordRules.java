package jp.bansou.security;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
 * ProductionSettingsCheck} holds {@code ADMIN_PASSWORD} to these rules ({@link #allows}) before
 * anything starts, since nothing else does.
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
            List.of(new VisibleLength(), new NothingOfTheAccount());

        @Override
        public List<PasswordPolicyRule> getRules() {
          return rules;
        }
      };

  /**
   * At least {@value #MIN_LENGTH} characters as a person sees them, spaces (of any width) not
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
      return characters(password.replaceAll("[\\s\\p{Z}]", "")) >= MIN_LENGTH;
    }
  }

  /**
   * None of the account's id, e-mail address (or the part before {@code @}) or names, compared as a
   * person would read them: width (ｃｏｍｐａｎｉｏｎ), case, spaces and marks between letters do not
   * matter, and each part of a name counts on its own (田中花子 for 「田中 花子」, which the engine's own
   * rule compared whole). A part of one letter is left out: it would forbid that letter everywhere.
   * Shown with the engine's rule's words ({@code PASSWORD_POLICY_USER_DATA}).
   */
  static final class NothingOfTheAccount implements PasswordPolicyRule {
    @Override
    public String getPlaceholder() {
      return PasswordPolicyUserDataRuleImpl.PLACEHOLDER;
    }

    @Override
    public Map<String, String> getParameters() {
      return null;
    }

    @Override
    public boolean execute(String password) {
      return true;
    }

    @Override
    public boolean execute(String password, User user) {
      if (user == null) {
        return true;
      }
      String typed = plain(password);
      List<String> parts = new java.util.ArrayList<>();
      parts.add(user.getId());
      parts.add(user.getEmail());
      if (user.getEmail() != null && user.getEmail().contains("@")) {
        parts.add(user.getEmail().substring(0, user.getEmail().indexOf('@')));
      }
      for (String name : new String[] {user.getFirstName(), user.getLastName()}) {
        parts.add(name);
        if (name != null) {
          parts.addAll(List.of(normalized(name).split("[\\s\\p{P}\\p{S}]+")));
        }
      }
      return parts.stream()
          .filter(java.util.Objects::nonNull)
          .map(PasswordRules::plain)
          .filter(part -> characters(part) >= 2)
          .noneMatch(typed::contains);
    }
  }

  private static String normalized(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT);
  }

  /** Width, case, and everything but letters and digits set aside. */
  static String plain(String text) {
    return normalized(text).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /**
   * The characters a person sees: a letter with its accents, an emoji with its skin tone, a flag, a
   * family of emoji joined into one, each counted once (Unicode's extended grapheme clusters, as
   * Java's regular expressions find them; its {@code BreakIterator} splits joined emoji).
   */
  static int characters(String text) {
    return (int) GRAPHEME.matcher(text).results().count();
  }

  private static final Pattern GRAPHEME = Pattern.compile("\\X");

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
    // the account as the production settings make it: the id is also its first name
    User administrator = new org.camunda.bpm.engine.impl.persistence.entity.UserEntity(userId);
    administrator.setFirstName(userId);
    return password.length() <= MAX_LENGTH
        && POLICY.getRules().stream().allMatch(rule -> rule.execute(password, administrator));
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
