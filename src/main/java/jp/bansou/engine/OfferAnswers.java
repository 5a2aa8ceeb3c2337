package jp.bansou.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * An offer made to several people at once (interpreters, lawyers): whoever claimed the task and
 * accepts takes it; whoever declines is not asked again in this process.
 */
@Component
public class OfferAnswers {

  /** The answer in the offer forms' radio that takes the offer. */
  public static final String ACCEPT = "accept";

  private final Texts texts;

  public OfferAnswers(Texts texts) {
    this.texts = texts;
  }

  /**
   * @param answer the form's radio, {@code accept} or {@code decline}
   * @param accepted set to the accepting user
   * @param declined the list of users who declined
   */
  /** Records the answer; true when the task's assignee accepted. */
  public boolean record(
      DelegateTask task, Var<String> answer, Var<String> accepted, Var<List<String>> declined) {
    String user = task.getAssignee();
    if (user == null) {
      throw new Refusal(texts.get("offer.refused.notClaimed"));
    }
    if (ACCEPT.equals(answer.orElse(task, ""))) {
      accepted.set(task.getExecution(), user);
      return true;
    }
    List<String> declinedSoFar = new ArrayList<>(declined.orElse(task, List.of()));
    declinedSoFar.add(user);
    declined.set(task.getExecution(), declinedSoFar);
    return false;
  }
}
