package jp.bansou.companion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.bansou.engine.Trial;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * A companion's course, session by session, wherever the attendance is taken (their onboarding or a
 * course series): each session's topic becomes a specialty of their profile, and the rule of {@code
 * processes/course-certificate.dmn} decides their certificate and whether they are a certified
 * companion (group {@code certified-companions}). Certification is never taken back.
 */
@Service
public class CourseProgress {

  /** The decision that says which certificate a number of sessions earns. */
  public static final String DECISION = "course-certificate";

  /** The {@code course} column of specialties.csv that marks a basic session. */
  static final String BASIC = "基礎";

  /** What the decision answers: a certificate code and its name, and certification. */
  public record Certificate(String code, String label, boolean certifiedCompanion) {}

  /** A companion's course after a session: the sessions attended so far, and their certificate. */
  public record Progress(List<String> attended, Certificate certificate, boolean certified) {}

  private final CourseAttendances attendances;
  private final CompanionProfiles profiles;
  private final IdentityService identityService;
  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final ReferenceData reference;

  public CourseProgress(
      CourseAttendances attendances,
      CompanionProfiles profiles,
      IdentityService identityService,
      DecisionService decisionService,
      RepositoryService repositoryService,
      ReferenceData reference) {
    this.attendances = attendances;
    this.profiles = profiles;
    this.identityService = identityService;
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.reference = reference;
  }

  /** Records the session; the profile gains its topic, and certification follows the rule. */
  public Progress attended(String userId, String session, LocalDate day, String recordedBy) {
    attendances.record(userId, session, day, recordedBy);
    List<String> attended = attendances.sessionsOf(userId);
    Certificate certificate = certificate(attended);
    boolean certified = certificate.certifiedCompanion();
    var found = profiles.find(userId);
    if (found.isPresent()) {
      CompanionProfile profile = found.get();
      certified = certified || profile.certified();
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
    }
    if (certified
        && identityService
                .createUserQuery()
                .userId(userId)
                .memberOfGroup(Role.CERTIFIED_COMPANIONS)
                .count()
            == 0) {
      identityService.createMembership(userId, Role.CERTIFIED_COMPANIONS);
    }
    return new Progress(attended, certificate, certified);
  }

  /** The certificate that these sessions (topic codes) earn, by the DMN's rule. */
  public Certificate certificate(Collection<String> sessions) {
    long basic = sessions.stream().distinct().filter(this::isBasic).count();
    long advanced = sessions.stream().distinct().count() - basic;
    Callable<Map<String, Object>> evaluate =
        () ->
            Trial.table(decisionService, repositoryService, DECISION)
                .variables(
                    Variables.createVariables()
                        .putValue("basicSessions", basic)
                        .putValue("advancedSessions", advanced))
                .evaluate()
                .getSingleResult()
                .getEntryMap();
    Map<String, Object> result;
    try {
      // the rule is the network's, not the caller's: whoever records attendance may apply it
      result =
          Context.getCommandContext() == null
              ? evaluate.call()
              : Context.getCommandContext().runWithoutAuthorization(evaluate);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new Certificate(
        (String) result.get("certificate"),
        (String) result.get("certificateLabel"),
        Boolean.TRUE.equals(result.get("certifiedCompanion")));
  }

  /** A basic session (基礎) of the nine, by specialties.csv. */
  public boolean isBasic(String topic) {
    return BASIC.equals(reference.column(ReferenceList.SPECIALTIES, topic, "course"));
  }
}
