package jp.bansou.policy;

import static jp.bansou.policy.PolicyIssue.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps a ministry's answer to one agenda entry; the entry closes unless it stays open. */
@Component("saveMinistryAnswer")
public class SaveMinistryAnswerDelegate implements JavaDelegate {

  /** The answer of the form's radio that closes the entry. */
  static final String CLOSE = "close";

  private final PolicyRegister register;

  public SaveMinistryAnswerDelegate(PolicyRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.recordAnswer(
        AGENDA_ID.get(execution),
        Long.parseLong(POLICY_ISSUE_ID.get(execution)),
        MINISTRY.get(execution),
        MINISTRY_ANSWER.get(execution),
        !CLOSE.equals(ENTRY_STAYS_OPEN.orElse(execution, "")));
  }
}
