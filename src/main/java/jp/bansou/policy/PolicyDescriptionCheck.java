package jp.bansou.policy;

import static jp.bansou.intake.CaseVariables.*;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.ProcessEngineException;
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

  @Override
  public void notify(DelegateTask task) {
    if (!FormValues.flag(task, SYSTEMIC_PROBLEM)) {
      return;
    }
    List<String> found = identifiersIn(FormValues.text(task, POLICY_DESCRIPTION), task);
    if (!found.isEmpty()) {
      throw new ProcessEngineException(
          "政策課題の説明に本人を特定できる情報（" + String.join("、", found) + "）が含まれています。削除してから、もう一度送信してください。");
    }
  }

  static List<String> identifiersIn(String description, DelegateTask task) {
    String text = normalise(description);
    List<String> found = new ArrayList<>();
    String name = normalise(FormValues.text(task, PERSON_NAME));
    if (name.length() >= 2 && text.contains(name)) {
      found.add("名前");
    }
    String phone = FormValues.text(task, PHONE_DIGITS);
    if (!phone.isEmpty() && text.replaceAll("\\D", "").contains(phone)) {
      found.add("電話番号");
    }
    String email = normalise(FormValues.text(task, EMAIL));
    if (email.contains("@") && text.contains(email)) {
      found.add("メールアドレス");
    }
    return found;
  }

  private static String normalise(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase().replaceAll("\\s", "");
  }
}
