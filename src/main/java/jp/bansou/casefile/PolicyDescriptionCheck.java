package jp.bansou.casefile;

import static jp.bansou.casefile.CaseFile.*;
import static jp.bansou.facts.CaseFacts.POLICY_DESCRIPTION;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Stops a closure proposal whose policy description names the person or gives their contact: the
 * description goes to the policy register, which must never identify anyone. The task stays open
 * with everything entered, and the message says what to remove.
 */
@Component("policyDescriptionCheck")
public class PolicyDescriptionCheck implements TaskListener {

  private final Texts texts;

  public PolicyDescriptionCheck(Texts texts) {
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!SYSTEMIC_PROBLEM.isTrue(task)) {
      return;
    }
    List<String> found = identifiersIn(POLICY_DESCRIPTION.orElse(task, ""), task);
    if (!found.isEmpty()) {
      throw new Refusal(texts.get("policy.refused.identifiers", String.join("、", found)));
    }
  }

  List<String> identifiersIn(String description, DelegateTask task) {
    String text = normalise(description);
    List<String> found = new ArrayList<>();
    String name = normalise(PERSON_NAME.orElse(task, ""));
    if (name.length() >= 2 && text.contains(name)) {
      found.add(texts.get("identifier.name"));
    }
    String phone = PHONE_DIGITS.orElse(task, "");
    if (!phone.isEmpty() && text.replaceAll("\\D", "").contains(phone)) {
      found.add(texts.get("identifier.phone"));
    }
    String email = normalise(EMAIL.orElse(task, ""));
    if (email.contains("@") && text.contains(email)) {
      found.add(texts.get("identifier.email"));
    }
    return found;
  }

  private static String normalise(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase().replaceAll("\\s", "");
  }
}
