package jp.bansou.negotiation;

import static jp.bansou.negotiation.NegotiationVariables.*;

import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Links the negotiation to a counterparty in the register, adding a new one when needed. */
@Component("registerNegotiation")
public class RegisterNegotiationDelegate implements JavaDelegate {

  private final Counterparties counterparties;

  public RegisterNegotiationDelegate(Counterparties counterparties) {
    this.counterparties = counterparties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String chosen = FormValues.text(execution, COUNTERPARTY_ID);
    Counterparty counterparty;
    if (chosen.isEmpty() || NEW_COUNTERPARTY.equals(chosen)) {
      String name = FormValues.text(execution, NEW_COUNTERPARTY_NAME);
      if (name.isEmpty()) {
        throw new ProcessEngineException("新しい相手方の名前を入力してください。");
      }
      String corporateNumber =
          FormValues.text(execution, NEW_COUNTERPARTY_CORPORATE_NUMBER).replaceAll("\\D", "");
      if (!corporateNumber.isEmpty() && corporateNumber.length() != 13) {
        throw new ProcessEngineException("法人番号は13けたの数字です。分からなければ空けてください。");
      }
      String prefecture = FormValues.text(execution, NEW_COUNTERPARTY_PREFECTURE);
      counterparty =
          counterparties.findOrAdd(
              name,
              FormValues.text(execution, NEW_COUNTERPARTY_TYPE),
              prefecture.isEmpty() ? null : prefecture,
              corporateNumber.isEmpty() ? null : corporateNumber);
    } else {
      counterparty =
          counterparties
              .find(Long.parseLong(chosen))
              .orElseThrow(() -> new ProcessEngineException("選んだ相手方が登録簿にありません。"));
    }
    Object amount = execution.getVariable(CLAIMED_AMOUNT_YEN);
    long negotiationId =
        counterparties.openNegotiation(
            FormValues.text(execution, CASE_NUMBER),
            counterparty.id(),
            String.join(",", FormValues.strings(execution, CLAIM_TYPES)),
            amount == null ? null : ((Number) amount).longValue());
    execution.setVariable(COUNTERPARTY_ID, String.valueOf(counterparty.id()));
    execution.setVariable(COUNTERPARTY_NAME, counterparty.name());
    execution.setVariable(NEGOTIATION_ID, negotiationId);
  }
}
