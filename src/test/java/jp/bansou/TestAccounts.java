package jp.bansou;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * Accounts a test makes or puts back with a short, known password (the demo accounts' password is
 * their id): saved past the password rules ({@code jp.bansou.security.PasswordRules}), as {@code
 * DemoAccounts} saves them. The rules themselves are tested in {@code PasswordRulesAttackTest}.
 */
public final class TestAccounts {

  private TestAccounts() {}

  public static void save(IdentityService identityService, User user) {
    ((IdentityServiceImpl) identityService).saveUser(user, true);
  }
}
