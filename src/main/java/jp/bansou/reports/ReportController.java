package jp.bansou.reports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.bansou.accompaniment.VisitOutcome;
import jp.bansou.accompaniment.VisitOutcomes;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.engine.EngineClock;
import jp.bansou.person.CaseVisibility;
import jp.bansou.policy.PolicyRegister;
import jp.bansou.policy.PolicyRegister.Evidence;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.statistics.FormStatistics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymous exports for advocacy and reporting, with the dashboard's access rule. One row per case
 * or register entry, categories only; cases whose person did not consent to anonymous statistics,
 * and restricted cases, are left out, and a category fewer than three people share is shown as
 * {@code *} ({@link SmallCells}).
 */
@RestController
public class ReportController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final CaseSummaries summaries;
  private final PolicyRegister register;
  private final CaseVisibility visibility;
  private final VisitOutcomes visitOutcomes;
  private final ReferenceData reference;
  private final FormStatistics statistics;

  public ReportController(
      CaseSummaries summaries,
      PolicyRegister register,
      CaseVisibility visibility,
      VisitOutcomes visitOutcomes,
      ReferenceData reference,
      FormStatistics statistics) {
    this.statistics = statistics;
    this.summaries = summaries;
    this.register = register;
    this.visibility = visibility;
    this.visitOutcomes = visitOutcomes;
    this.reference = reference;
  }

  @GetMapping("/api/reports/cases.csv")
  public ResponseEntity<String> cases() {
    // consented, and not restricted: a restricted (DV) case appears in no list
    var restricted = visibility.restrictedCases();
    List<CaseSummary> shown =
        summaries.all().stream()
            .filter(CaseSummary::consentStatistics)
            .filter(c -> !restricted.contains(c.caseNumber()))
            .toList();
    Function<CaseSummary, String> prefecture = SmallCells.column(shown, c -> one(c.prefecture()));
    Function<CaseSummary, String> status = SmallCells.column(shown, c -> one(c.statusCategory()));
    Function<CaseSummary, String> nationality = SmallCells.column(shown, c -> one(c.nationality()));
    Function<CaseSummary, String> languages = SmallCells.column(shown, CaseSummary::languages);
    Function<CaseSummary, String> problems = SmallCells.column(shown, CaseSummary::problemFields);
    Function<CaseSummary, String> tracks = SmallCells.column(shown, CaseSummary::tracks);
    Function<CaseSummary, String> outcome = SmallCells.column(shown, c -> one(c.outcome()));
    // one more column per form question a modeller marked as a statistic, categories only
    Map<String, Map<String, List<String>>> answers = statistics.byCase();
    List<String> questions = statistics.keys();
    List<Function<CaseSummary, String>> answerColumns =
        questions.stream()
            .map(
                key ->
                    SmallCells.column(
                        shown,
                        (CaseSummary c) ->
                            answers
                                .getOrDefault(c.caseNumber(), Map.of())
                                .getOrDefault(key, List.of())))
            .toList();
    List<List<?>> rows =
        shown.stream()
            .<List<?>>map(
                c -> {
                  List<Object> row =
                      new ArrayList<>(
                          List.of(
                              c.caseNumber(),
                              day(c.openedAt()),
                              day(c.closedAt()),
                              prefecture.apply(c),
                              status.apply(c),
                              nationality.apply(c),
                              languages.apply(c),
                              problems.apply(c),
                              nullToEmpty(c.urgency()),
                              tracks.apply(c),
                              outcome.apply(c)));
                  answerColumns.forEach(column -> row.add(column.apply(c)));
                  return row;
                })
            .toList();
    List<String> header =
        new ArrayList<>(
            List.of(
                "case_number",
                "opened_on",
                "closed_on",
                "prefecture",
                "status_category",
                "nationality",
                "languages",
                "problem_fields",
                "urgency",
                "tracks",
                "outcome"));
    questions.forEach(key -> header.add("form_" + key));
    return attachment("cases.csv", Csv.document(header, rows));
  }

  private static List<String> one(String code) {
    return code == null ? List.of() : List.of(code);
  }

  @GetMapping("/api/reports/policy-issues.csv")
  public ResponseEntity<String> policyIssues() {
    List<List<?>> rows =
        register.entries(false).stream()
            .<List<?>>map(
                entry -> {
                  List<Evidence> evidence = register.evidenceOf(entry.id());
                  return List.of(
                      entry.id(),
                      entry.advocacyField(),
                      entry.title(),
                      entry.status(),
                      entry.cases(),
                      distinct(evidence, Evidence::prefecture),
                      distinct(evidence, Evidence::statusCategory),
                      distinct(evidence, Evidence::outcome),
                      distinct(evidence, Evidence::reportedMonth));
                })
            .toList();
    return attachment(
        "policy-issues.csv",
        Csv.document(
            List.of(
                "id",
                "advocacy_field",
                "title",
                "status",
                "cases",
                "prefectures",
                "status_categories",
                "outcomes",
                "reported_months"),
            rows));
  }

  /**
   * The barriers met at offices, for the ministry negotiations: one row per office type and
   * prefecture of the office with its visits, those that met a barrier, and each barrier's count (a
   * column per code of reference/visit-barriers.csv). Visits of cases without consent to anonymous
   * statistics, and of restricted cases, are left out; a count of one or two is {@code *}.
   */
  @GetMapping("/api/reports/visit-barriers.csv")
  public ResponseEntity<String> visitBarriers() {
    Set<String> consented =
        summaries.all().stream()
            .filter(CaseSummary::consentStatistics)
            .map(CaseSummary::caseNumber)
            .collect(Collectors.toSet());
    consented.removeAll(visibility.restrictedCases());
    List<VisitOutcome> visits =
        visitOutcomes.all().stream().filter(v -> consented.contains(v.caseNumber())).toList();
    List<String> barriers = reference.codes(ReferenceList.VISIT_BARRIERS);
    Map<List<String>, List<VisitOutcome>> groups =
        new TreeMap<>(Comparator.comparing(Object::toString));
    visits.forEach(
        v ->
            groups
                .computeIfAbsent(
                    List.of(nullToEmpty(v.officeType()), nullToEmpty(v.officePrefecture())),
                    k -> new ArrayList<>())
                .add(v));
    List<List<?>> rows = new ArrayList<>();
    groups.forEach(
        (key, here) -> {
          List<Object> row = new ArrayList<>();
          row.add(key.get(0));
          row.add(reference.name(ReferenceList.OFFICE_TYPES, key.get(0)));
          row.add(key.get(1));
          row.add(reference.name(ReferenceList.PREFECTURES, key.get(1)));
          row.add(shown(here.size()));
          row.add(shown(here.stream().filter(v -> !v.barriers().isEmpty()).count()));
          for (String barrier : barriers) {
            row.add(shown(here.stream().filter(v -> v.barriers().contains(barrier)).count()));
          }
          rows.add(row);
        });
    List<String> header =
        new ArrayList<>(
            List.of(
                "office_type",
                "office_type_name",
                "prefecture",
                "prefecture_name",
                "visits",
                "visits_with_barrier"));
    header.addAll(barriers);
    return attachment("visit-barriers.csv", Csv.document(header, rows));
  }

  /** A count as an export shows it: {@code *} for one or two. */
  private static String shown(long count) {
    Long shown = SmallCells.count(count);
    return shown == null ? SmallCells.HIDDEN : shown.toString();
  }

  private static String distinct(List<Evidence> evidence, Function<Evidence, String> column) {
    TreeSet<String> values = new TreeSet<>();
    evidence.stream().map(column).filter(v -> v != null).map(String::trim).forEach(values::add);
    return String.join(" ", values);
  }

  private static ResponseEntity<String> attachment(String name, String body) {
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(body);
  }

  private static String day(Instant at) {
    return at == null ? "" : LocalDate.ofInstant(at, EngineClock.JAPAN).toString();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
