package jp.bansou.deadlines;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import jp.bansou.engine.Var;

/**
 * The variables of process {@code deadline-watch}: one per case, started by the case, watching
 * every deadline the case's processes hand it (intake, visits, the lawyer, documents, check-ins).
 * Each deadline is watched in its own event sub-process, whose variables are local to it.
 */
public final class DeadlineWatch {

  public static final String PROCESS_KEY = "deadline-watch";

  /** The table that tells, per deadline type, the deadline's day and when to alert. */
  public static final String DECISION_KEY = "deadline-types";

  /** A deadline handed to the watch (starts one event sub-process). */
  public static final String ENTERED_MESSAGE = "DeadlineEntered";

  /** A newer deadline of the same type ends the watch of the earlier one. */
  public static final String REPLACED_MESSAGE = "DeadlineReplaced";

  /** The case ended: the watch ends with every deadline it still watches. */
  public static final String CASE_ENDED_MESSAGE = "CaseEnded";

  // what a model hands over (inputs of the enterDeadline step): the type, a date, a note
  public static final Var<String> DEADLINE_TYPE = Var.text("deadlineType");
  public static final Var<LocalDate> DEADLINE_GIVEN = Var.date("deadlineGiven");
  public static final Var<String> DEADLINE_NOTE = Var.text("deadlineNote");

  // the same, as the message carries them into the watch until its sub-process takes them over
  static final Var<String> ENTERED_TYPE = Var.text("enteredDeadlineType");
  static final Var<LocalDate> ENTERED_GIVEN = Var.date("enteredDeadlineGiven");
  static final Var<String> ENTERED_NOTE = Var.text("enteredDeadlineNote");

  /** The row of DMN deadline-types for this deadline, until the watch has read it. */
  public static final String DEADLINE_RULE = "deadlineRule";

  // what the watch works out, local to one deadline's sub-process
  public static final Var<LocalDate> DEADLINE_DATE = Var.date("deadlineDate");
  public static final Var<String> DEADLINE_NAME = Var.text("deadlineName");
  public static final Var<String> DEADLINE_ADVICE = Var.text("deadlineAdvice");
  public static final Var<Boolean> APPEALABLE = Var.flag("appealable");
  public static final Var<Boolean> ALERT_LAWYER = Var.flag("alertLawyer");
  public static final Var<Date> ALERT_AT = Var.time("alertAt");
  public static final Var<List<String>> ALERT_RECIPIENTS = Var.collection("alertRecipients");

  /** A lawyer working on the case (in its lawyer track), looked up when an alert is due. */
  public static final String LAWYER_ID = "lawyerId";

  private DeadlineWatch() {}
}
