package jp.bansou.negotiation;

import static jp.bansou.facts.CaseFacts.CASE_NUMBER;
import static jp.bansou.negotiation.Negotiation.*;

import java.util.List;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Links the negotiation to a counterparty in the register, adding a new one when needed. */
@Component("registerNegotiation")
public class RegisterNegotiationDelegate implements JavaDelegate {

  private final Counterparties counterparties;
  private final Texts texts;

  public RegisterNegotiationDelegate(Counterparties counterparties, Texts texts) {
    this.counterparties = counterparties;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String chosen = COUNTERPARTY_ID.orElse(execution, NEW_COUNTERPARTY);
    Counterparty counterparty;
    if (NEW_COUNTERPARTY.equals(chosen)) {
      String name =
          NEW_COUNTERPARTY_NAME
              .find(execution)
              .orElseThrow(() -> new Refusal(texts.get("negotiation.refused.noName")));
      String corporateNumber =
          NEW_COUNTERPARTY_CORPORATE_NUMBER.orElse(execution, "").replaceAll("\\D", "");
      if (!corporateNumber.isEmpty() && corporateNumber.length() != 13) {
        throw new Refusal(texts.get("negotiation.refused.corporateNumber"));
      }
      counterparty =
          counterparties.findOrAdd(
              name,
              NEW_COUNTERPARTY_TYPE.orElse(execution, null),
              NEW_COUNTERPARTY_PREFECTURE.orElse(execution, null),
              corporateNumber.isEmpty() ? null : corporateNumber);
    } else {
      counterparty =
          counterparties
              .find(parseId(chosen))
              .orElseThrow(() -> new Refusal(texts.get("negotiation.refused.unknownCounterparty")));
    }
    long negotiationId =
        counterparties.openNegotiation(
            CASE_NUMBER.get(execution),
            counterparty.id(),
            String.join(",", CLAIM_TYPES.orElse(execution, List.of())),
            CLAIMED_AMOUNT_YEN.orElse(execution, null));
    COUNTERPARTY_ID.set(execution, String.valueOf(counterparty.id()));
    COUNTERPARTY_NAME.set(execution, counterparty.name());
    NEGOTIATION_ID.set(execution, negotiationId);
  }

  private static long parseId(String chosen) {
    try {
      return Long.parseLong(chosen);
    } catch (NumberFormatException notAnId) {
      return -1;
    }
  }
}
