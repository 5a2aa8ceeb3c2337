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

      assertThat(cases).hasSize(jp.bansou.reference.CsvRows.read(DemoCases.ROWS).size());
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
    }
  }
}
