package jp.bansou.trial;

import jp.bansou.engine.StartupStep;
import jp.bansou.engine.Trial;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * The tenant {@value Trial#TENANT} (試行) exists and the modellers are its members: Camunda's tenant
 * check then shows trial definitions, cases, tasks and history to modellers only (and to {@code
 * camunda-admin}, whom the engine does not check) in Tasklist, Cockpit and /engine-rest.
 */
@Component
public class TrialTenantStep implements StartupStep {

  private final IdentityService identityService;

  public TrialTenantStep(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public String name() {
    return "trial tenant";
  }

  @Override
  public int getOrder() {
    // after the groups exist
    return PERMISSIONS + 10;
  }

  @Override
  public void run() {
    if (identityService.createTenantQuery().tenantId(Trial.TENANT).count() == 0) {
      Tenant tenant = identityService.newTenant(Trial.TENANT);
      tenant.setName(Trial.TENANT_NAME);
      identityService.saveTenant(tenant);
    }
    String modellers = Role.MODELLERS.groupId();
    if (identityService.createTenantQuery().tenantId(Trial.TENANT).groupMember(modellers).count()
        == 0) {
      identityService.createTenantGroupMembership(Trial.TENANT, modellers);
    }
  }
}
