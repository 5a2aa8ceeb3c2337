package jp.bansou.legal;

import static jp.bansou.facts.CaseFacts.CASE_NUMBER;
import static jp.bansou.legal.LegalReferral.*;

import java.util.List;
import jp.bansou.person.CaseVisibility;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Offers the referral to the partner lawyers who have not declined it. A restricted (DV) case is
 * offered to nobody: an offer tells every partner lawyer that the case exists, what it is about and
 * how urgent it is, so the case's one coordinator chooses and asks a lawyer instead (the model's
 * way when nobody is left; {@code lawyerOfferWithheld} tells its form why). As for interpreters,
 * this is a privacy floor, not a rule a model can change.
 */
@Component("findLawyers")
public class FindLawyersDelegate implements JavaDelegate {

  private final IdentityService identityService;
  private final CaseVisibility visibility;

  public FindLawyersDelegate(IdentityService identityService, CaseVisibility visibility) {
    this.identityService = identityService;
    this.visibility = visibility;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean restricted = visibility.isRestricted(CASE_NUMBER.orElse(execution, ""));
    LAWYER_OFFER_WITHHELD.set(execution, restricted);
    if (restricted) {
      LAWYER_CANDIDATES.set(execution, List.of());
      LAWYER_CANDIDATE_COUNT.set(execution, 0L);
      return;
    }
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
