package jp.bansou.help;

import java.util.List;
import jp.bansou.engine.Option;
import jp.bansou.engine.Var;

/** The variables of process {@code call-for-help}. */
public final class CallForHelp {

  public static final String PROCESS_KEY = "call-for-help";

  /** The message that starts a call for help from a check-in that asked for help. */
  public static final String FROM_CHECK_IN_MESSAGE = "callForHelp";

  /** Whether the companion ticked 「コーディネーターの助けが必要です」 in the check-in form. */
  public static final Var<Boolean> CHECK_IN_NEEDS_HELP = Var.flag("checkInNeedsHelp");

  public static final Var<String> CHECK_IN_STATUS = Var.text("checkInStatus");

  public static final Var<String> ASKED_BY = Var.text("helpAskedBy");

  /** The asking companion's name as the coordinator reads it. */
  public static final Var<String> ASKED_BY_NAME = Var.text("helpAskedByName");

  public static final Var<String> SOURCE = Var.text("helpSource");
  public static final Var<String> FIELD = Var.text("helpField");
  public static final Var<String> QUESTION = Var.text("helpQuestion");

  /** The coordinator's response: {@link #ANSWER}, {@link #JOIN} or {@link #ADVISE}. */
  public static final Var<String> RESPONSE = Var.text("helpResponse");

  public static final String ANSWER = "answer";
  public static final String JOIN = "join";
  public static final String ADVISE = "advise";

  public static final Var<String> RESPONDED_BY = Var.text("helpRespondedBy");
  public static final Var<String> ANSWER_TEXT = Var.text("helpAnswer");
  public static final Var<String> JOINED_NOTE = Var.text("helpJoinedNote");
  public static final Var<String> ADVISER = Var.text("adviserId");
  public static final Var<List<Option>> ADVISER_OPTIONS = Var.options("adviserOptions");
  public static final Var<String> ADVISER_SUMMARY = Var.text("adviserSummary");
  public static final Var<String> ADVICE = Var.text("helpAdvice");

  /** The coordinator lets the adviser see the person while the call lasts (rarely needed). */
  public static final Var<Boolean> ADVISER_SEES_PERSON = Var.flag("adviserSeesPerson");

  /** Where the call came from. */
  public static final String FROM_TASKLIST = "tasklist";

  public static final String FROM_CHECK_IN = "checkIn";

  private CallForHelp() {}
}
