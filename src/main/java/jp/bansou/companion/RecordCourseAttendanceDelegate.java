package jp.bansou.companion;

import static jp.bansou.companion.Onboarding.*;

import java.time.LocalDate;
import java.util.List;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Texts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records one course session of an onboarding companion ({@link CourseProgress}): its topic becomes
 * a specialty of the profile, and the rule of {@code course-certificate.dmn} decides certification
 * (the five basic sessions, by default).
 */
@Component("recordCourseAttendance")
public class RecordCourseAttendanceDelegate implements JavaDelegate {

  private final CourseProgress course;
  private final ReferenceData reference;
  private final EngineClock clock;
  private final Texts texts;

  public RecordCourseAttendanceDelegate(
      CourseProgress course, ReferenceData reference, EngineClock clock, Texts texts) {
    this.course = course;
    this.reference = reference;
    this.clock = clock;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String userId = APPLICANT_USER_ID.get(execution);
    String session = COURSE_SESSION.get(execution);
    LocalDate day = ATTENDED_ON.orElse(execution, clock.today());
    CourseProgress.Progress progress = course.attended(userId, session, day, null);

    List<String> attended = progress.attended();
    List<String> all = reference.codes(ReferenceList.SPECIALTIES);
    COURSE_PROGRESS.set(
        execution,
        texts.get(
                "course.progress",
                attended.size(),
                all.size(),
                reference.names(ReferenceList.SPECIALTIES, attended))
            + (progress.certified() ? texts.get("course.certified") : ""));
    COURSE_FINISHED.set(execution, attended.containsAll(all) || FINISH_COURSE.isTrue(execution));
    FINISH_COURSE.set(execution, false);
  }
}
