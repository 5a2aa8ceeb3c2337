package jp.bansou.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bansou.forms.FormValues;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Offers the policy team the open register entries to link the new evidence to. */
@Component("loadPolicyRegister")
public class LoadPolicyRegisterDelegate implements JavaDelegate {

  static final String NEW_ENTRY = "new";

  private final PolicyRegister register;
  private final ReferenceData reference;

  public LoadPolicyRegisterDelegate(PolicyRegister register, ReferenceData reference) {
    this.register = register;
    this.reference = reference;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> options = new ArrayList<>();
    options.add(Map.of("value", NEW_ENTRY, "label", "（新しい課題として登録する）"));
    for (PolicyRegister.Entry entry : register.entries(true)) {
      options.add(
          Map.of(
              "value",
              String.valueOf(entry.id()),
              "label",
              "【"
                  + reference.name(ReferenceList.ADVOCACY_FIELDS, entry.advocacyField())
                  + "】"
                  + entry.title()
                  + "（"
                  + entry.cases()
                  + "件）"));
    }
    execution.setVariable(PolicyIssueVariables.REGISTER_OPTIONS, FormValues.jsonList(options));
  }
}
