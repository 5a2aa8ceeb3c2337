package jp.bansou.companion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.bansou.forms.FormValues;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.security.AccessPolicy;
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

  static final String BASIC = "基礎";

  private final CourseAttendances attendances;
  private final CompanionProfiles profiles;
  private final IdentityService identityService;
  private final ReferenceData reference;

  public RecordCourseAttendanceDelegate(
      CourseAttendances attendances,
      CompanionProfiles profiles,
      IdentityService identityService,
      ReferenceData reference) {
    this.attendances = attendances;
    this.profiles = profiles;
    this.identityService = identityService;
    this.reference = reference;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String userId = FormValues.text(execution, "applicantUserId");
    String session = FormValues.text(execution, "courseSession");
    LocalDate day = FormValues.date(execution, "attendedOn");
    attendances.record(userId, session, day == null ? LocalDate.now(FormValues.JAPAN) : day, null);

    List<String> attended = attendances.sessionsOf(userId);
    List<String> all = reference.codes(ReferenceList.SPECIALTIES);
    List<String> basics =
        all.stream()
            .filter(s -> BASIC.equals(reference.column(ReferenceList.SPECIALTIES, s, 2)))
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
                .memberOfGroup(AccessPolicy.CERTIFIED_COMPANIONS)
                .count()
            == 0) {
      identityService.createMembership(userId, AccessPolicy.CERTIFIED_COMPANIONS);
    }
    execution.setVariable(
        "courseProgress",
        "受講済み（"
            + attended.size()
            + "/"
            + all.size()
            + "）："
            + attended.stream()
                .map(s -> reference.name(ReferenceList.SPECIALTIES, s))
                .collect(Collectors.joining("、"))
            + (certified ? "\n\n**認定伴走者です。**" : ""));
    execution.setVariable(
        "courseFinished", attended.containsAll(all) || FormValues.flag(execution, "finishCourse"));
    execution.setVariable("finishCourse", false);
  }
}
