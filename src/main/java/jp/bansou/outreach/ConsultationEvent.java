package jp.bansou.outreach;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import jp.bansou.engine.Option;
import jp.bansou.engine.Var;

/**
 * The variables of processes {@code consultation-event} (相談会) and {@code walk-in-consultation} (one
 * person seen on the day). The event's place and topics are categories; the people seen are never
 * named here: a walk-in that needs follow-up opens a case, whose intake seals the person in the
 * identity vault.
 */
public final class ConsultationEvent {

  public static final String PROCESS_KEY = "consultation-event";
  public static final String WALK_IN_PROCESS_KEY = "walk-in-consultation";

  // the plan (start form)
  /** {@code EV-0012}: the event's business key, carried into each walk-in. */
  public static final Var<String> EVENT_NUMBER = Var.text("eventNumber");

  public static final Var<String> EVENT_TITLE = Var.text("eventTitle");
  public static final Var<LocalDate> EVENT_DATE = Var.date("eventDate");
  public static final Var<String> START_TIME = Var.text("startTime");
  public static final Var<String> END_TIME = Var.text("endTime");
  public static final Var<String> VENUE_TYPE = Var.text("venueType");
  public static final Var<String> VENUE = Var.text("venue");
  public static final Var<List<String>> EVENT_TOPICS = Var.list("eventTopics");
  public static final Var<List<String>> EVENT_LANGUAGES = Var.list("eventLanguages");
  public static final Var<Long> COMPANIONS_NEEDED = Var.number("companionsNeeded");
  public static final Var<Long> LAWYERS_NEEDED = Var.number("lawyersNeeded");

  /** The coordinator who planned the event (the start event's initiator). */
  public static final Var<String> PLANNER = Var.text("eventPlanner");

  /** When the day's reception opens: the timer of the day waits for it. */
  public static final Var<Date> EVENT_STARTS_AT = Var.time("eventStartsAt");

  /** What people read about the event in tasks: date, time, place, topics, languages. */
  public static final Var<String> EVENT_SUMMARY = Var.text("eventSummary");

  // publicity
  public static final Var<String> PUBLICITY_TEXT = Var.text("publicityText");
  public static final Var<Boolean> PUBLICITY_CHECKED = Var.flag("publicityChecked");

  // the roster: one duty slot at a time ({@code companion}, {@code interpreter:vi}, {@code lawyer})
  public static final Var<List<String>> DUTY_SLOTS = Var.collection("dutySlots");
  public static final Var<String> DUTY_SLOT = Var.text("dutySlot");
  public static final Var<String> DUTY_LABEL = Var.text("dutyLabel");
  public static final Var<List<String>> DUTY_CANDIDATES = Var.collection("dutyCandidates");
  public static final Var<Long> DUTY_CANDIDATE_COUNT = Var.number("dutyCandidateCount");
  public static final Var<String> DUTY_ANSWER = Var.text("dutyAnswer");
  public static final Var<String> DUTY_PERSON = Var.text("dutyPerson");
  public static final Var<List<String>> DECLINED_FOR_DUTY = Var.list("declinedForDuty");
  public static final Var<List<Option>> ARRANGE_OPTIONS = Var.options("arrangeOptions");
  public static final Var<String> ARRANGED_PERSON = Var.text("arrangedPerson");

  /** The arrange form's answer that leaves a duty without anyone. */
  public static final String NOBODY = "nobody";

  /** The roster as people read it. */
  public static final Var<String> ROSTER_SUMMARY = Var.text("rosterSummary");

  // the day: one reception desk per companion on duty
  public static final Var<List<String>> WALK_IN_DESKS = Var.collection("walkInDesks");
  public static final Var<String> VOLUNTEER_ID = Var.text("volunteerId");
  public static final Var<Boolean> LAST_WALK_IN = Var.flag("lastWalkIn");
  public static final Var<Boolean> DAY_CLOSED = Var.flag("dayClosed");

  // one walk-in
  /** {@code case} (open a case for follow-up) or {@code once} (a one-off consultation). */
  public static final Var<String> FOLLOW_UP = Var.text("followUp");

  public static final String FOLLOW_UP_CASE = "case";

  /** The urgency signals ticked, by the names of the case intake's flags. */
  public static final Var<List<String>> URGENT_NEEDS = Var.list("urgentNeeds");

  public static final Var<String> OPENED_CASE_NUMBER = Var.text("openedCaseNumber");

  // after the day
  public static final Var<String> REPORT_SUMMARY = Var.text("eventReportSummary");
  public static final Var<String> REPORT_NOTE = Var.text("eventReportNote");

  private ConsultationEvent() {}

  /** The business key of an event. */
  public static String number(long id) {
    return String.format("EV-%04d", id);
  }

  /** The id of an event from its business key, or -1. */
  public static long id(String eventNumber) {
    try {
      return Long.parseLong(eventNumber.substring(eventNumber.indexOf('-') + 1));
    } catch (RuntimeException notANumber) {
      return -1;
    }
  }
}
