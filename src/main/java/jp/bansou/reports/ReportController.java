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
import jp.bansou.policy.PolicyRegister;
import jp.bansou.policy.PolicyRegister.Evidence;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymous exports for advocacy and reporting, with the dashboard's access rule. One row per case
 * or register entry, categories only; cases whose person did not consent to anonymous statistics
 * are left out.
 */
@RestController
public class ReportController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final CaseSummaries summaries;
  private final PolicyRegister register;

  public ReportController(CaseSummaries summaries, PolicyRegister register) {
    this.summaries = summaries;
    this.register = register;
  }

  @GetMapping("/api/reports/cases.csv")
  public ResponseEntity<String> cases() {
    List<List<?>> rows =
        summaries.all().stream()
            .filter(CaseSummary::consentStatistics)
            .<List<?>>map(
                c ->
                    List.of(
                        c.caseNumber(),
                        day(c.openedAt()),
                        day(c.closedAt()),
                        nullToEmpty(c.prefecture()),
                        nullToEmpty(c.statusCategory()),
                        nullToEmpty(c.nationality()),
                        String.join(" ", c.languages()),
                        String.join(" ", c.problemFields()),
                        nullToEmpty(c.urgency()),
                        String.join(" ", c.tracks()),
                        nullToEmpty(c.outcome())))
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
