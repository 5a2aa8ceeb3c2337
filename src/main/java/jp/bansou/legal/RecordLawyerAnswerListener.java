package jp.bansou.legal;

import static jp.bansou.legal.LegalVariables.*;

import jp.bansou.forms.FormValues;
import jp.bansou.forms.OfferAnswers;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A lawyer may accept only after confirming there is no conflict of interest with the counterparty;
 * one who declines is not asked again for this referral.
 */
@Component("recordLawyerAnswer")
public class RecordLawyerAnswerListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if ("accept".equals(FormValues.text(task, LAWYER_ANSWER))
        && !FormValues.flag(task, CONFLICT_CHECKED)) {
      throw new ProcessEngineException("引き受ける前に、利益相反がないことを確認してください。");
    }
    OfferAnswers.record(task, LAWYER_ANSWER, LAWYER_ID, DECLINED_LAWYERS);
  }
}
