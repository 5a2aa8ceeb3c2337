package jp.bansou.demo;

import java.util.List;
import jp.bansou.engine.StartupStep;
import jp.bansou.person.CaseAccess;
import jp.bansou.security.AccessPolicy;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
    for (Role role : Role.values()) {
      for (String userId : role.demoUsers()) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
          User user = identityService.newUser(userId);
          user.setFirstName(userId);
          user.setLastName("(" + access.groupName(role.groupId()) + "・デモ)");
          user.setEmail(userId + "@demo.invalid");
          user.setPassword(userId);
          identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count()
            == 0) {
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
