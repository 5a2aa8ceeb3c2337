package jp.bansou.notification;

import static jp.bansou.notification.Notification.DIGEST;

import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Each morning: one digest mail per coordinator who opted in, each queued on its own so that one
 * failing address never makes another coordinator's digest go out twice.
 */
@Component("requestDailyDigests")
public class RequestDailyDigestsDelegate implements JavaDelegate {

  private final MailSettings settings;
  private final IdentityService identityService;

  public RequestDailyDigestsDelegate(MailSettings settings, IdentityService identityService) {
    this.settings = settings;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!settings.enabled()) {
      return;
    }
    for (User coordinator :
        identityService.createUserQuery().memberOfGroup(Role.COORDINATORS.groupId()).list()) {
      if ("true"
          .equals(identityService.getUserInfo(coordinator.getId(), MailPreferences.DAILY_DIGEST))) {
        Notifications.request(
            execution.getProcessEngineServices(), coordinator.getId(), DIGEST, null, null, null);
      }
    }
  }
}
