package jp.bansou.negotiation;

import static jp.bansou.negotiation.Negotiation.*;

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
    String escalation = ESCALATION.orElse(execution, "close");
    String status;
    if ("agreed".equals(EMPLOYER_RESPONSE.orElse(execution, ""))) {
      status = "agreed";
    } else if (!"close".equals(escalation)) {
      status = "escalated-" + escalation;
    } else {
      status = "closed";
    }
    counterparties.closeNegotiation(
        NEGOTIATION_ID.get(execution), status, RECOVERED_AMOUNT_YEN.orElse(execution, null));
    NEGOTIATION_STATUS.set(execution, status);
  }
}
