package jp.bansou.conference;

import static jp.bansou.conference.CaseConference.*;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.conference.StuckCases.Reason;
import jp.bansou.conference.StuckCases.Stuck;
import jp.bansou.engine.ModelApi;
import jp.bansou.engine.People;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.SummaryLines;
import jp.bansou.engine.Texts;
import jp.bansou.facts.CaseFacts;
import jp.bansou.person.CaseAccess;
import jp.bansou.reference.CsvRows;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The monthly case conferences (ケース検討会): which regions have stuck cases, each region's agenda of
 * category facts, and each case's facts for the coordinator who records the conference's advice.
 */
@ModelApi
@Component("caseConferences")
public class ConferenceSteps {

  private final StuckCases stuckCases;
  private final CaseAccess access;
  private final ReferenceData reference;
  private final Texts texts;
  private final IdentityService identityService;

  public ConferenceSteps(
      StuckCases stuckCases,
      CaseAccess access,
      ReferenceData reference,
      Texts texts,
      IdentityService identityService) {
    this.identityService = identityService;
    this.stuckCases = stuckCases;
    this.access = access;
    this.reference = reference;
    this.texts = texts;
  }

  /**
   * The coordinators who hold the region's conference (candidate users in the model): those
   * responsible for one of its prefectures or for all; every coordinator when nobody is.
   */
  public List<String> coordinatorsOf(DelegateExecution execution) {
    Set<String> prefectures =
        Set.copyOf(
            CsvRows.codes(
                reference.column(ReferenceList.REGIONS, REGION.get(execution), "prefectures")));
    List<String> coordinators = People.membersOf(identityService, Role.COORDINATORS.groupId());
    List<String> responsible =
        coordinators.stream()
            .filter(
                c ->
                    access.regionsOf(c).stream()
                        .anyMatch(p -> "*".equals(p) || prefectures.contains(p)))
            .toList();
    return responsible.isEmpty() ? coordinators : responsible;
  }

  /** The regions that have at least one stuck case: each holds its own conference. */
  public void findRegions(DelegateExecution execution) {
    Set<String> regions = new LinkedHashSet<>();
    for (Stuck stuck : find(execution, null)) {
      String region = reference.regionOf(stuck.summary().prefecture());
      if (region != null) {
        regions.add(region);
      }
    }
    REGIONS.set(execution, List.copyOf(regions));
    REGION_COUNT.set(execution, (long) regions.size());
  }

  /** The agenda of one region: its stuck cases, one line each, category facts only. */
  public void compileAgenda(DelegateExecution execution) {
    String region = REGION.get(execution);
    List<Stuck> stuck = find(execution, region);
    AGENDA_CASES.set(execution, stuck.stream().map(s -> s.summary().caseNumber()).toList());
    AGENDA_CASE_COUNT.set(execution, (long) stuck.size());
    String regionName =
        reference.has(ReferenceList.REGIONS, region)
            ? reference.name(ReferenceList.REGIONS, region)
            : region;
    AGENDA.set(
        execution,
        texts.get("conference.header", regionName, stuck.size())
            + (stuck.isEmpty()
                ? texts.get("conference.noCases")
                : SummaryLines.join(
                    stuck.stream().map(this::line).toList(),
                    60,
                    left -> texts.get("summary.more", left))));
  }

  /** One case of the agenda: its facts for the advice task, and its companion for the advice. */
  public void describeCase(DelegateExecution execution) {
    String caseNumber = CaseFacts.CASE_NUMBER.get(execution);
    CASE_FACTS.set(
        execution,
        stuckCases
            .one(
                caseNumber,
                Duration.parse(NO_UPDATE_FOR.get(execution)),
                Duration.parse(REFUSALS_WITHIN.get(execution)),
                refusalBarriers(execution))
            .map(this::line)
            .orElseGet(() -> texts.get("conference.noLongerStuck", caseNumber)));
    String companion =
        access
            .find(caseNumber)
            .map(CaseAccess.Access::companionId)
            .orElseThrow(() -> new Refusal(texts.get("conference.noCompanion", caseNumber)));
    CaseFacts.COMPANION_ID.set(execution, companion);
  }

  private List<Stuck> find(DelegateExecution execution, String region) {
    return stuckCases.find(
        region,
        Duration.parse(NO_UPDATE_FOR.get(execution)),
        Duration.parse(REFUSALS_WITHIN.get(execution)),
        refusalBarriers(execution));
  }

  private static Set<String> refusalBarriers(DelegateExecution execution) {
    return Set.copyOf(List.of(REFUSAL_BARRIERS.orElse(execution, "").split(",")));
  }

  private String line(Stuck stuck) {
    CaseSummary s = stuck.summary();
    return texts.get(
        "conference.line",
        s.caseNumber(),
        name(ReferenceList.PREFECTURES, s.prefecture()),
        name(ReferenceList.STATUS_CATEGORIES, s.statusCategory()),
        s.problemFields().isEmpty()
            ? "—"
            : reference.names(ReferenceList.PROBLEM_FIELDS, s.problemFields()),
        String.join(
            "・",
            stuck.reasons().stream()
                .map(
                    r ->
                        r == Reason.OVERDUE
                            ? texts.get("conference.reason.OVERDUE", stuck.overdueTasks())
                            : texts.get("conference.reason." + r.name()))
                .toList()));
  }

  private String name(ReferenceList list, String code) {
    return code != null && reference.has(list, code) ? reference.name(list, code) : "—";
  }
}
