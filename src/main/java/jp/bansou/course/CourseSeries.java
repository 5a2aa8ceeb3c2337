package jp.bansou.course;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import jp.bansou.engine.Option;
import jp.bansou.engine.Var;

/**
 * The variables of process {@code course-series}: a series of the companion course, its sessions
 * (one per topic, each with a date, a lecturer and a place), the applicants who register, the
 * attendance and a short evaluation per session, and the certificates at the end.
 */
public final class CourseSeries {

  public static final String PROCESS_KEY = "course-series";

  // the plan (start form)
  /** {@code CS-0003}: the series' business key. */
  public static final Var<String> SERIES_NUMBER = Var.text("courseSeriesNumber");

  public static final Var<String> COURSE_TITLE = Var.text("courseTitle");
  public static final Var<List<String>> COURSE_TOPICS = Var.list("courseTopics");
  public static final Var<String> COURSE_VENUE_TYPE = Var.text("courseVenueType");
  public static final Var<String> COURSE_VENUE = Var.text("courseVenue");

  /** The coordinator who planned the series (the start event's initiator). */
  public static final Var<String> ORGANISER = Var.text("courseOrganiser");

  /** The topics as the sessions' collection, in the course's order. */
  public static final Var<List<String>> TOPIC_LIST = Var.collection("courseTopicList");

  public static final Var<List<Option>> TOPIC_OPTIONS = Var.options("courseTopicOptions");
  public static final Var<List<Option>> ACCOUNT_OPTIONS = Var.options("companionAccountOptions");

  // one session (local to its instance)
  public static final Var<String> COURSE_TOPIC = Var.text("courseTopic");
  public static final Var<String> TOPIC_LABEL = Var.text("courseTopicLabel");
  public static final Var<LocalDate> SESSION_DATE = Var.date("sessionDate");
  public static final Var<String> SESSION_START = Var.text("sessionStartTime");
  public static final Var<String> LECTURER = Var.text("lecturer");
  public static final Var<String> SESSION_VENUE_TYPE = Var.text("sessionVenueType");
  public static final Var<String> SESSION_VENUE = Var.text("sessionVenue");
  public static final Var<Date> SESSION_STARTS_AT = Var.time("sessionStartsAt");
  public static final Var<Long> SESSION_ID = Var.number("courseSessionId");
  public static final Var<List<Option>> ATTENDEE_OPTIONS = Var.options("attendeeOptions");
  public static final Var<List<String>> ATTENDEES = Var.list("attendees");
  public static final Var<Long> EVALUATION_RESPONSES = Var.number("evaluationResponses");
  public static final Var<Long> RATED_GOOD = Var.number("ratedGood");
  public static final Var<Long> RATED_FAIR = Var.number("ratedFair");
  public static final Var<Long> RATED_POOR = Var.number("ratedPoor");
  public static final Var<String> EVALUATION_COMMENTS = Var.text("evaluationComments");

  // registration, one applicant at a time
  /** {@code register} or {@code close} (registration closes; the sessions go on). */
  public static final Var<String> REGISTRATION_ACTION = Var.text("registrationAction");

  public static final String CLOSE = "close";

  public static final Var<String> APPLICANT_CONTACT = Var.text("applicantContact");
  public static final Var<String> APPLICANT_PREFECTURE = Var.text("applicantPrefecture");

  /** The applicant's companion account, or {@link #NO_ACCOUNT}. */
  public static final Var<String> APPLICANT_ACCOUNT = Var.text("applicantAccount");

  public static final String NO_ACCOUNT = "none";

  public static final Var<List<String>> REGISTERED_TOPICS = Var.list("registeredTopics");
  public static final Var<Long> REGISTERED_COUNT = Var.number("registeredCount");

  // the end
  public static final Var<String> CERTIFICATE_LIST = Var.text("certificateList");

  private CourseSeries() {}

  public static String number(long id) {
    return String.format("CS-%04d", id);
  }

  public static long id(String seriesNumber) {
    try {
      return Long.parseLong(seriesNumber.substring(seriesNumber.indexOf('-') + 1));
    } catch (RuntimeException notANumber) {
      return -1;
    }
  }
}
