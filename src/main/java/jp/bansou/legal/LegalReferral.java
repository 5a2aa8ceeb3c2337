package jp.bansou.legal;

import java.util.List;
import jp.bansou.engine.Var;

/** The variables of process {@code lawyer-escalation}. */
public final class LegalReferral {

  public static final String PROCESS_KEY = "lawyer-escalation";

  public static final Var<List<String>> LAWYER_CANDIDATES = Var.collection("lawyerCandidates");
  public static final Var<Long> LAWYER_CANDIDATE_COUNT = Var.number("lawyerCandidateCount");
  public static final Var<String> LAWYER_ANSWER = Var.text("lawyerAnswer");
  public static final Var<String> LAWYER_ID = Var.text("lawyerId");
  public static final Var<List<String>> DECLINED_LAWYERS = Var.list("declinedLawyers");
  public static final Var<Boolean> CONFLICT_CHECKED = Var.flag("conflictOfInterestChecked");

  /** The case is restricted: the referral is offered to no lawyer, its coordinator asks one. */
  public static final Var<Boolean> LAWYER_OFFER_WITHHELD = Var.flag("lawyerOfferWithheld");

  private LegalReferral() {}
}
