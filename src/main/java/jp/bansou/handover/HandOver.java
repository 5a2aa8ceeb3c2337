package jp.bansou.handover;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import jp.bansou.engine.Var;

/**
 * The variables of processes {@code case-hand-over} (one case to another companion), {@code
 * companion-hand-over} (every case of one companion) and {@code companion-pause}.
 */
public final class HandOver {

  public static final String PROCESS_KEY = "case-hand-over";
  public static final String BULK_PROCESS_KEY = "companion-hand-over";
  public static final String PAUSE_PROCESS_KEY = "companion-pause";

  /** Why the case moves: a code of the request form (illness, retirement, …). */
  public static final Var<String> REASON = Var.text("handOverReason");

  /** What the new companion should know; checked for the person's identifiers. */
  public static final Var<String> NOTE = Var.text("handOverNote");

  /** Who asked (the process's initiator, or the coordinator of a bulk hand-over). */
  public static final Var<String> REQUESTED_BY = Var.text("handOverRequestedBy");

  /** The companion the case moves away from. */
  public static final Var<String> PREVIOUS_COMPANION = Var.text("previousCompanionId");

  /** The companion chosen to take the case over. */
  public static final Var<String> NEW_COMPANION = Var.text("newCompanionId");

  /** True when the case's own companion asked: a coordinator decides first. */
  public static final Var<Boolean> ASKED_BY_COMPANION = Var.flag("askedByCompanion");

  /** The coordinator's answer to a companion's request: {@link #HAND_OVER} or keep. */
  public static final Var<String> DECISION = Var.text("handOverDecision");

  public static final String HAND_OVER = "handOver";

  /** What the coordinator does when nobody is left to take the case: retry or cancel. */
  public static final Var<String> NO_SUCCESSOR_DECISION = Var.text("noSuccessorDecision");

  public static final String RETRY = "retry";

  /** The companion whose cases all move (bulk), or who pauses. */
  public static final Var<String> COMPANION = Var.text("companionToHandOver");

  /** The open cases of that companion: the multi-instance collection of the bulk hand-over. */
  public static final Var<List<String>> CASES = Var.collection("handOverCases");

  public static final Var<Long> CASE_COUNT = Var.number("handOverCaseCount");

  /** The cases listed for the coordinator, one line each, category facts only. */
  public static final Var<String> CASE_SUMMARY = Var.text("handOverCaseSummary");

  /** Pause: the companion who pauses (initiator), until when, why. */
  public static final Var<String> PAUSED_COMPANION = Var.text("pausedCompanion");

  public static final Var<LocalDate> PAUSED_UNTIL = Var.date("pausedUntil");
  public static final Var<Date> PAUSE_ENDS_AT = Var.time("pauseEndsAt");
  public static final Var<String> PAUSE_REASON = Var.text("pauseReason");

  /** The coordinator's decision for a paused companion's cases: hand all over, or wait. */
  public static final Var<String> PAUSE_DECISION = Var.text("pauseCasesDecision");

  public static final String HAND_OVER_ALL = "handOverAll";

  private HandOver() {}
}
