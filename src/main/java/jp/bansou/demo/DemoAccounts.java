package jp.bansou.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.engine.People;
import jp.bansou.engine.StartupStep;
import jp.bansou.person.CaseAccess;
import jp.bansou.reference.CsvRows;
import jp.bansou.security.AccessPolicy;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One fictional account per role, password = user id, created only in demo mode. Production refuses
 * to start while any of them still works (see {@code DemoAccountGuard}).
 */
@Component
@ConditionalOnProperty(name = "bansou.demo-mode", havingValue = "true")
public class DemoAccounts implements StartupStep {

  private final IdentityService identityService;
  private final AccessPolicy access;
  private final CaseAccess caseAccess;

  public DemoAccounts(IdentityService identityService, AccessPolicy access, CaseAccess caseAccess) {
    this.identityService = identityService;
    this.access = access;
    this.caseAccess = caseAccess;
  }

  @Override
  public String name() {
    return "demo accounts";
  }

  @Override
  public int getOrder() {
    return DEMO;
  }

  @Override
  public void run() {
    Map<String, String> profileNames = new HashMap<>();
    for (Map<String, String> row : CsvRows.read("demo/companion-profiles.csv")) {
      profileNames.put(row.get("user_id"), row.get("display_name"));
    }
    for (Role role : Role.values()) {
      for (String userId : role.demoUsers()) {
        // one name wherever the person appears: Tasklist's header, forms, mails, offers
        String name = profileNames.getOrDefault(userId, access.groupName(role.groupId()) + "（デモ）");
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
          user = identityService.newUser(userId);
          user.setEmail(userId + "@demo.invalid");
          user.setPassword(userId);
        }
        if (!name.equals(user.getFirstName()) || !"".equals(user.getLastName())) {
          user.setFirstName(name);
          user.setLastName("");
          // past the password rules (PasswordRules): a demo password is the account's id, which
          // everyone knows, on purpose; production refuses to start while one works
          ((IdentityServiceImpl) identityService).saveUser(user, true);
        }
        if (!People.isMember(identityService, userId, role.groupId())) {
          identityService.createMembership(userId, role.groupId());
        }
      }
    }
    // the demo coordinator is responsible for the whole country
    if (caseAccess.regionsOf("coordinator").isEmpty()) {
      caseAccess.setRegions("coordinator", List.of("*"));
    }
  }
}
