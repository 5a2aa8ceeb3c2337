package jp.bansou.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.bansou.forms.FormValues;
import jp.bansou.policy.PolicyRegister;
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

  static final MediaType CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final CaseSummaries summaries;
  private final PolicyRegister register;

  public ReportController(CaseSummaries summaries, PolicyRegister register) {
    this.summaries = summaries;
    this.register = register;
  }

  @GetMapping("/api/reports/cases.csv")
  public ResponseEntity<String> cases() {
    StringBuilder csv = new StringBuilder(Csv.BOM);
    csv.append(
        Csv.row(
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
                "outcome")));
    for (CaseSummary c : summaries.all()) {
      if (!c.consentStatistics()) {
        continue;
      }
      csv.append(
          Csv.row(
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
                  nullToEmpty(c.outcome()))));
    }
    return attachment("cases.csv", csv.toString());
  }

  @GetMapping("/api/reports/policy-issues.csv")
  public ResponseEntity<String> policyIssues() {
    StringBuilder csv = new StringBuilder(Csv.BOM);
    csv.append(
        Csv.row(
            List.of(
                "id",
                "advocacy_field",
                "title",
                "status",
                "cases",
                "prefectures",
                "status_categories",
                "outcomes",
                "reported_months")));
    for (PolicyRegister.Entry entry : register.entries(false)) {
      List<Map<String, Object>> evidence = register.evidenceOf(entry.id());
      csv.append(
          Csv.row(
              List.of(
                  entry.id(),
                  entry.advocacyField(),
                  entry.title(),
                  entry.status(),
                  entry.cases(),
                  distinct(evidence, "prefecture"),
                  distinct(evidence, "status_category"),
                  distinct(evidence, "outcome"),
                  distinct(evidence, "reported_month"))));
    }
    return attachment("policy-issues.csv", csv.toString());
  }

  private static String distinct(List<Map<String, Object>> rows, String column) {
    TreeSet<String> values = new TreeSet<>();
    for (Map<String, Object> row : rows) {
      for (Map.Entry<String, Object> cell : row.entrySet()) {
        if (cell.getKey().equalsIgnoreCase(column) && cell.getValue() != null) {
          values.add(cell.getValue().toString().trim());
        }
      }
    }
    return String.join(" ", new ArrayList<>(values));
  }

  private static ResponseEntity<String> attachment(String name, String body) {
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(body);
  }

  private static String day(Instant at) {
    return at == null ? "" : LocalDate.ofInstant(at, FormValues.JAPAN).toString();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
