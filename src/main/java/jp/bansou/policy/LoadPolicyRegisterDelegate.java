package jp.bansou.policy;

import static jp.bansou.policy.PolicyIssue.*;

import java.util.ArrayList;
import java.util.List;
import jp.bansou.engine.Option;
import jp.bansou.engine.Texts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Offers the policy team the open register entries to link the new evidence to. */
@Component("loadPolicyRegister")
public class LoadPolicyRegisterDelegate implements JavaDelegate {

  private final PolicyRegister register;
  private final ReferenceData reference;
  private final Texts texts;

  public LoadPolicyRegisterDelegate(PolicyRegister register, ReferenceData reference, Texts texts) {
    this.register = register;
    this.reference = reference;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Option> options = new ArrayList<>();
    options.add(new Option(NEW_ENTRY, texts.get("policy.newEntry")));
    for (PolicyRegister.Entry entry : register.entries(true)) {
      options.add(
          new Option(
              String.valueOf(entry.id()),
              texts.get(
                  "policy.entry",
                  reference.name(ReferenceList.ADVOCACY_FIELDS, entry.advocacyField()),
                  entry.title(),
                  entry.cases())));
    }
    REGISTER_OPTIONS.set(execution, options);
  }
}
