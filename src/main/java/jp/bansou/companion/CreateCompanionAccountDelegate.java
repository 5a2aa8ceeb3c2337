package jp.bansou.companion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.forms.FormValues;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
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

  public CreateCompanionAccountDelegate(
      IdentityService identityService, CompanionProfiles profiles) {
    this.identityService = identityService;
    this.profiles = profiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String userId = FormValues.text(execution, "applicantUserId");
    if (!userId.matches(USER_ID)) {
      throw new ProcessEngineException("ユーザー名には半角英数字と . _ - だけが使えます。");
    }
    boolean created = identityService.createUserQuery().userId(userId).count() == 0;
    if (created) {
      User user = identityService.newUser(userId);
      user.setFirstName(FormValues.text(execution, "applicantName"));
      user.setLastName("");
      user.setEmail(FormValues.text(execution, "applicantEmail"));
      // unusable until the welcome mail (or an administrator) sets the real one
      user.setPassword(java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
      identityService.saveUser(user);
    }
    boolean interprets = FormValues.flag(execution, "wantsToInterpret");
    join(userId, Role.COMPANIONS.groupId());
    if (interprets) {
      join(userId, Role.INTERPRETERS.groupId());
    }
    String language = FormValues.text(execution, "mailLanguage");
    identityService.setUserInfo(userId, "mailLanguage", language.isEmpty() ? "ja" : language);

    Map<String, String> levels = new LinkedHashMap<>();
    FormValues.strings(execution, "conversationalLanguages")
        .forEach(l -> levels.put(l, CompanionProfile.CONVERSATIONAL));
    FormValues.strings(execution, "fluentLanguages")
        .forEach(l -> levels.put(l, CompanionProfile.FLUENT));
    List<String> specialties =
        profiles.find(userId).map(CompanionProfile::specialties).orElse(List.of());
    profiles.save(
        new CompanionProfile(
            userId,
            FormValues.text(execution, "applicantName"),
            FormValues.strings(execution, "coveredPrefectures"),
            levels,
            specialties,
            FormValues.flag(execution, "worksRemotely"),
            interprets,
            true,
            profiles.find(userId).map(CompanionProfile::certified).orElse(false)));
    execution.setVariable("accountCreated", created);
  }

  private void join(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
