package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.AccompanimentVariables.*;

import jp.bansou.forms.OfferAnswers;
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
    OfferAnswers.record(task, INTERPRETATION_ANSWER, INTERPRETER_ID, DECLINED_INTERPRETERS);
  }
}
