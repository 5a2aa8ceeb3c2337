package jp.bansou.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.deployment.Modeler;
import jp.bansou.forms.FormSchema;
import jp.bansou.person.CaseVisibility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, part 4 — reports follow the forms: a modeller adds a question to the intake form and
 * one to the triage form, marks each as a statistic (custom property {@code statistic = true}) and
 * deploys them; the answers reach {@code cases.csv} as one column per question, categories only,
 * small counts hidden. A typed answer marked as a statistic never does.
 */
@CaseEngineTest
class FormStatisticsTest {

  static final String INTAKE_QUESTIONS =
      """
      {"type": "radio", "id": "Field_supportBefore", "key": "supportBefore",
       "label": "以前に支援を受けたことがありますか",
       "values": [{"label": "はい", "value": "yes"}, {"label": "いいえ", "value": "no"}],
       "properties": {"statistic": "true"}},
      {"type": "textfield", "id": "Field_supportBeforeNote", "key": "supportBeforeNote",
       "label": "どこで", "properties": {"statistic": "true"}},
      """;

  static final String TRIAGE_QUESTION =
      """
      {"type": "select", "id": "Field_firstContact", "key": "firstContact",
       "label": "最初の連絡の方法",
       "values": [{"label": "電話", "value": "phone"}, {"label": "来所", "value": "visit"}],
       "properties": {"statistic": "true"}},
      """;

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired FormStatistics statistics;
  @Autowired CaseVisibility visibility;

  String deploymentName = "statistics-" + UUID.randomUUID();

  @AfterEach
  void removeWhatWasDeployed() {
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
    jdbc.update(
        "delete from case_statistic where field_key in"
            + " ('supportBefore', 'supportBeforeNote', 'firstContact')");
    // and from the column the export reads, as V97_1 builds it from case_statistic (H2)
    jdbc.update(
        "update case_summary s set answers = (select listagg(c.field_key || char(9) ||"
            + " c.categories, char(10)) within group (order by c.field_key) from case_statistic c"
            + " where c.case_number = s.case_number) where s.answers like '%supportBefore%'"
            + " or s.answers like '%firstContact%'");
    jdbc.update(
        "delete from case_statistic_tally where field_key in ('supportBefore', 'firstContact')");
    jdbc.update(
        "delete from case_statistic_question where field_key in ('supportBefore', 'firstContact')");
  }

  @Test
  void markedQuestionsReachTheExportAsCategories() {
    deployWithQuestions("case-intake.form", "review-triage.form");

    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ProcessInstance pi =
          CaseDriver.start(
              engine,
              Intake.person()
                  .with("supportBefore", "yes")
                  .with("supportBeforeNote", "新宿の秘密の団体" + i));
      CaseDriver.complete(
          engine,
          pi,
          "reviewTriage",
          "coordinator",
          Map.of("firstContact", i < 2 ? "phone" : "visit"));
      cases.add(pi.getBusinessKey());
    }

    String csv =
        rest.withBasicAuth("supervisor", "supervisor")
            .getForEntity("/api/reports/cases.csv", String.class)
            .getBody();

    List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
    assertThat(header).contains("\"form_supportBefore\"", "\"form_firstContact\"");
    assertThat(header).doesNotContain("\"form_supportBeforeNote\"");
    assertThat(csv).doesNotContain("秘密");
    int supportBefore = header.indexOf("\"form_supportBefore\"");
    int firstContact = header.indexOf("\"form_firstContact\"");
    for (String caseNumber : cases) {
      String row =
          csv.lines().filter(l -> l.startsWith("\"" + caseNumber + "\"")).findFirst().orElseThrow();
      List<String> cells = List.of(row.split(",", -1));
      assertThat(cells.get(supportBefore)).isEqualTo("\"yes\"");
      // two said phone, one visit: a category fewer than three share is hidden
      assertThat(cells.get(firstContact)).isEqualTo("\"*\"");
    }
  }

  @Test
  void markedQuestionsReachTheDashboardCountedOnlyWithConsentAndNotRestricted() {
    deployWithQuestions("case-intake.form");
    for (int i = 0; i < 3; i++) {
      CaseDriver.start(engine, Intake.person().with("supportBefore", "no"));
    }
    for (int i = 0; i < 2; i++) {
      CaseDriver.start(engine, Intake.person().with("supportBefore", "yes"));
    }
    // no consent to statistics, and a restricted (DV) case: neither is counted
    CaseDriver.start(
        engine, Intake.person().with("supportBefore", "no").with("consentStatistics", false));
    CaseDriver.start(
        engine, Intake.person().with("supportBefore", "no").with("restrictCase", true));

    Map<String, Object> question = dashboardQuestion("supportBefore");
    assertThat(question.get("label")).isEqualTo("以前に支援を受けたことがありますか");
    assertThat(question.get("answers"))
        .asList()
        .containsExactly(
            // two cases answered yes: fewer than three are not shown
            mapWithNullCases("yes", "はい"), Map.of("code", "no", "label", "いいえ", "cases", 3));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_statistic where field_key = 'supportBefore'",
                Integer.class))
        .as("every answer is kept for the export, counted or not")
        .isEqualTo(7);
    assertThat(talliesByKeyAndCategory()).isEqualTo(countedOverRows());
    // the intake form's own marked checkbox: yes first, in words
    assertThat(dashboardQuestion("interpreterNeeded").get("answers"))
        .asList()
        .extracting("label")
        .containsExactly("はい", "いいえ");
  }

  @Test
  void aCaseRestrictedLaterIsTakenOutOfTheCountsAtOnce() {
    deployWithQuestions("case-intake.form");
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cases.add(
          CaseDriver.start(engine, Intake.person().with("supportBefore", "no")).getBusinessKey());
    }
    assertThat(tally("supportBefore", "no")).isEqualTo(4);

    visibility.restrict(cases.get(0), "coordinator");

    assertThat(tally("supportBefore", "no")).isEqualTo(3);
    assertThat(talliesByKeyAndCategory()).isEqualTo(countedOverRows());
    // an answer it gives later is kept for nobody's count either
    statistics.record(
        cases.get(0),
        FormSchema.parse(withQuestions("forms/case-intake.form", INTAKE_QUESTIONS)),
        Map.of("supportBefore", "yes"));
    assertThat(tally("supportBefore", "yes")).isZero();
    assertThat(talliesByKeyAndCategory()).isEqualTo(countedOverRows());
  }

  @Test
  void aNewlyDeployedFormVersionCountsFromTheNextCompletion() {
    // the live triage form, read (and kept parsed) by a completion before the new version exists
    ProcessInstance before = CaseDriver.start(engine, Intake.person());
    CaseDriver.complete(engine, before, "reviewTriage", "coordinator", Map.of());

    deployWithQuestions("review-triage.form");
    ProcessInstance after = CaseDriver.start(engine, Intake.person());
    CaseDriver.complete(
        engine, after, "reviewTriage", "coordinator", Map.of("firstContact", "phone"));

    assertThat(
            jdbc.queryForList(
                "select categories from case_statistic where case_number = ? and field_key ="
                    + " 'firstContact'",
                String.class,
                after.getBusinessKey()))
        .containsExactly("phone");
  }

  @Test
  void aChangedAnswerTakesBackWhatTheEarlierOneAdded() {
    deployWithQuestions("review-triage.form");
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    String caseNumber = pi.getBusinessKey();
    FormSchema form = FormSchema.parse(withQuestions("forms/review-triage.form", TRIAGE_QUESTION));

    statistics.record(caseNumber, form, Map.of("firstContact", "phone"));
    statistics.record(caseNumber, form, Map.of("firstContact", "visit"));
    statistics.record(caseNumber, form, Map.of("firstContact", "visit"));

    assertThat(tally("firstContact", "phone")).isZero();
    assertThat(tally("firstContact", "visit")).isEqualTo(1);
    assertThat(talliesByKeyAndCategory()).isEqualTo(countedOverRows());
    // what cases.csv reads beside the case's categories says the same as the answers kept
    assertThat(besideSummary(caseNumber))
        .isEqualTo(statistics.byCase().get(caseNumber))
        .containsEntry("firstContact", List.of("visit"));
  }

  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  @Test
  void twoTasksOfACaseAnsweringAtOnceBothReachTheColumnTheExportReads() throws Exception {
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    String caseNumber = pi.getBusinessKey();
    FormSchema triage =
        FormSchema.parse(withQuestions("forms/review-triage.form", TRIAGE_QUESTION));
    FormSchema intake = FormSchema.parse(withQuestions("forms/case-intake.form", ""));
    var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);

    // one task's answer recorded and not yet committed ...
    var first =
        java.util.concurrent.CompletableFuture.runAsync(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      statistics.record(caseNumber, triage, Map.of("firstContact", "visit"));
                      recorded.countDown();
                      try {
                        commit.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    recorded.await();
    // ... while another task of the case records its own
    var second =
        java.util.concurrent.CompletableFuture.runAsync(
            () ->
                transaction.executeWithoutResult(
                    status ->
                        statistics.record(caseNumber, intake, Map.of("interpreterNeeded", false))));
    waitUntilAnotherWaitsForALock();
    commit.countDown();
    first.get();
    second.get();

    assertThat(besideSummary(caseNumber))
        .isEqualTo(statistics.byCase().get(caseNumber))
        .containsEntry("firstContact", List.of("visit"))
        .containsEntry("interpreterNeeded", List.of("false"));
  }

  @Test
  void aCodeKeptBeforeWhitespaceWasRefusedForgesNoLineInTheColumn() {
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    String caseNumber = pi.getBusinessKey();
    // an answer recorded before codes with a tab or line break were left out
    jdbc.update(
        "insert into case_statistic (case_number, field_key, categories, recorded_at)"
            + " values (?, 'supportBefore', ?, current_timestamp)",
        caseNumber,
        "self\nreferredBy\tself");
    FormSchema triage =
        FormSchema.parse(withQuestions("forms/review-triage.form", TRIAGE_QUESTION));

    statistics.record(caseNumber, triage, Map.of("firstContact", "phone"));

    assertThat(besideSummary(caseNumber))
        .containsEntry("firstContact", List.of("phone"))
        .containsEntry("referredBy", List.of("consultation-event"))
        .containsEntry("supportBefore", List.of());
  }

  /** The case's answers as cases.csv reads them, beside its categories. */
  private Map<String, List<String>> besideSummary(String caseNumber) {
    return FormStatistics.answers(
        jdbc.queryForObject(
            "select answers from case_summary where case_number = ?", String.class, caseNumber));
  }

  /** H2 names the session another blocks, as the second transaction waits for the first. */
  private void waitUntilAnotherWaitsForALock() throws Exception {
    long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      Integer waiting =
          jdbc.queryForObject(
              "select count(*) from information_schema.sessions where blocker_id is not null",
              Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the second answer never waited for the first");
  }

  @Test
  void anAnswerKeepsNoMoreThanItsColumnsHold() {
    List<String> options = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      options.add("option-" + String.format("%03d", i));
    }
    String tooLong = "x".repeat(FormStatistics.MAX_CODE + 1);
    List<String> offered = new ArrayList<>(options);
    offered.add(tooLong);
    // a modeller's option code that would forge another question's line in case_summary.answers
    String forging = "self\nreferredBy\tconsultation-event";
    String tabbed = "self\tx";
    offered.add(0, forging);
    offered.add(1, tabbed);
    FormSchema.FormField checklist =
        new FormSchema.FormField(
            "f",
            "f",
            "checklist",
            "f",
            false,
            null,
            null,
            null,
            null,
            null,
            offered,
            null,
            false,
            false,
            null,
            null,
            true,
            Map.of());

    List<String> kept = FormStatistics.categories(checklist, offered);

    assertThat(String.join(" ", kept)).hasSizeLessThanOrEqualTo(FormStatistics.MAX_CODES);
    assertThat(kept)
        .isNotEmpty()
        .doesNotContain(tooLong, forging, tabbed)
        .allMatch(options::contains);
  }

  /**
   * Deploys these live forms as a modeller would from Camunda Modeler, each with its marked
   * questions: the intake form with {@link #INTAKE_QUESTIONS}, the triage form with {@link
   * #TRIAGE_QUESTION}.
   */
  private void deployWithQuestions(String... forms) {
    List<String> files = new ArrayList<>();
    for (String form : forms) {
      files.add(form);
      files.add(
          withQuestions(
              "forms/" + form,
              form.equals("case-intake.form") ? INTAKE_QUESTIONS : TRIAGE_QUESTION));
    }
    var answer =
        new Modeler(rest.getRootUri(), "modeller")
            .deploy(deploymentName, Modeler.files(files.toArray(String[]::new)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  /** What the dashboard reads, over every question of every case in the database. */
  private Map<String, Long> talliesByKeyAndCategory() {
    Map<String, Long> tallies = new java.util.HashMap<>();
    jdbc.query(
        "select field_key, category, cases from case_statistic_tally where cases <> 0",
        rs -> {
          tallies.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
        });
    return tallies;
  }

  /** The same, counted over the kept answers. */
  private Map<String, Long> countedOverRows() {
    Map<String, Long> counts = new java.util.HashMap<>();
    jdbc.query(
        "select field_key, categories from case_statistic where counted",
        rs -> {
          for (String category : rs.getString(2).split(" ")) {
            if (!category.isEmpty()) {
              counts.merge(rs.getString(1) + "/" + category, 1L, Long::sum);
            }
          }
        });
    return counts;
  }

  private long tally(String key, String category) {
    return jdbc
        .queryForList(
            "select cases from case_statistic_tally where field_key = ? and category = ?",
            Long.class,
            key,
            category)
        .stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  private static Map<String, Object> mapWithNullCases(String code, String label) {
    Map<String, Object> answer = new java.util.HashMap<>();
    answer.put("code", code);
    answer.put("label", label);
    answer.put("cases", null);
    return answer;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> dashboardQuestion(String key) {
    Map<String, Object> dashboard =
        rest.withBasicAuth("supervisor", "supervisor").getForObject("/api/dashboard", Map.class);
    List<Map<String, Object>> questions =
        (List<Map<String, Object>>)
            ((Map<String, Object>) dashboard.get("sections")).get("formStatistics");
    return questions.stream().filter(q -> key.equals(q.get("key"))).findFirst().orElseThrow();
  }

  private static String withQuestions(String form, String questions) {
    String json = Modeler.file(form);
    return json.replaceFirst(
        "\"components\": \\[", "\"components\": [\n" + questions.replace("$", "\\$"));
  }
}
