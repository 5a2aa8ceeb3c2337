package jp.bansou.course;

import static jp.bansou.companion.Onboarding.APPLICANT_NAME;
import static jp.bansou.course.CourseSeries.*;
import static jp.bansou.facts.CaseFacts.PREFECTURE;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import jp.bansou.companion.CompanionMatcher;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.companion.CourseProgress;
import jp.bansou.companion.CourseProgress.Certificate;
import jp.bansou.course.CourseRecords.Applicant;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.Option;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Var;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The steps of a course series (process {@code course-series}): the series and its sessions are
 * planned, people register (companions or not yet: an applicant record, not an account), each
 * session's attendance and a short evaluation are recorded, and at the end the rule of {@code
 * course-certificate.dmn} gives each applicant their certificate. A companion's attendance also
 * feeds their profile's specialties and certification ({@link CourseProgress}), as in onboarding.
 */
@ModelApi
@Component("courseSeries")
public class CourseSteps {

  private final CourseRecords records;
  private final CourseProgress progress;
  private final CompanionProfiles profiles;
  private final CompanionMatcher companions;
  private final ReferenceData reference;
  private final EngineClock clock;
  private final Texts texts;

  public CourseSteps(
      CourseRecords records,
      CourseProgress progress,
      CompanionProfiles profiles,
      CompanionMatcher companions,
      ReferenceData reference,
      EngineClock clock,
      Texts texts) {
    this.records = records;
    this.progress = progress;
    this.profiles = profiles;
    this.companions = companions;
    this.reference = reference;
    this.clock = clock;
    this.texts = texts;
  }

  /** The series: stored, numbered, its sessions in the course's order, the choices to register. */
  public void register(DelegateExecution execution) {
    List<String> chosen = COURSE_TOPICS.orElse(execution, List.of());
    List<String> topics =
        reference.codes(ReferenceList.SPECIALTIES).stream().filter(chosen::contains).toList();
    if (topics.isEmpty()) {
      throw new Refusal(texts.get("course.refused.noTopics"));
    }
    long id =
        records.createSeries(
            execution.getProcessInstanceId(),
            COURSE_TITLE.get(execution),
            PREFECTURE.get(execution),
            COURSE_VENUE_TYPE.get(execution),
            COURSE_VENUE.orElse(execution, null));
    SERIES_NUMBER.set(execution, CourseSeries.number(id));
    execution.setProcessBusinessKey(CourseSeries.number(id));
    COURSE_TOPICS.set(execution, topics);
    TOPIC_LIST.set(execution, topics);
    TOPIC_OPTIONS.set(
        execution,
        topics.stream()
            .map(t -> new Option(t, reference.name(ReferenceList.SPECIALTIES, t)))
            .toList());
    List<Option> accounts = new ArrayList<>();
    accounts.add(new Option(NO_ACCOUNT, texts.get("course.noAccount")));
    var companionIds = companions.companionIds();
    profiles.available().stream()
        .filter(p -> companionIds.contains(p.userId()))
        .forEach(p -> accounts.add(new Option(p.userId(), p.displayName())));
    ACCOUNT_OPTIONS.set(execution, accounts);
    REGISTERED_COUNT.set(execution, 0L);
  }

  /** The session's topic, by name, for the tasks of its instance. */
  public void labelSession(DelegateTask task) {
    TOPIC_LABEL.set(
        task.getExecution(),
        texts.get(
            "course.session.label",
            reference.name(ReferenceList.SPECIALTIES, COURSE_TOPIC.get(task)),
            reference.column(ReferenceList.SPECIALTIES, COURSE_TOPIC.get(task), "course")));
  }

  /** The session's plan: its date and time start the wait for the day. */
  public void saveSession(DelegateExecution execution) {
    LocalDate date = SESSION_DATE.get(execution);
    LocalTime start;
    try {
      start = LocalTime.parse(SESSION_START.get(execution).trim());
    } catch (DateTimeParseException notATime) {
      throw new Refusal(texts.get("event.refused.time"));
    }
    long sessionId =
        records.saveSession(
            series(execution),
            COURSE_TOPIC.get(execution),
            date,
            SESSION_START.get(execution),
            LECTURER.get(execution),
            SESSION_VENUE_TYPE.get(execution),
            SESSION_VENUE.orElse(execution, null));
    SESSION_ID.set(execution, sessionId);
    SESSION_STARTS_AT.set(
        execution, Date.from(date.atTime(start).atZone(EngineClock.JAPAN).toInstant()));
  }

  /** The roll call: everyone registered for this session, ticked as present to begin with. */
  public void prepareRollCall(DelegateExecution execution) {
    String topic = COURSE_TOPIC.get(execution);
    List<Option> options = new ArrayList<>();
    for (Applicant applicant : records.applicants(series(execution))) {
      if (applicant.topics().contains(topic)) {
        options.add(new Option(String.valueOf(applicant.id()), applicant.displayName()));
      }
    }
    ATTENDEE_OPTIONS.set(execution, options);
    ATTENDEES.set(execution, options.stream().map(Option::value).toList());
  }

  /** Who came; a companion's attendance also counts for their profile and certification. */
  public void recordAttendance(DelegateExecution execution) {
    long seriesId = series(execution);
    String topic = COURSE_TOPIC.get(execution);
    List<Long> present =
        ATTENDEES.orElse(execution, List.of()).stream().map(Long::valueOf).toList();
    records.attended(SESSION_ID.get(execution), present);
    LocalDate day = SESSION_DATE.orElse(execution, clock.today());
    for (Applicant applicant : records.applicants(seriesId)) {
      if (applicant.userId() != null && present.contains(applicant.id())) {
        progress.attended(applicant.userId(), topic, day, null);
      }
    }
  }

  /** The session's evaluation: the answers cannot be more than the people who answered. */
  public void saveEvaluation(DelegateExecution execution) {
    long responses = EVALUATION_RESPONSES.orElse(execution, 0L);
    long good = RATED_GOOD.orElse(execution, 0L);
    long fair = RATED_FAIR.orElse(execution, 0L);
    long poor = RATED_POOR.orElse(execution, 0L);
    if (good + fair + poor > responses) {
      throw new Refusal(texts.get("course.refused.evaluation", responses));
    }
    records.saveEvaluation(
        SESSION_ID.get(execution),
        responses,
        good,
        fair,
        poor,
        EVALUATION_COMMENTS.orElse(execution, null));
  }

  /** One applicant: a name and at least one session; the form is empty again for the next. */
  public void registerApplicant(DelegateExecution execution) {
    String name = APPLICANT_NAME.orElse(execution, null);
    if (name == null) {
      throw new Refusal(texts.get("course.refused.noName"));
    }
    List<String> topics = REGISTERED_TOPICS.orElse(execution, List.of());
    if (topics.isEmpty()) {
      throw new Refusal(texts.get("course.refused.noSession"));
    }
    String account = APPLICANT_ACCOUNT.orElse(execution, NO_ACCOUNT);
    var authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    records.addApplicant(
        series(execution),
        name,
        APPLICANT_CONTACT.orElse(execution, null),
        APPLICANT_PREFECTURE.orElse(execution, null),
        NO_ACCOUNT.equals(account) ? null : account,
        authentication == null ? null : authentication.getUserId(),
        topics);
    REGISTERED_COUNT.set(execution, REGISTERED_COUNT.orElse(execution, 0L) + 1);
    for (Var<?> field :
        List.of(
            APPLICANT_NAME,
            APPLICANT_CONTACT,
            APPLICANT_PREFECTURE,
            APPLICANT_ACCOUNT,
            REGISTERED_TOPICS)) {
      field.remove(execution);
    }
  }

  /**
   * Each applicant's certificate for the sessions they attended in this series (the DMN's rule).
   */
  public void decideCertificates(DelegateExecution execution) {
    long seriesId = series(execution);
    LocalDate today = clock.today();
    List<String> lines = new ArrayList<>();
    for (Applicant applicant : records.applicants(seriesId)) {
      List<String> attended = records.attendedTopics(applicant.id());
      Certificate certificate = progress.certificate(attended);
      if (!attended.isEmpty() && !"none".equals(certificate.code())) {
        records.certificate(applicant.id(), seriesId, certificate.code(), today);
        lines.add(
            texts.get(
                "course.certificate.line",
                applicant.displayName(),
                certificate.label(),
                attended.size(),
                applicant.userId() == null ? "" : texts.get("course.certificate.companion")));
      }
    }
    CERTIFICATE_LIST.set(
        execution,
        lines.isEmpty() ? texts.get("course.certificate.none") : String.join("\n", lines));
    records.setStatus(seriesId, CourseRecords.FINISHED);
  }

  private static long series(VariableScope scope) {
    return CourseSeries.id(SERIES_NUMBER.get(scope));
  }
}
