package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.AccompanimentVariables.*;

import java.util.ArrayList;
import java.util.List;
import jp.bansou.forms.FormValues;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The interpreter who claimed the offer and accepted becomes the visit's interpreter; one who
 * declined is not asked again for this visit.
 */
@Component("recordInterpreterAnswer")
public class RecordInterpreterAnswerListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String interpreter = task.getAssignee();
    if (interpreter == null) {
      throw new ProcessEngineException("先に「Claim」でこのタスクを引き受けてから答えてください。");
    }
    if ("accept".equals(FormValues.text(task, INTERPRETATION_ANSWER))) {
      task.getExecution().setVariable(INTERPRETER_ID, interpreter);
    } else {
      List<String> declined = new ArrayList<>(FormValues.strings(task, DECLINED_INTERPRETERS));
      declined.add(interpreter);
      task.getExecution().setVariable(DECLINED_INTERPRETERS, FormValues.jsonList(declined));
    }
  }
}
