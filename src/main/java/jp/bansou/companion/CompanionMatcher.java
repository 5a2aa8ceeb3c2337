package jp.bansou.companion;

import static jp.bansou.casefile.CaseFile.PROCESS_KEY;
import static jp.bansou.facts.CaseFacts.COMPANION_ID;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bansou.engine.Texts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Ranks companions for a case. Only companions who cover the person's prefecture, or work remotely,
 * are candidates, and none who paused themselves; then shared languages, matching specialties and a
 * light caseload rank them, with the points of the deployed DMN {@code companion-matching} ({@link
 * MatchingPoints}). The coordinator always confirms: the ranking only orders the list.
 */
@Service
public class CompanionMatcher {

  private final CompanionProfiles profiles;
  private final CompanionPauses pauses;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ReferenceData reference;
  private final Texts texts;
  private final MatchingPoints points;
  private final JdbcTemplate jdbc;

  public CompanionMatcher(
      CompanionProfiles profiles,
      CompanionPauses pauses,
      RuntimeService runtimeService,
      IdentityService identityService,
      ReferenceData reference,
      Texts texts,
      MatchingPoints points,
      JdbcTemplate jdbc) {
    this.points = points;
    this.jdbc = jdbc;
    this.profiles = profiles;
    this.pauses = pauses;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.reference = reference;
    this.texts = texts;
  }

  /** The ids of the {@code companions} group: interpreters who are not companions stay out. */
  public Set<String> companionIds() {
    return identityService
        .createUserQuery()
        .memberOfGroup(Role.COMPANIONS.groupId())
        .list()
        .stream()
        .map(User::getId)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** A ranked candidate with the reasons a coordinator reads. */
  public record Candidate(String userId, String displayName, int score, String reasons) {}

  public List<Candidate> rank(
      String prefecture,
      Collection<String> languages,
      Collection<String> problemFields,
      Collection<String> excluded) {
    Set<String> neededSpecialties = new LinkedHashSet<>();
    problemFields.stream()
        .map(reference::specialtyFor)
        .filter(java.util.Objects::nonNull)
        .forEach(neededSpecialties::add);
    List<Candidate> candidates = new ArrayList<>();
    Set<String> companions = companionIds();
    Set<String> paused = pauses.paused();
    Map<String, Long> caseloads = openCasesByCompanion();
    MatchingPoints.Table table = points.table();
    for (CompanionProfile profile : profiles.available()) {
      if (!companions.contains(profile.userId())
          || excluded.contains(profile.userId())
          || paused.contains(profile.userId())) {
        continue;
      }
      boolean local = profile.prefectures().contains(prefecture);
      if (!local && !profile.worksRemotely()) {
        continue;
      }
      List<String> shared = profile.languages().stream().filter(languages::contains).toList();
      List<String> specialties =
          profile.specialties().stream().filter(neededSpecialties::contains).toList();
      long caseload = caseloads.getOrDefault(profile.userId(), 0L);
      int fluent = (int) shared.stream().filter(profile::fluentIn).count();
      int score =
          table.of(
              new MatchingPoints.Facts(
                  local, fluent, shared.size() - fluent, specialties.size(), caseload));
      String reasons =
          texts.get(
              "matching.reasons",
              texts.get(local ? "matching.local" : "matching.remote"),
              shared.isEmpty()
                  ? texts.get("matching.noSharedLanguage")
                  : reference.names(ReferenceList.LANGUAGES, shared),
              specialties.isEmpty()
                  ? texts.get("matching.noSpecialty")
                  : reference.names(ReferenceList.SPECIALTIES, specialties),
              caseload);
      candidates.add(new Candidate(profile.userId(), profile.displayName(), score, reasons));
    }
    candidates.sort(
        Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::userId));
    return candidates;
  }

  /**
   * Experienced companions who can advise on a case: certified, not paused, with a specialty the
   * case's problem fields need; the table companion-matching ranks them. They advise the companion,
   * so their prefecture does not matter.
   */
  public List<Candidate> advisers(
      Collection<String> problemFields, Collection<String> languages, Collection<String> excluded) {
    Set<String> needed = new LinkedHashSet<>();
    problemFields.stream()
        .map(reference::specialtyFor)
        .filter(java.util.Objects::nonNull)
        .forEach(needed::add);
    Set<String> companions = companionIds();
    Set<String> paused = pauses.paused();
    Map<String, Long> caseloads = openCasesByCompanion();
    MatchingPoints.Table table = points.table();
    List<Candidate> advisers = new ArrayList<>();
    for (CompanionProfile profile : profiles.available()) {
      if (!profile.certified()
          || !companions.contains(profile.userId())
          || excluded.contains(profile.userId())
          || paused.contains(profile.userId())) {
        continue;
      }
      List<String> specialties = profile.specialties().stream().filter(needed::contains).toList();
      if (specialties.isEmpty()) {
        continue;
      }
      List<String> shared = profile.languages().stream().filter(languages::contains).toList();
      String reasons =
          texts.get(
              "matching.adviserReasons",
              reference.names(ReferenceList.SPECIALTIES, specialties),
              shared.isEmpty()
                  ? texts.get("matching.noSharedLanguage")
                  : reference.names(ReferenceList.LANGUAGES, shared));
      advisers.add(
          new Candidate(
              profile.userId(),
              profile.displayName(),
              // the same table as for companions, where the place does not count: advisers
              // help from wherever they are
              table.of(
                  new MatchingPoints.Facts(
                      true,
                      (int) shared.stream().filter(profile::fluentIn).count(),
                      (int) shared.stream().filter(l -> !profile.fluentIn(l)).count(),
                      specialties.size(),
                      caseloads.getOrDefault(profile.userId(), 0L))),
              reasons));
    }
    advisers.sort(
        Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::userId));
    return advisers;
  }

  /**
   * Every companion's open cases, by one grouped query: what {@link #openCases} counts for each
   * companion (live cases naming them in their variable {@code companionId}), in one pass instead
   * of one query per companion over every open case. Only case variables are read, no task's own
   * (local) variable of that name, which no model has: so the engine's index on {@code (TASK_ID_,
   * NAME_, TYPE_)} finds the few hundred rows among every variable of every open case.
   */
  Map<String, Long> openCasesByCompanion() {
    Map<String, Long> caseloads = new HashMap<>();
    jdbc.query(
        "select v.TEXT_, count(distinct e.ID_) from ACT_RU_EXECUTION e"
            + " join ACT_RE_PROCDEF p on e.PROC_DEF_ID_ = p.ID_"
            + " join ACT_RU_VARIABLE v on v.EXECUTION_ID_ = e.ID_"
            + " where e.PARENT_ID_ is null and e.TENANT_ID_ is null and p.KEY_ = ?"
            + " and v.TASK_ID_ is null and v.NAME_ = ? and v.TYPE_ = 'string'"
            + " and v.TEXT_ is not null"
            + " group by v.TEXT_",
        (java.sql.ResultSet rs) -> {
          caseloads.put(rs.getString(1), rs.getLong(2));
        },
        PROCESS_KEY,
        COMPANION_ID.name());
    return caseloads;
  }

  /** One companion's open cases, by the engine's query (what the grouped query must agree with). */
  long openCases(String userId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .withoutTenantId()
        .variableValueEquals(COMPANION_ID.name(), userId)
        .count();
  }
}
