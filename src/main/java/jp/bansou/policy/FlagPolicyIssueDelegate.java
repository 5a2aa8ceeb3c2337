package jp.bansou.policy;

import static jp.bansou.intake.CaseVariables.*;

import java.time.YearMonth;
import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Hands a systemic problem seen in a closed case to the policy team: starts {@code policy-issue}
 * with category facts only. Not even the case number travels, so the register cannot lead back to
 * the person.
 */
@Component("flagPolicyIssue")
public class FlagPolicyIssueDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;

  public FlagPolicyIssueDelegate(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VariableMap facts =
        Variables.createVariables()
            .putValue(
                PolicyIssueVariables.ADVOCACY_FIELD, FormValues.text(execution, ADVOCACY_FIELD))
            .putValue(PolicyIssueVariables.PREFECTURE, FormValues.text(execution, PREFECTURE))
            .putValue(
                PolicyIssueVariables.STATUS_CATEGORY, FormValues.text(execution, STATUS_CATEGORY))
            .putValueTyped(
                PolicyIssueVariables.PROBLEM_FIELDS,
                FormValues.jsonList(FormValues.strings(execution, PROBLEM_FIELDS)))
            .putValue(PolicyIssueVariables.OUTCOME, FormValues.text(execution, OUTCOME))
            .putValue(
                PolicyIssueVariables.DESCRIPTION, FormValues.text(execution, POLICY_DESCRIPTION))
            .putValue(
                PolicyIssueVariables.REPORTED_MONTH,
                YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(FormValues.JAPAN))
                    .toString());
    runtimeService.startProcessInstanceByKey(PolicyIssueVariables.PROCESS_KEY, facts);
  }
}
