package jp.bansou.legal;

import static jp.bansou.legal.LegalReferral.*;

import java.util.List;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Offers the referral to the partner lawyers who have not declined it. */
@Component("findLawyers")
public class FindLawyersDelegate implements JavaDelegate {

  private final IdentityService identityService;

  public FindLawyersDelegate(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> declined = DECLINED_LAWYERS.orElse(execution, List.of());
    List<String> candidates =
        identityService
            .createUserQuery()
            .memberOfGroup(Role.LAWYERS.groupId())
            .orderByUserId()
            .asc()
            .list()
            .stream()
            .map(User::getId)
            .filter(id -> !declined.contains(id))
            .toList();
    LAWYER_CANDIDATES.set(execution, candidates);
    LAWYER_CANDIDATE_COUNT.set(execution, (long) candidates.size());
  }
}
