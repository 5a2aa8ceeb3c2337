package jp.bansou.person;

import java.time.Duration;
import jp.bansou.engine.Var;

/** The variables of processes {@code erase-person} and {@code forget-closed-cases}. */
public final class Erasure {

  public static final String PROCESS_KEY = "erase-person";

  /** The process that forgets closed cases on its schedule. */
  public static final String FORGET_PROCESS_KEY = "forget-closed-cases";

  /** The case whose person is to be forgotten (not a variable named caseNumber: no track). */
  public static final Var<String> CASE_TO_ERASE = Var.text("caseToErase");

  /**
   * The case as its approvers read it: its number, or for a restricted case words without it (the
   * approvers are every coordinator and supervisor; the number stays with its own coordinator).
   */
  public static final Var<String> CASE_TO_ERASE_LABEL = Var.text("caseToEraseLabel");

  public static final Var<String> REASON = Var.text("erasureReason");
  public static final Var<String> REQUESTED_BY = Var.text("requestedBy");
  public static final Var<String> DECISION = Var.text("erasureDecision");
  public static final Var<String> APPROVED_BY = Var.text("erasureApprovedBy");

  /** The answer of the approval form that erases. */
  public static final String APPROVE = "approve";

  /** How long after closure a case keeps its person's identity (ISO 8601, set in the model). */
  public static final Var<String> KEEP_IDENTITY_FOR = Var.text("keepIdentityFor");

  public static final Var<Long> FORGOTTEN = Var.number("forgottenCount");

  /** The reason recorded for a case forgotten on schedule. */
  static final String RETENTION = "retention";

  static Duration duration(String iso) {
    return Duration.parse(iso);
  }

  private Erasure() {}
}
