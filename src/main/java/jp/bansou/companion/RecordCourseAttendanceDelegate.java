package jp.bansou.companion;

import static jp.bansou.companion.Onboarding.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Texts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records one course session. Each session's topic becomes a specialty of the profile; the five
 * basic sessions together make a certified companion (group {@code certified-companions}).
 */
@Component("recordCourseAttendance")
public class RecordCourseAttendanceDelegate implements JavaDelegate {

  /** The {@code course} column of specialties.csv that marks a basic session. */
  static final String BASIC = "基礎";

  private final CourseAttendances attendances;
  private final CompanionProfiles profiles;
  private final IdentityService identityService;
  private final ReferenceData reference;
  private final EngineClock clock;
  private final Texts texts;

  public RecordCourseAttendanceDelegate(
      CourseAttendances attendances,
      CompanionProfiles profiles,
      IdentityService identityService,
      ReferenceData reference,
      EngineClock clock,
      Texts texts) {
    this.attendances = attendances;
    this.profiles = profiles;
    this.identityService = identityService;
    this.reference = reference;
    this.clock = clock;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String userId = APPLICANT_USER_ID.get(execution);
    String session = COURSE_SESSION.get(execution);
    LocalDate day = ATTENDED_ON.orElse(execution, clock.today());
    attendances.record(userId, session, day, null);

    List<String> attended = attendances.sessionsOf(userId);
    List<String> all = reference.codes(ReferenceList.SPECIALTIES);
    List<String> basics =
        all.stream()
            .filter(s -> BASIC.equals(reference.column(ReferenceList.SPECIALTIES, s, "course")))
            .toList();
    boolean certified = attended.containsAll(basics);

    CompanionProfile profile = profiles.find(userId).orElseThrow();
    List<String> specialties = new ArrayList<>(profile.specialties());
    if (!specialties.contains(session)) {
      specialties.add(session);
    }
    profiles.save(
        new CompanionProfile(
            profile.userId(),
            profile.displayName(),
            profile.prefectures(),
            profile.languageLevels(),
            specialties,
            profile.worksRemotely(),
            profile.interpreter(),
            profile.available(),
            certified));
    if (certified
        && identityService
                .createUserQuery()
                .userId(userId)
                .memberOfGroup(Role.CERTIFIED_COMPANIONS)
                .count()
            == 0) {
      identityService.createMembership(userId, Role.CERTIFIED_COMPANIONS);
    }
    COURSE_PROGRESS.set(
        execution,
        texts.get(
                "course.progress",
                attended.size(),
                all.size(),
                reference.names(ReferenceList.SPECIALTIES, attended))
            + (certified ? texts.get("course.certified") : ""));
    COURSE_FINISHED.set(execution, attended.containsAll(all) || FINISH_COURSE.isTrue(execution));
    FINISH_COURSE.set(execution, false);
  }
}
