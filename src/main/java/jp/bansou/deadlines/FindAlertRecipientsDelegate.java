package jp.bansou.deadlines;

import static jp.bansou.deadlines.DeadlineWatch.*;

import java.util.ArrayList;
import java.util.List;
import jp.bansou.facts.CaseFacts;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/**
 * Who gets a deadline's alert besides the coordinators, looked up when it is due (people change
 * while a deadline waits): the companion who accompanies the case, and, for the deadline types that
 * say so, the lawyer working on it in a running lawyer track.
 */
@Component("findAlertRecipients")
public class FindAlertRecipientsDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;

  public FindAlertRecipientsDelegate(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> recipients = new ArrayList<>();
    CaseFacts.COMPANION_ID.find(execution).ifPresent(recipients::add);
    if (ALERT_LAWYER.isTrue(execution)) {
      lawyerOf(CaseFacts.CASE_NUMBER.get(execution)).stream()
          .filter(l -> !recipients.contains(l))
          .forEach(recipients::add);
    }
    ALERT_RECIPIENTS.setLocal(execution, recipients);
  }

  private List<String> lawyerOf(String caseNumber) {
    String[] instances =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .active()
            .list()
            .stream()
            .map(i -> i.getId())
            .toArray(String[]::new);
    if (instances.length == 0) {
      return List.of();
    }
    return runtimeService
        .createVariableInstanceQuery()
        .processInstanceIdIn(instances)
        .variableName(LAWYER_ID)
        .list()
        .stream()
        .map(VariableInstance::getValue)
        .filter(v -> v instanceof String s && !s.isBlank())
        .map(String.class::cast)
        .distinct()
        .toList();
  }
}
