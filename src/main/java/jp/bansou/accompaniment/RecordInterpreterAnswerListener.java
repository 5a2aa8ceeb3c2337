package jp.bansou.accompaniment;

import static jp.bansou.accompaniment.Visit.*;
import static jp.bansou.facts.CaseFacts.CASE_NUMBER;

import jp.bansou.engine.Markdown;
import jp.bansou.engine.OfferAnswers;
import jp.bansou.engine.People;
import jp.bansou.engine.Texts;
import jp.bansou.person.CaseVisibility;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
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
  private final People people;
  private final ReferenceData reference;
  private final Texts texts;

  public RecordInterpreterAnswerListener(
      OfferAnswers offers,
      CaseVisibility visibility,
      People people,
      ReferenceData reference,
      Texts texts) {
    this.offers = offers;
    this.visibility = visibility;
    this.people = people;
    this.reference = reference;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    if (offers.record(task, INTERPRETATION_ANSWER, INTERPRETER_ID, DECLINED_INTERPRETERS)) {
      // the interpreter needs the person's name to meet them, nothing more
      visibility.interpreterAccepted(CASE_NUMBER.get(task), task.getAssignee());
      INTERPRETER_SUMMARY.set(
          task.getExecution(),
          texts.get(
              "visit.interpreter",
              Markdown.escape(people.name(task.getAssignee())),
              reference.name(
                  ReferenceList.INTERPRETATION_MODES, INTERPRETATION_MODE.orElse(task, ""))));
    }
  }
}
