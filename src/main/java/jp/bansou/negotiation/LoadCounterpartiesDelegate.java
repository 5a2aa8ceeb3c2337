package jp.bansou.negotiation;

import static jp.bansou.negotiation.Negotiation.*;

import java.util.ArrayList;
import java.util.List;
import jp.bansou.engine.Option;
import jp.bansou.engine.Texts;
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
  private final Texts texts;

  public LoadCounterpartiesDelegate(
      Counterparties counterparties, ReferenceData reference, Texts texts) {
    this.counterparties = counterparties;
    this.reference = reference;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Option> options = new ArrayList<>();
    options.add(new Option(NEW_COUNTERPARTY, texts.get("negotiation.newCounterparty")));
    for (Counterparty c : counterparties.all()) {
      String type = reference.name(ReferenceList.COUNTERPARTY_TYPES, c.type());
      options.add(
          new Option(
              String.valueOf(c.id()),
              c.prefecture() == null
                  ? texts.get("negotiation.counterparty", c.name(), type)
                  : texts.get(
                      "negotiation.counterpartyIn",
                      c.name(),
                      type,
                      reference.name(ReferenceList.PREFECTURES, c.prefecture()))));
    }
    COUNTERPARTY_OPTIONS.set(execution, options);
  }
}
