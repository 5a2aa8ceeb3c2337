package jp.bansou.policy;

import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps a ministry's answer to one agenda entry; the entry closes unless it stays open. */
@Component("saveMinistryAnswer")
public class SaveMinistryAnswerDelegate implements JavaDelegate {

  private final PolicyRegister register;

  public SaveMinistryAnswerDelegate(PolicyRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.recordAnswer(
        ((Number) execution.getVariable("agendaId")).longValue(),
        Long.parseLong(FormValues.text(execution, "policyIssueId")),
        FormValues.text(execution, "ministry"),
        FormValues.text(execution, "ministryAnswer"),
        !"close".equals(FormValues.text(execution, "entryStaysOpen")));
  }
}
