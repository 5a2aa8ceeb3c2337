package jp.bansou.outreach;

import static jp.bansou.facts.CaseFacts.PREFECTURE;
import static jp.bansou.outreach.ConsultationEvent.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import jp.bansou.accompaniment.InterpreterMatcher;
import jp.bansou.companion.CompanionMatcher;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.OfferAnswers;
import jp.bansou.engine.Option;
import jp.bansou.engine.People;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.outreach.ConsultationEvents.Event;
import jp.bansou.outreach.ConsultationEvents.Staff;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The steps of a 相談会 (process {@code consultation-event}): the plan is registered and announced,
 * each duty of the day (companions at the reception, an interpreter per language, lawyers) is
 * offered to the people who can take it until someone accepts, the day opens one reception desk per
 * companion on duty, and afterwards the report counts the people seen by category.
 */
@ModelApi
@Component("consultationEvents")
public class EventSteps {

  static final String COMPANION = "companion";
  static final String INTERPRETER = "interpreter";
  static final String LAWYER = "lawyer";

  /** Without a number in the plan, two companions receive people. */
  static final long DEFAULT_COMPANIONS = 2;

  private final ConsultationEvents events;
  private final EventReports reports;
  private final Publicity publicity;
  private final CompanionProfiles profiles;
  private final CompanionMatcher companions;
  private final InterpreterMatcher interpreters;
  private final IdentityService identityService;
  private final OfferAnswers offers;
  private final ReferenceData reference;
  private final EngineClock clock;
  private final Texts texts;

  public EventSteps(
      ConsultationEvents events,
      EventReports reports,
      Publicity publicity,
      CompanionProfiles profiles,
      CompanionMatcher companions,
      InterpreterMatcher interpreters,
      IdentityService identityService,
      OfferAnswers offers,
      ReferenceData reference,
      EngineClock clock,
      Texts texts) {
    this.events = events;
    this.reports = reports;
    this.publicity = publicity;
    this.profiles = profiles;
    this.companions = companions;
    this.interpreters = interpreters;
    this.identityService = identityService;
    this.offers = offers;
    this.reference = reference;
    this.clock = clock;
    this.texts = texts;
  }

  /** The plan: checked, stored, given its number, and split into the duties of the day. */
  public void register(DelegateExecution execution) {
    LocalDate date = EVENT_DATE.get(execution);
    if (date.isBefore(clock.today())) {
      throw new Refusal(texts.get("event.refused.past"));
    }
    LocalTime start = time(START_TIME.get(execution));
    String end = END_TIME.orElse(execution, null);
    if (end != null && !time(end).isAfter(start)) {
      throw new Refusal(texts.get("event.refused.endBeforeStart"));
    }
    List<String> languages = EVENT_LANGUAGES.orElse(execution, List.of());
    Event plan =
        new Event(
            0,
            EVENT_TITLE.get(execution),
            date,
            START_TIME.get(execution),
            end,
            PREFECTURE.get(execution),
            VENUE_TYPE.get(execution),
            VENUE.orElse(execution, null),
            EVENT_TOPICS.orElse(execution, List.of()),
            languages,
            ConsultationEvents.PLANNED);
    long id =
        events.create(plan, execution.getProcessInstanceId(), PLANNER.orElse(execution, null));
    String number = ConsultationEvent.number(id);
    EVENT_NUMBER.set(execution, number);
    execution.setProcessBusinessKey(number);
    EVENT_STARTS_AT.set(
        execution, Date.from(date.atTime(start).atZone(EngineClock.JAPAN).toInstant()));
    // lists as JSON, whatever shape the form or a script sent
    EVENT_TOPICS.set(execution, plan.topics());
    EVENT_LANGUAGES.set(execution, languages);
    EVENT_SUMMARY.set(execution, summary(events.find(id).orElseThrow()));

    List<String> slots = new ArrayList<>();
    for (long i = 0; i < COMPANIONS_NEEDED.orElse(execution, DEFAULT_COMPANIONS); i++) {
      slots.add(COMPANION);
    }
    languages.stream()
        .filter(l -> !Publicity.JAPANESE.contains(l))
        .forEach(l -> slots.add(INTERPRETER + ":" + l));
    for (long i = 0; i < LAWYERS_NEEDED.orElse(execution, 0L); i++) {
      slots.add(LAWYER);
    }
    DUTY_SLOTS.set(execution, slots);
  }

  /** The publicity text from the templates, for the coordinator to check and pass on. */
  public void preparePublicity(DelegateExecution execution) {
    PUBLICITY_TEXT.set(execution, publicity.text(event(execution)));
  }

  /** Who can take this duty and has neither taken another duty here nor declined this one. */
  public void findCandidates(DelegateExecution execution) {
    Event event = event(execution);
    String slot = DUTY_SLOT.get(execution);
    List<String> excluded = new ArrayList<>(DECLINED_FOR_DUTY.orElse(execution, List.of()));
    events.staff(event.id()).forEach(s -> excluded.add(s.userId()));
    List<String> candidates = candidates(event, slot, excluded);
    DUTY_LABEL.set(execution, label(slot));
    DUTY_CANDIDATES.set(execution, candidates);
    DUTY_CANDIDATE_COUNT.set(execution, (long) candidates.size());
  }

  /** The answer to an offered duty: whoever claimed it and accepts is on the roster. */
  public void recordDutyAnswer(DelegateTask task) {
    if (offers.record(task, DUTY_ANSWER, DUTY_PERSON, DECLINED_FOR_DUTY)) {
      putOnRoster(task, task.getAssignee());
    }
  }

  /** Nobody took the duty: the coordinator may name anyone of the duty's group, or nobody. */
  public void offerArrangeOptions(DelegateTask task) {
    Event event = event(task.getExecution());
    String slot = DUTY_SLOT.get(task);
    Set<String> onRoster =
        Set.copyOf(events.staff(event.id()).stream().map(Staff::userId).toList());
    List<Option> options = new ArrayList<>();
    for (User user : identityService.createUserQuery().memberOfGroup(group(slot)).list()) {
      if (!onRoster.contains(user.getId()) && fits(slot, user.getId())) {
        options.add(new Option(user.getId(), displayName(user)));
      }
    }
    options.add(new Option(NOBODY, texts.get("event.duty.nobody")));
    DUTY_LABEL.setLocal(task, label(slot));
    ARRANGE_OPTIONS.setLocal(task, options);
  }

  /** The coordinator's choice: the person named goes on the roster. */
  public void recordArranged(DelegateTask task) {
    String person = ARRANGED_PERSON.orElse(task, NOBODY);
    if (!NOBODY.equals(person)) {
      putOnRoster(task, person);
    }
  }

  /** The day begins: one reception desk per companion on duty (the planner's, without one). */
  public void openDay(DelegateExecution execution) {
    Event event = event(execution);
    List<String> desks =
        events.staff(event.id()).stream()
            .filter(s -> COMPANION.equals(s.duty()))
            .map(Staff::userId)
            .toList();
    if (desks.isEmpty()) {
      String planner = PLANNER.orElse(execution, null);
      desks = planner == null ? List.of() : List.of(planner);
    }
    WALK_IN_DESKS.set(execution, desks);
    ROSTER_SUMMARY.set(execution, roster(event));
    events.setStatus(event.id(), ConsultationEvents.HELD);
  }

  /** After the day: the people seen, by category, small cells left out. */
  public void compileReport(DelegateExecution execution) {
    Event event = event(execution);
    events.setStatus(event.id(), ConsultationEvents.HELD);
    REPORT_SUMMARY.set(execution, reports.summary(event));
  }

  /** The coordinator checked the report: the event is done. */
  public void finishReport(DelegateExecution execution) {
    events.setStatus(event(execution).id(), ConsultationEvents.REPORTED);
  }

  // --- helpers ---

  private void putOnRoster(DelegateTask task, String userId) {
    Event event = event(task.getExecution());
    String slot = DUTY_SLOT.get(task);
    String duty = slot.contains(":") ? slot.substring(0, slot.indexOf(':')) : slot;
    String language = slot.contains(":") ? slot.substring(slot.indexOf(':') + 1) : null;
    if (!events.addStaff(event.id(), userId, duty, language)) {
      throw new Refusal(texts.get("event.refused.alreadyOnDuty"));
    }
  }

  private List<String> candidates(Event event, String slot, List<String> excluded) {
    boolean online = "online".equals(event.venueType());
    if (slot.startsWith(INTERPRETER)) {
      String language = slot.substring(slot.indexOf(':') + 1);
      return interpreters.find(event.prefecture(), List.of(language), excluded).interpreterIds();
    }
    if (LAWYER.equals(slot)) {
      return members(Role.LAWYERS).stream().filter(id -> !excluded.contains(id)).toList();
    }
    Set<String> companionIds = companions.companionIds();
    return profiles.available().stream()
        .filter(p -> companionIds.contains(p.userId()))
        .filter(p -> !excluded.contains(p.userId()))
        .filter(p -> p.prefectures().contains(event.prefecture()) || online && p.worksRemotely())
        .map(CompanionProfile::userId)
        .toList();
  }

  /** Whom a coordinator may name for a duty: an interpreter must speak its language. */
  private boolean fits(String slot, String userId) {
    if (!slot.startsWith(INTERPRETER)) {
      return true;
    }
    String language = slot.substring(slot.indexOf(':') + 1);
    return profiles.find(userId).map(p -> p.languages().contains(language)).orElse(false);
  }

  private String group(String slot) {
    if (slot.startsWith(INTERPRETER)) {
      return Role.INTERPRETERS.groupId();
    }
    return LAWYER.equals(slot) ? Role.LAWYERS.groupId() : Role.COMPANIONS.groupId();
  }

  private List<String> members(Role role) {
    return People.membersOf(identityService, role.groupId());
  }

  /** 「通訳（ベトナム語）」. */
  String label(String slot) {
    if (slot.startsWith(INTERPRETER)) {
      return texts.get(
          "event.duty.interpreter",
          reference.name(ReferenceList.LANGUAGES, slot.substring(slot.indexOf(':') + 1)));
    }
    return reference.name(ReferenceList.EVENT_DUTIES, slot);
  }

  private String roster(Event event) {
    List<String> lines = new ArrayList<>();
    for (Staff staff : events.staff(event.id())) {
      String slot = staff.language() == null ? staff.duty() : staff.duty() + ":" + staff.language();
      lines.add(texts.get("event.roster.line", label(slot), name(staff.userId())));
    }
    return lines.isEmpty() ? texts.get("event.roster.empty") : String.join("\n", lines);
  }

  String summary(Event event) {
    return texts.get(
        "event.summary",
        event.title(),
        event.date().toString(),
        event.endTime() == null ? event.startTime() : event.startTime() + "〜" + event.endTime(),
        reference.name(ReferenceList.PREFECTURES, event.prefecture()),
        reference.name(ReferenceList.VENUE_TYPES, event.venueType())
            + (event.venue() == null ? "" : "：" + event.venue()),
        event.topics().isEmpty()
            ? texts.get("event.none")
            : reference.names(ReferenceList.PROBLEM_FIELDS, event.topics()),
        event.languages().isEmpty()
            ? texts.get("event.none")
            : reference.names(ReferenceList.LANGUAGES, event.languages()));
  }

  private String name(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : displayName(user);
  }

  private String displayName(User user) {
    return profiles
        .find(user.getId())
        .map(CompanionProfile::displayName)
        .orElse(user.getId() + (user.getLastName() == null ? "" : " " + user.getLastName()));
  }

  private Event event(DelegateExecution execution) {
    return events.find(ConsultationEvent.id(EVENT_NUMBER.get(execution))).orElseThrow();
  }

  private LocalTime time(String text) {
    try {
      return LocalTime.parse(text.trim());
    } catch (DateTimeParseException notATime) {
      throw new Refusal(texts.get("event.refused.time"));
    }
  }
}
