package jp.bansou.casefile;

import static jp.bansou.facts.CaseFacts.CASE_NUMBER;
import static jp.bansou.facts.CaseFacts.POLICY_DESCRIPTION;
import static jp.bansou.facts.CaseFacts.SYSTEMIC_PROBLEM;

import jp.bansou.person.IdentifierCheck;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Stops a closure proposal whose policy description names the person or gives their contact: the
 * description goes to the policy register, which must never identify anyone. The task stays open
 * with everything entered, and the message says what to remove.
 */
@Component("policyDescriptionCheck")
public class PolicyDescriptionCheck implements TaskListener {

  private final IdentifierCheck check;

  public PolicyDescriptionCheck(IdentifierCheck check) {
    this.check = check;
  }

  @Override
  public void notify(DelegateTask task) {
    if (SYSTEMIC_PROBLEM.isTrue(task)) {
      check.refuseIfIdentifying(
          CASE_NUMBER.get(task), "policy.refused.identifiers", POLICY_DESCRIPTION.orElse(task, ""));
    }
  }
}
