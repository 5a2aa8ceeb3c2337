package jp.bansou.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * An offer made to several people at once (interpreters, lawyers): whoever claimed the task and
 * accepts takes it; whoever declines is not asked again in this process.
 */
public final class OfferAnswers {

  private OfferAnswers() {}

  /**
   * @param answerVariable the form's radio, {@code accept} or {@code decline}
   * @param acceptedVariable set to the accepting user
   * @param declinedVariable the list of users who declined
   */
  public static void record(
      DelegateTask task, String answerVariable, String acceptedVariable, String declinedVariable) {
    String user = task.getAssignee();
    if (user == null) {
      throw new ProcessEngineException("先に「Claim」でこのタスクを引き受けてから答えてください。");
    }
    if ("accept".equals(FormValues.text(task, answerVariable))) {
      task.getExecution().setVariable(acceptedVariable, user);
    } else {
      List<String> declined = new ArrayList<>(FormValues.strings(task, declinedVariable));
      declined.add(user);
      task.getExecution().setVariable(declinedVariable, FormValues.jsonList(declined));
    }
  }
}
