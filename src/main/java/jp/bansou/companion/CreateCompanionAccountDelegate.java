package jp.bansou.companion;

import static jp.bansou.companion.Onboarding.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.engine.People;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.notification.MailPreferences;
import jp.bansou.security.PasswordRules;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * An accepted applicant gets a Camunda account (or keeps an existing one), the companions group
 * (and interpreters, if they interpret), and a profile that matching uses from now on.
 */
@Component("createCompanionAccount")
public class CreateCompanionAccountDelegate implements JavaDelegate {

  static final String USER_ID = "[a-zA-Z0-9][a-zA-Z0-9._-]*";

  private final IdentityService identityService;
  private final CompanionProfiles profiles;
  private final Texts texts;
  private final People people;

  public CreateCompanionAccountDelegate(
      IdentityService identityService, CompanionProfiles profiles, Texts texts, People people) {
    this.identityService = identityService;
    this.profiles = profiles;
    this.texts = texts;
    this.people = people;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String userId = APPLICANT_USER_ID.orElse(execution, "");
    if (!userId.matches(USER_ID)) {
      throw new Refusal(texts.get("onboarding.refused.userId"));
    }
    boolean created = identityService.createUserQuery().userId(userId).count() == 0;
    if (created) {
      User user = identityService.newUser(userId);
      user.setFirstName(APPLICANT_NAME.get(execution));
      user.setLastName("");
      user.setEmail(APPLICANT_EMAIL.orElse(execution, null));
      // unusable until the welcome mail (or an administrator) sets the real one
      user.setPassword(PasswordRules.random(identityService, user));
      identityService.saveUser(user);
    }
    boolean interprets = WANTS_TO_INTERPRET.isTrue(execution);
    join(userId, Role.COMPANIONS.groupId());
    if (interprets) {
      join(userId, Role.INTERPRETERS.groupId());
    }
    identityService.setUserInfo(
        userId, MailPreferences.LANGUAGE, MAIL_LANGUAGE.orElse(execution, "ja"));

    Map<String, String> levels = new LinkedHashMap<>();
    CONVERSATIONAL_LANGUAGES
        .orElse(execution, List.of())
        .forEach(l -> levels.put(l, CompanionProfile.CONVERSATIONAL));
    FLUENT_LANGUAGES
        .orElse(execution, List.of())
        .forEach(l -> levels.put(l, CompanionProfile.FLUENT));
    List<String> specialties =
        profiles.find(userId).map(CompanionProfile::specialties).orElse(List.of());
    profiles.save(
        new CompanionProfile(
            userId,
            created ? APPLICANT_NAME.get(execution) : nameOf(userId),
            COVERED_PREFECTURES.orElse(execution, List.of()),
            levels,
            specialties,
            WORKS_REMOTELY.isTrue(execution),
            interprets,
            true,
            profiles.find(userId).map(CompanionProfile::certified).orElse(false)));
    ACCOUNT_CREATED.set(execution, created);
  }

  /**
   * An existing account keeps the name it has: an application that names an account already there
   * (someone applying again, an interpreter becoming a companion) must not rename its holder, who
   * may not rename themselves either ({@code jp.bansou.security.NamesKept}).
   */
  private String nameOf(String userId) {
    return profiles
        .find(userId)
        .map(CompanionProfile::displayName)
        .orElseGet(() -> people.name(userId));
  }

  private void join(String userId, String groupId) {
    if (!People.isMember(identityService, userId, groupId)) {
      identityService.createMembership(userId, groupId);
    }
  }
}
