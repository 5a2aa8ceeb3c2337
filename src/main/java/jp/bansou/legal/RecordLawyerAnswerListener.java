package jp.bansou.legal;

import static jp.bansou.legal.LegalReferral.*;

import jp.bansou.engine.OfferAnswers;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A lawyer may accept only after confirming there is no conflict of interest with the counterparty;
 * one who declines is not asked again for this referral.
 */
@Component("recordLawyerAnswer")
public class RecordLawyerAnswerListener implements TaskListener {

  private final OfferAnswers offers;
  private final Texts texts;

  public RecordLawyerAnswerListener(OfferAnswers offers, Texts texts) {
    this.offers = offers;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    if (OfferAnswers.ACCEPT.equals(LAWYER_ANSWER.orElse(task, ""))
        && !CONFLICT_CHECKED.isTrue(task)) {
      throw new Refusal(texts.get("legal.refused.conflictNotChecked"));
    }
    offers.record(task, LAWYER_ANSWER, LAWYER_ID, DECLINED_LAWYERS);
  }
}
