package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.Visit.*;

import jp.bansou.engine.OfferAnswers;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The interpreter who claimed the offer and accepted becomes the visit's interpreter; one who
 * declined is not asked again for this visit.
 */
@Component("recordInterpreterAnswer")
public class RecordInterpreterAnswerListener implements TaskListener {

  private final OfferAnswers offers;

  public RecordInterpreterAnswerListener(OfferAnswers offers) {
    this.offers = offers;
  }

  @Override
  public void notify(DelegateTask task) {
    offers.record(task, INTERPRETATION_ANSWER, INTERPRETER_ID, DECLINED_INTERPRETERS);
  }
}
