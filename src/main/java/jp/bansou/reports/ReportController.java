package jp.bansou.reports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.engine.EngineClock;
import jp.bansou.person.CaseVisibility;
import jp.bansou.policy.PolicyRegister;
import jp.bansou.policy.PolicyRegister.Evidence;
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

  public ReportController(
      CaseSummaries summaries, PolicyRegister register, CaseVisibility visibility) {
    this.summaries = summaries;
    this.register = register;
    this.visibility = visibility;
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
    List<List<?>> rows =
        shown.stream()
            .<List<?>>map(
                c ->
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
                        outcome.apply(c)))
            .toList();
    return attachment(
        "cases.csv",
        Csv.document(
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
                "outcome"),
            rows));
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
