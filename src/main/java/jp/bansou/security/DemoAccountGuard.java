package jp.bansou.security;

import jp.bansou.engine.StartupStep;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode, a demo account whose password still equals its id would let anyone in: for
 * instance after a database that once ran in demo mode is taken into production.
 */
@Component
@ConditionalOnProperty(name = "bansou.demo-mode", havingValue = "false", matchIfMissing = true)
public class DemoAccountGuard implements StartupStep {

  private final IdentityService identityService;

  public DemoAccountGuard(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public String name() {
    return "no demo account left with its demo password";
  }

  @Override
  public int getOrder() {
    return CHECKS;
  }

  @Override
  public void run() {
    for (String userId : Role.allDemoUsers()) {
      if (identityService.createUserQuery().userId(userId).count() > 0
          && identityService.checkPassword(userId, userId)) {
        throw new UnsafeConfigurationException(
            "the demo account '" + userId + "' still exists with its demo password; delete it");
      }
    }
  }
}
