package jp.bansou.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.bansou.CaseEngineTest;
import jp.bansou.accompaniment.VisitOutcome;
import jp.bansou.accompaniment.VisitOutcomes;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.engine.EngineClock;
import jp.bansou.person.CaseVisibility;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import jp.bansou.statistics.FormStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The exports count in SQL (visit-barriers.csv) and stream a period of cases (cases.csv) instead of
 * reading every case and visit into memory: each must say exactly what the former computation over
 * every row said (kept here as the reference), with consent, restriction and small cells as before.
 */
@CaseEngineTest
class ExportQueriesTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ReportController reports;
  @Autowired CaseExport export;
  @Autowired CaseSummaries summaries;
  @Autowired VisitOutcomes visitOutcomes;
  @Autowired CaseVisibility visibility;
  @Autowired ReferenceData reference;
  @Autowired FormStatistics statistics;
  @Autowired TestRestTemplate rest;

  final String prefix = "T-EXQ-" + UUID.randomUUID().toString().substring(0, 6) + "-";
  final List<String> cases = new ArrayList<>();

  /** Cases of this test, with categories that small cells hide and some that they show. */
  @BeforeEach
  void someCasesAndVisits() {
    Instant now = Instant.now();
    for (int i = 0; i < 14; i++) {
      String caseNumber = prefix + i;
      cases.add(caseNumber);
      jdbc.update(
          "insert into case_summary (case_number, process_instance_id, opened_at, closed_at,"
              + " prefecture, status_category, nationality, languages, problem_fields, urgency,"
              + " tracks, outcome, consent_statistics) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          caseNumber,
          "pi-" + caseNumber,
          // 2024-01-10 .. 2024-03-01, every fourth day
          Timestamp.from(
              LocalDate.of(2024, 1, 10)
                  .plusDays(4L * i)
                  .atTime(i == 1 ? 0 : 9, 30)
                  .atZone(EngineClock.JAPAN)
                  .toInstant()),
          i % 3 == 0 ? Timestamp.from(now) : null,
          i % 5 == 0 ? null : i % 2 == 0 ? "13" : "32",
          i % 4 == 0 ? "technical-intern" : "permanent",
          i == 7 ? "" : i % 3 == 0 ? "VN" : "PH",
          i % 2 == 0 ? "vi,ja" : "tl",
          i % 6 == 0 ? "" : "labour,livelihood,labour",
          i % 4 == 0 ? null : "high",
          i % 2 == 0 ? "office-accompaniment" : null,
          i % 3 == 0 ? "resolved" : null,
          i != 3);
      if (i == 8) {
        // a restricted case (DV), restricted at intake as every case is before its visits
        jdbc.update(
            "insert into case_access (case_number, prefecture, restricted, consent_sharing, open)"
                + " values (?, '13', true, false, true)",
            caseNumber);
      }
      // three-way office prefectures and barrier sets, one visit without a prefecture
      for (int v = 0; v < 1 + i % 3; v++) {
        visitOutcomes.add(
            new VisitOutcome(
                caseNumber,
                v == 2 ? "hospital" : "welfare-office",
                i == 5 && v == 0 ? null : i % 2 == 0 ? "46" : "47",
                "medical-care",
                "done",
                switch ((i + v) % 4) {
                  case 0 -> List.of();
                  case 1 -> List.of("refused-application");
                  case 2 -> List.of("refused-application", "no-interpreter");
                  default -> List.of("status-refusal");
                },
                "2024-02",
                false));
      }
      if (i % 2 == 0) {
        jdbc.update(
            "insert into case_statistic (case_number, field_key, categories, recorded_at)"
                + " values (?, ?, ?, ?)",
            caseNumber,
            "exqAnswer",
            i % 4 == 0 ? "yes" : i == 2 ? "" : "no maybe",
            Timestamp.from(now));
        // and beside the case's categories, as FormStatistics.record keeps it (V97)
        jdbc.update(
            "update case_summary set answers = ? where case_number = ?",
            "exqAnswer\t" + (i % 4 == 0 ? "yes" : i == 2 ? "" : "no maybe"),
            caseNumber);
      }
    }
  }

  @AfterEach
  void forgetThisTestsRows() {
    for (String caseNumber : cases) {
      jp.bansou.TallyFixtures.forgetVisits(jdbc, caseNumber);
      jdbc.update("delete from case_statistic where case_number = ?", caseNumber);
      jdbc.update("delete from case_access where case_number = ?", caseNumber);
      jdbc.update("delete from case_summary where case_number = ?", caseNumber);
    }
  }

  @Test
  void visitBarriersAreWhatCountingEveryVisitSaid() {
    String csv = reports.visitBarriers().getBody();

    assertThat(csv).isEqualTo(visitBarriersCountedOverEveryVisit());
    assertThat(csv).contains("\"welfare-office\"", "\"46\"", "\"47\"");
  }

  @Test
  void aCaseRestrictedAfterItsVisitsLeavesTheExportAtOnce() {
    String before = reports.visitBarriers().getBody();
    String caseNumber = prefix + 4; // consented, three visits: 46, welfare office and hospital
    jdbc.update(
        "insert into case_access (case_number, prefecture, restricted, consent_sharing, open)"
            + " values (?, '13', false, false, true)",
        caseNumber);

    visibility.restrict(caseNumber, "coordinator");

    String after = reports.visitBarriers().getBody();
    assertThat(after).isEqualTo(visitBarriersCountedOverEveryVisit()).isNotEqualTo(before);
    // restricting it again takes nothing back twice
    visibility.restrict(caseNumber, "coordinator");
    assertThat(reports.visitBarriers().getBody()).isEqualTo(after);
  }

  @Test
  void casesOfAPeriodAreWhatTheWholeListFilteredToThatPeriodSaid() {
    LocalDate from = LocalDate.of(2024, 1, 14);
    LocalDate to = LocalDate.of(2024, 2, 15);

    String csv = casesCsv(new CaseExport.Period(from, to));

    assertThat(csv).isEqualTo(casesAsTheWholeListSaid(from, to));
    // a period's own rows, not the restricted one, not the one without consent
    assertThat(csv)
        .contains("\"" + prefix + "1\"", "\"" + prefix + "9\"")
        .doesNotContain("\"" + prefix + "0\"", "\"" + prefix + "10\"")
        .doesNotContain("\"" + prefix + "8\"", "\"" + prefix + "3\"");
  }

  @Test
  void withoutAnEndThePeriodRunsToToday() {
    LocalDate from = LocalDate.of(2024, 1, 1);

    String csv = casesCsv(new CaseExport.Period(from, null));

    assertThat(csv).isEqualTo(casesAsTheWholeListSaid(from, null));
    assertThat(csv).contains("\"" + prefix + "0\"", "\"" + prefix + "13\"");
  }

  @Test
  void byDefaultTheExportHoldsTheLastTwelveMonths() {
    LocalDate today = LocalDate.now(EngineClock.JAPAN);
    assertThat(export.period(null, null))
        .isEqualTo(new CaseExport.Period(today.minusMonths(12), null));
    assertThat(export.period(null, LocalDate.of(2024, 3, 31)))
        .isEqualTo(new CaseExport.Period(LocalDate.of(2023, 3, 31), LocalDate.of(2024, 3, 31)));

    // these cases are from 2024: not in the default export, in one that asks for their period
    assertThat(get("/api/reports/cases.csv").getBody()).doesNotContain(prefix);
    ResponseEntity<String> asked = get("/api/reports/cases.csv?from=2024-01-01&to=2024-03-31");
    assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(asked.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(asked.getHeaders().getFirst("Content-Disposition")).contains("cases.csv");
    assertThat(asked.getBody())
        .isEqualTo(casesAsTheWholeListSaid(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)))
        .contains("\"" + prefix + "13\"");
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefusedInJapanese() {
    ResponseEntity<String> refused = get("/api/reports/cases.csv?from=2024-03-01&to=2024-01-01");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("期間の終わり");

    ResponseEntity<String> unreadable = get("/api/reports/cases.csv?from=2024-13-01");
    assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // a message a person can act on, not the framework's conversion error
    assertThat(unreadable.getBody())
        .containsPattern("[\\u3040-\\u30ff]")
        .doesNotContain("Exception", "java.", "LocalDate");
    // written the way people write a date: how to write it instead
    for (String date : List.of("2025/1/2", "令和7年1月2日")) {
      ResponseEntity<String> other = get("/api/reports/cases.csv?to=" + date);
      assertThat(other.getStatusCode()).as(date).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(other.getBody()).contains("to の日付", "2025-01-02");
    }
  }

  @Test
  void aStreamedDocumentIsTheSameAsOneWrittenWhole() throws Exception {
    List<String> header = List.of("a", "b", "c");
    List<List<?>> rows =
        List.of(
            List.of("plain", "with \"quotes\", and comma", "=SUM(A1)"),
            java.util.Arrays.asList("line\r\nbreak", "", null),
            List.of("日本語", "+81", 42));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Csv.Rows streamed = Csv.stream(header, out);
    for (List<?> row : rows) {
      streamed.row(row);
    }
    streamed.finish();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Csv.document(header, rows));
  }

  private ResponseEntity<String> get(String path) {
    return rest.withBasicAuth("supervisor", "supervisor").getForEntity(path, String.class);
  }

  private String casesCsv(CaseExport.Period period) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write(period, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  // --- the former computations, over every row in memory (ReportController before issue 21) ---

  private String visitBarriersCountedOverEveryVisit() {
    Set<String> consented =
        summaries.all().stream()
            .filter(CaseSummary::consentStatistics)
            .map(CaseSummary::caseNumber)
            .collect(Collectors.toSet());
    consented.removeAll(jp.bansou.person.RestrictedCases.all(jdbc));
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
    return Csv.document(header, rows);
  }

  @Test
  void theQuestionsAreEveryKeyARealCaseAnsweredAndNoTrialCasesOwn() {
    String trial = prefix + "trial";
    String onlyTrial = "exqTrialOnly" + prefix.substring(6, 12);
    jdbc.update(
        "insert into trial_case (business_key, process_instance_id, recorded_at)"
            + " values (?, 'pi-trial', current_timestamp)",
        trial);
    jdbc.update(
        "insert into case_statistic (case_number, field_key, categories, recorded_at)"
            + " values (?, ?, 'yes', current_timestamp)",
        trial,
        onlyTrial);
    try {
      List<String> everyKey =
          jdbc.queryForList(
              "select distinct field_key from case_statistic where case_number not in"
                  + " (select business_key from trial_case)",
              String.class);

      assertThat(statistics.keys())
          .containsExactlyElementsOf(new java.util.TreeSet<>(everyKey))
          .contains("exqAnswer")
          .doesNotContain(onlyTrial);
    } finally {
      jdbc.update("delete from case_statistic where case_number = ?", trial);
      jdbc.update("delete from trial_case where business_key = ?", trial);
    }
  }

  /** The former cases.csv over every case, restricted to cases opened in the period. */
  private String casesAsTheWholeListSaid(LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay(EngineClock.JAPAN).toInstant();
    Instant end = to == null ? null : to.plusDays(1).atStartOfDay(EngineClock.JAPAN).toInstant();
    var restricted = jp.bansou.person.RestrictedCases.all(jdbc);
    List<CaseSummary> shown =
        summaries.all().stream()
            .filter(CaseSummary::consentStatistics)
            .filter(c -> !restricted.contains(c.caseNumber()))
            .filter(
                c -> !c.openedAt().isBefore(start) && (end == null || c.openedAt().isBefore(end)))
            .toList();
    Function<CaseSummary, String> prefecture = SmallCells.column(shown, c -> one(c.prefecture()));
    Function<CaseSummary, String> status = SmallCells.column(shown, c -> one(c.statusCategory()));
    Function<CaseSummary, String> nationality = SmallCells.column(shown, c -> one(c.nationality()));
    Function<CaseSummary, String> languages = SmallCells.column(shown, CaseSummary::languages);
    Function<CaseSummary, String> problems = SmallCells.column(shown, CaseSummary::problemFields);
    Function<CaseSummary, String> tracks = SmallCells.column(shown, CaseSummary::tracks);
    Function<CaseSummary, String> outcome = SmallCells.column(shown, c -> one(c.outcome()));
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
    List<String> header = new ArrayList<>(CaseExport.HEADER);
    questions.forEach(key -> header.add("form_" + key));
    return Csv.document(header, rows);
  }

  private static List<String> one(String code) {
    return code == null ? List.of() : List.of(code);
  }

  private static String shown(long count) {
    Long shown = SmallCells.count(count);
    return shown == null ? SmallCells.HIDDEN : shown.toString();
  }

  private static String day(Instant at) {
    return at == null ? "" : LocalDate.ofInstant(at, EngineClock.JAPAN).toString();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
