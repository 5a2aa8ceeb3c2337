package jp.bansou.negotiation;

import static jp.bansou.negotiation.NegotiationVariables.*;

import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records how the negotiation ended, so the register's open claims stay true. */
@Component("closeNegotiation")
public class CloseNegotiationDelegate implements JavaDelegate {

  private final Counterparties counterparties;

  public CloseNegotiationDelegate(Counterparties counterparties) {
    this.counterparties = counterparties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String status;
    if ("agreed".equals(FormValues.text(execution, EMPLOYER_RESPONSE))) {
      status = "agreed";
    } else if (!FormValues.text(execution, ESCALATION).isEmpty()
        && !"close".equals(FormValues.text(execution, ESCALATION))) {
      status = "escalated-" + FormValues.text(execution, ESCALATION);
    } else {
      status = "closed";
    }
    Object recovered = execution.getVariable(RECOVERED_AMOUNT_YEN);
    counterparties.closeNegotiation(
        ((Number) execution.getVariable(NEGOTIATION_ID)).longValue(),
        status,
        recovered == null ? null : ((Number) recovered).longValue());
    execution.setVariable("negotiationStatus", status);
  }
}
