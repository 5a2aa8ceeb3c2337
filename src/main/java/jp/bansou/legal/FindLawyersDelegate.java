package jp.bansou.legal;

import static jp.bansou.legal.LegalVariables.*;

import java.util.List;
import jp.bansou.forms.FormValues;
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
    List<String> declined = FormValues.strings(execution, DECLINED_LAWYERS);
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
    execution.setVariable(LAWYER_CANDIDATES, FormValues.javaList(candidates));
    execution.setVariable(LAWYER_CANDIDATE_COUNT, candidates.size());
  }
}
