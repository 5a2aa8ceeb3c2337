package jp.bansou.companion;

import java.time.LocalDate;
import java.util.List;
import jp.bansou.engine.Var;

/** The variables of process {@code companion-onboarding}. */
public final class Onboarding {

  public static final String PROCESS_KEY = "companion-onboarding";

  public static final Var<String> APPLICANT_USER_ID = Var.text("applicantUserId");
  public static final Var<String> APPLICANT_NAME = Var.text("applicantName");
  public static final Var<String> APPLICANT_EMAIL = Var.text("applicantEmail");
  public static final Var<Boolean> WANTS_TO_INTERPRET = Var.flag("wantsToInterpret");
  public static final Var<String> MAIL_LANGUAGE = Var.text("mailLanguage");
  public static final Var<List<String>> FLUENT_LANGUAGES = Var.list("fluentLanguages");
  public static final Var<List<String>> CONVERSATIONAL_LANGUAGES =
      Var.list("conversationalLanguages");
  public static final Var<List<String>> COVERED_PREFECTURES = Var.list("coveredPrefectures");
  public static final Var<Boolean> WORKS_REMOTELY = Var.flag("worksRemotely");
  public static final Var<Boolean> ACCOUNT_CREATED = Var.flag("accountCreated");

  // the course, one session at a time
  public static final Var<String> COURSE_SESSION = Var.text("courseSession");
  public static final Var<LocalDate> ATTENDED_ON = Var.date("attendedOn");
  public static final Var<String> COURSE_PROGRESS = Var.text("courseProgress");
  public static final Var<Boolean> COURSE_FINISHED = Var.flag("courseFinished");
  public static final Var<Boolean> FINISH_COURSE = Var.flag("finishCourse");

  private Onboarding() {}
}
