package jp.bansou.policy;

import static jp.bansou.intake.CaseVariables.*;

import java.time.YearMonth;
import jp.bansou.forms.FormValues;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
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
  private final ReferenceData reference;

  public FlagPolicyIssueDelegate(RuntimeService runtimeService, ReferenceData reference) {
    this.runtimeService = runtimeService;
    this.reference = reference;
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
                    .toString())
            .putValue(PolicyIssueVariables.EVIDENCE_SUMMARY, summary(execution));
    runtimeService.startProcessInstanceByMessage(PolicyIssueVariables.RAISED_MESSAGE, facts);
  }

  /** The same facts in words, for the policy team's form. */
  private String summary(DelegateExecution execution) {
    return "- 分野："
        + reference.name(ReferenceList.ADVOCACY_FIELDS, FormValues.text(execution, ADVOCACY_FIELD))
        + "\n- 都道府県："
        + reference.name(ReferenceList.PREFECTURES, FormValues.text(execution, PREFECTURE))
        + "\n- 在留資格の区分："
        + FormValues.text(execution, STATUS_CATEGORY)
        + "\n- 相談の分野："
        + String.join(
            "、",
            FormValues.strings(execution, PROBLEM_FIELDS).stream()
                .map(f -> reference.name(ReferenceList.PROBLEM_FIELDS, f))
                .toList())
        + "\n- 結果："
        + reference.name(ReferenceList.CASE_OUTCOMES, FormValues.text(execution, OUTCOME));
  }
}
