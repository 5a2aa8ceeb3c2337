package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.Visit.*;
import static jp.bansou.facts.CaseFacts.CASE_NUMBER;

import jp.bansou.engine.OfferAnswers;
import jp.bansou.person.CaseVisibility;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The interpreter who claimed the offer and accepted becomes the visit's interpreter, and may see
 * the person's name; one who declined is not asked again for this visit.
 */
@Component("recordInterpreterAnswer")
public class RecordInterpreterAnswerListener implements TaskListener {

  private final OfferAnswers offers;
  private final CaseVisibility visibility;

  public RecordInterpreterAnswerListener(OfferAnswers offers, CaseVisibility visibility) {
    this.offers = offers;
    this.visibility = visibility;
  }

  @Override
  public void notify(DelegateTask task) {
    if (offers.record(task, INTERPRETATION_ANSWER, INTERPRETER_ID, DECLINED_INTERPRETERS)) {
      // the interpreter needs the person's name to meet them, nothing more
      visibility.interpreterAccepted(CASE_NUMBER.get(task), task.getAssignee());
    }
  }
}
