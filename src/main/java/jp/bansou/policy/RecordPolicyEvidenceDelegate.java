package jp.bansou.policy;

import static jp.bansou.facts.CaseFacts.*;
import static jp.bansou.policy.PolicyIssue.*;

import java.util.List;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Trial;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Adds the case's anonymous facts as evidence to the chosen (or a new) register entry. */
@Component("recordPolicyEvidence")
public class RecordPolicyEvidenceDelegate implements JavaDelegate {

  private final PolicyRegister register;
  private final Texts texts;

  public RecordPolicyEvidenceDelegate(PolicyRegister register, Texts texts) {
    this.register = register;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (Trial.of(execution)) {
      // a trial case (jp.bansou.engine.Trial) enters no register: the procedure runs, nothing is
      // kept
      return;
    }
    String chosen = POLICY_ISSUE_ID.orElse(execution, NEW_ENTRY);
    long entry;
    if (NEW_ENTRY.equals(chosen)) {
      String title =
          NEW_ENTRY_TITLE
              .find(execution)
              .orElseThrow(() -> new Refusal(texts.get("policy.refused.noTitle")));
      entry = register.open(ADVOCACY_FIELD.get(execution), title);
    } else {
      entry =
          register
              .openEntry(chosen)
              .orElseThrow(() -> new Refusal(texts.get("policy.refused.unknownEntry")));
    }
    register.addEvidence(
        entry,
        PREFECTURE.orElse(execution, null),
        STATUS_CATEGORY.orElse(execution, null),
        PROBLEM_FIELDS.orElse(execution, List.of()),
        OUTCOME.orElse(execution, null),
        REPORTED_MONTH.orElse(execution, null),
        POLICY_DESCRIPTION.orElse(execution, null));
    POLICY_ISSUE_ID.set(execution, String.valueOf(entry));
  }
}
