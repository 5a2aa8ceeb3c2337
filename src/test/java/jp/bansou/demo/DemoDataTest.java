package jp.bansou.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import jp.bansou.BansouApplication;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Demo mode's first start: fictional cases at every stage, across prefectures and weeks. */
class DemoDataTest {

  @Test
  void demoModeSeedsCasesAtEveryStage() {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(BansouApplication.class)
            .profiles("test")
            .run(
                "--server.port=0",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                // the webapps keep their state in static fields, which closing this context would
                // clear under the shared test context's webapps
                "--camunda.bpm.webapp.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:bansou-demo-data;DB_CLOSE_DELAY=-1",
                "--bansou.demo-data=true")) {
      var cases = app.getBean(CaseSummaries.class).all();
      TaskService tasks = app.getBean(TaskService.class);

      long walkInCases =
          jp.bansou.reference.CsvRows.read(DemoConsultationEvents.WALK_INS).stream()
              .filter(w -> "case".equals(w.get("follow_up")))
              .count();
      // the demo cases, and those the demo 相談会's walk-ins opened
      assertThat(cases)
          .hasSize(jp.bansou.reference.CsvRows.read(DemoCases.ROWS).size() + (int) walkInCases);
      assertThat(cases.stream().map(CaseSummary::prefecture).collect(Collectors.toSet()))
          .hasSizeGreaterThan(10);
      assertThat(cases.stream().filter(c -> c.closedAt() != null).count()).isGreaterThan(5);
      Set<String> waitingAt =
          tasks.createTaskQuery().processDefinitionKey("accompaniment-case").list().stream()
              .map(t -> t.getTaskDefinitionKey())
              .collect(Collectors.toSet());
      assertThat(waitingAt)
          .contains("reviewTriage", "confirmCompanion", "offerCase", "approveClosure");
      assertThat(tasks.createTaskQuery().processDefinitionKey("office-accompaniment").count())
          .isPositive();
      assertThat(
              cases.stream().mapToLong(c -> c.openedAt().toEpochMilli()).max().getAsLong()
                  - cases.stream().mapToLong(c -> c.openedAt().toEpochMilli()).min().getAsLong())
          .as("spread over weeks")
          .isGreaterThan(1000L * 60 * 60 * 24 * 60);
      assertThat(cases).allSatisfy(c -> assertThat(c.caseNumber()).matches("\\d{4}-\\d{6}"));

      // a 相談会 held and reported today, its walk-ins' cases opened; another being staffed
      var events =
          app.getBean(jp.bansou.outreach.ConsultationEvents.class)
              .since(java.time.LocalDate.of(2000, 1, 1));
      assertThat(events)
          .extracting(jp.bansou.outreach.ConsultationEvents.Event::status)
          .containsExactly("reported", "planned");
      assertThat(cases.stream().filter(c -> c.languages().contains("vi")).count())
          .isGreaterThanOrEqualTo(3);
      assertThat(tasks.createTaskQuery().taskDefinitionKey("offerEventDuty").count()).isPositive();

      // a course series of the nine sessions, two held, registration open
      var course = app.getBean(jp.bansou.course.CourseRecords.class);
      assertThat(course.seriesCount()).isEqualTo(1);
      var sessions = course.sessions(1);
      assertThat(sessions).hasSize(9);
      assertThat(sessions.stream().filter(s -> s.held()).count()).isEqualTo(2);
      assertThat(tasks.createTaskQuery().taskDefinitionKey("registerCourseApplicant").count())
          .isEqualTo(1);

      // the fund: budgets, one application paid, one at the review, one emergency at its second
      var ledger = app.getBean(jp.bansou.fund.FundLedger.class).since("2000-01");
      assertThat(ledger).hasSize(8);
      assertThat(ledger.stream().mapToLong(jp.bansou.fund.FundLedger.Row::paidYen).sum())
          .isEqualTo(60_000);
      assertThat(tasks.createTaskQuery().taskDefinitionKey("reviewAidApplication").count())
          .isEqualTo(1);
      assertThat(tasks.createTaskQuery().taskDefinitionKey("approveEmergencyAid").count())
          .isEqualTo(1);

      // the next start finds cases there and seeds none
      assertThat(app.getBean(CaseSummaries.class).any()).isTrue();
      app.getBean(DemoCases.class).run();
      assertThat(app.getBean(CaseSummaries.class).all()).hasSameSizeAs(cases);
    }
  }
}
