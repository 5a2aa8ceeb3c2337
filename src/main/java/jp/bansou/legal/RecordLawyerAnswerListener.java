package jp.bansou.legal;

import static jp.bansou.facts.CaseFacts.CASE_NUMBER;
import static jp.bansou.facts.CaseFacts.CONSENT_SHARING;
import static jp.bansou.legal.LegalReferral.*;

import jp.bansou.engine.OfferAnswers;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.person.CaseVisibility;
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
  private final CaseVisibility visibility;
  private final Texts texts;

  public RecordLawyerAnswerListener(OfferAnswers offers, CaseVisibility visibility, Texts texts) {
    this.offers = offers;
    this.visibility = visibility;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateTask task) {
    if (OfferAnswers.ACCEPT.equals(LAWYER_ANSWER.orElse(task, ""))
        && !CONFLICT_CHECKED.isTrue(task)) {
      throw new Refusal(texts.get("legal.refused.conflictNotChecked"));
    }
    boolean accepted = offers.record(task, LAWYER_ANSWER, LAWYER_ID, DECLINED_LAWYERS);
    // the lawyer sees the person only when the person consented to sharing with lawyers, as the
    // coordinator confirmed when preparing the referral
    if (accepted && CONSENT_SHARING.isTrue(task)) {
      visibility.lawyerAccepted(CASE_NUMBER.get(task), task.getAssignee());
    }
  }
}
