package jp.bansou.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import jp.bansou.accompaniment.VisitOutcomes;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.policy.PolicyRegister;
import jp.bansou.policy.PolicyRegister.Evidence;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

  private final PolicyRegister register;
  private final ReferenceData reference;
  private final CaseExport caseExport;
  private final VisitOutcomes visitOutcomes;
  private final Texts texts;

  public ReportController(
      PolicyRegister register,
      ReferenceData reference,
      CaseExport caseExport,
      VisitOutcomes visitOutcomes,
      Texts texts) {
    this.register = register;
    this.reference = reference;
    this.caseExport = caseExport;
    this.visitOutcomes = visitOutcomes;
    this.texts = texts;
  }

  /**
   * One row per case opened in the period ({@code from}, {@code to}: ISO dates, both included;
   * without them the last twelve months), streamed; see {@link CaseExport}.
   */
  /** The years a period of an export may name. */
  static final int EARLIEST_YEAR = 1900;

  static final int LATEST_YEAR = 2999;

  @GetMapping("/api/reports/cases.csv")
  public void cases(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    for (LocalDate day : new LocalDate[] {from, to}) {
      // a date the calendar has, far outside any case (-999999999-01-01), failed as a server error
      if (day != null && (day.getYear() < EARLIEST_YEAR || day.getYear() > LATEST_YEAR)) {
        throw new Refusal(texts.get("report.periodOutOfRange", EARLIEST_YEAR, LATEST_YEAR));
      }
    }
    CaseExport.Period period = caseExport.period(from, to);
    if (period.to() != null && period.to().isBefore(period.from())) {
      throw new Refusal(texts.get("report.periodReversed"));
    }
    response.setContentType(CSV.toString());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases.csv\"");
    caseExport.write(period, response.getOutputStream());
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
    List<String> barriers = reference.codes(ReferenceList.VISIT_BARRIERS);
    // per office type and prefecture: visits, visits with a barrier, then one count per barrier
    Map<List<String>, long[]> groups = new TreeMap<>(Comparator.comparing(Object::toString));
    // the kept counts (a row per office type, prefecture and set of barriers met, V92), counted
    // further here exactly as the visits themselves would be
    for (VisitOutcomes.Tally tally : visitOutcomes.countedTally()) {
      long visits = tally.visits();
      List<String> met = tally.barriers();
      long[] counts =
          groups.computeIfAbsent(
              List.of(nullToEmpty(tally.officeType()), nullToEmpty(tally.officePrefecture())),
              k -> new long[2 + barriers.size()]);
      counts[0] += visits;
      if (!met.isEmpty()) {
        counts[1] += visits;
      }
      for (int i = 0; i < barriers.size(); i++) {
        if (met.contains(barriers.get(i))) {
          counts[2 + i] += visits;
        }
      }
    }
    List<List<?>> rows = new ArrayList<>();
    groups.forEach(
        (key, counts) -> {
          List<Object> row = new ArrayList<>();
          row.add(key.get(0));
          row.add(reference.name(ReferenceList.OFFICE_TYPES, key.get(0)));
          row.add(key.get(1));
          row.add(reference.name(ReferenceList.PREFECTURES, key.get(1)));
          for (long count : counts) {
            row.add(shown(count));
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

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
