package jp.bansou.negotiation;

import static jp.bansou.negotiation.NegotiationVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bansou.forms.FormValues;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives the claim form the register to choose from, plus 「新しい相手方」. */
@Component("loadCounterparties")
public class LoadCounterpartiesDelegate implements JavaDelegate {

  private final Counterparties counterparties;
  private final ReferenceData reference;

  public LoadCounterpartiesDelegate(Counterparties counterparties, ReferenceData reference) {
    this.counterparties = counterparties;
    this.reference = reference;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> options = new ArrayList<>();
    options.add(Map.of("value", NEW_COUNTERPARTY, "label", "（登録されていない、新しい相手方）"));
    for (Counterparty c : counterparties.all()) {
      String where =
          c.prefecture() == null
              ? ""
              : "・" + reference.name(ReferenceList.PREFECTURES, c.prefecture());
      options.add(
          Map.of(
              "value",
              String.valueOf(c.id()),
              "label",
              c.name()
                  + "（"
                  + reference.name(ReferenceList.COUNTERPARTY_TYPES, c.type())
                  + where
                  + "）"));
    }
    execution.setVariable(COUNTERPARTY_OPTIONS, FormValues.jsonList(options));
  }
}
