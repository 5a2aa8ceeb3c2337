package jp.bansou.policy;

import static jp.bansou.policy.PolicyIssueVariables.*;

import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Adds the case's anonymous facts as evidence to the chosen (or a new) register entry. */
@Component("recordPolicyEvidence")
public class RecordPolicyEvidenceDelegate implements JavaDelegate {

  private final PolicyRegister register;

  public RecordPolicyEvidenceDelegate(PolicyRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String chosen = FormValues.text(execution, "policyIssueId");
    long entry;
    if (chosen.isEmpty() || LoadPolicyRegisterDelegate.NEW_ENTRY.equals(chosen)) {
      String title = FormValues.text(execution, "newPolicyIssueTitle");
      if (title.isEmpty()) {
        throw new ProcessEngineException("新しい課題の題名を入力してください。");
      }
      entry = register.open(FormValues.text(execution, ADVOCACY_FIELD), title);
    } else {
      entry = Long.parseLong(chosen);
    }
    register.addEvidence(
        entry,
        FormValues.text(execution, PREFECTURE),
        FormValues.text(execution, STATUS_CATEGORY),
        FormValues.strings(execution, PROBLEM_FIELDS),
        FormValues.text(execution, OUTCOME),
        FormValues.text(execution, REPORTED_MONTH),
        FormValues.text(execution, DESCRIPTION));
    execution.setVariable("policyIssueId", String.valueOf(entry));
  }
}
