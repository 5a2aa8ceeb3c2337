package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import jp.bansou.deployment.LiveModels;
import jp.bansou.deployment.ModelDeployer;
import jp.bansou.person.IdentityFields;
import jp.bansou.statistics.StatisticForms;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class RestartTest {

  @TempDir Path dataDir;

  @Test
  void secondStartOnTheSameDatabaseCreatesNoNewDeployment() {
    long deploymentsAfterFirstStart;
    long definitionsAfterFirstStart;
    try (ConfigurableApplicationContext first = start()) {
      RepositoryService repository = first.getBean(RepositoryService.class);
      deploymentsAfterFirstStart = repository.createDeploymentQuery().count();
      definitionsAfterFirstStart = repository.createProcessDefinitionQuery().count();
      assertThat(first.getBean(ModelDeployer.class).deploymentOfThisStart()).isNotNull();
    }
    try (ConfigurableApplicationContext second = start()) {
      RepositoryService repository = second.getBean(RepositoryService.class);
      assertThat(second.getBean(ModelDeployer.class).deploymentOfThisStart()).isNull();
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsAfterFirstStart);
      assertThat(repository.createProcessDefinitionQuery().count())
          .isEqualTo(definitionsAfterFirstStart);
      assertThat(repository.createProcessDefinitionQuery().list())
          .allSatisfy(d -> assertThat(d.getVersion()).isEqualTo(1));
    }
  }

  /**
   * Issue 15, part 2: a modeller's live change survives a restart, from the same checkout and from
   * an older one; once exported and committed, the repository leads again.
   */
  @Test
  void aLiveChangeSurvivesARestartAndTheExportBringsItHome() throws IOException {
    Path checkout = dataDir.resolve("checkout");
    copy(Path.of("processes"), checkout.resolve("processes"));
    copy(Path.of("forms"), checkout.resolve("forms"));
    Path table = checkout.resolve("processes/emergency-aid-amount.dmn");
    String repositoryTable = Files.readString(table);

    try (ConfigurableApplicationContext first = start(checkout)) {
      assertThat(aidFor3(first)).isEqualTo(60_000);
      // the modeller changes the table live, as Camunda Modeler deploys it
      first
          .getBean(RepositoryService.class)
          .createDeployment()
          .name("緊急支援金の額")
          .source("Camunda Modeler")
          .addString(
              "emergency-aid-amount.dmn",
              repositoryTable.replace("<text>60000</text>", "<text>66000</text>"))
          .deploy();
      assertThat(aidFor3(first)).isEqualTo(66_000);
    }
    try (ConfigurableApplicationContext same = start(checkout)) {
      assertThat(same.getBean(ModelDeployer.class).deploymentOfThisStart()).isNull();
      assertThat(same.getBean(ModelDeployer.class).keptLive())
          .singleElement(STRING)
          .startsWith("processes/emergency-aid-amount.dmn");
      assertThat(aidFor3(same)).isEqualTo(66_000);
    }
    // an older checkout: the table differs again, and a form changed too
    Files.writeString(table, repositoryTable.replace("<text>60000</text>", "<text>55000</text>"));
    Path form = checkout.resolve("forms/review-aid-application.form");
    Files.writeString(form, Files.readString(form).replace("審査", "審査会"));
    try (ConfigurableApplicationContext older = start(checkout)) {
      ModelDeployer deployer = older.getBean(ModelDeployer.class);
      assertThat(
              older
                  .getBean(RepositoryService.class)
                  .getDeploymentResourceNames(deployer.deploymentOfThisStart().getId()))
          .containsExactly("forms/review-aid-application.form");
      assertThat(deployer.keptLive()).singleElement(STRING).contains("emergency-aid-amount.dmn");
      assertThat(aidFor3(older)).isEqualTo(66_000);
      // the live set goes into the checkout, to be committed
      older.getBean(LiveModels.class).writeTo(checkout);
    }
    assertThat(Files.readString(table)).contains("<text>66000</text>");
    assertThat(checkout.resolve("processes/emergency-aid-amount.dmn")).exists();
    try (ConfigurableApplicationContext exported = start(checkout)) {
      assertThat(exported.getBean(ModelDeployer.class).deploymentOfThisStart()).isNull();
      assertThat(exported.getBean(ModelDeployer.class).keptLive()).isEmpty();
    }
    // committed: from now on the repository leads again
    Files.writeString(table, repositoryTable.replace("<text>60000</text>", "<text>70000</text>"));
    try (ConfigurableApplicationContext later = start(checkout)) {
      assertThat(later.getBean(ModelDeployer.class).deploymentOfThisStart()).isNotNull();
      assertThat(aidFor3(later)).isEqualTo(70_000);
    }
  }

  /**
   * A field a modeller marks as the person's identity in a form deployed live is known from the
   * first moment of the next start, before anything uses the form again: its value is kept out of
   * history, and a model that writes it is refused. So is a question marked as a statistic.
   */
  @Test
  void anIdentityFieldOfALiveFormIsKnownRightAfterARestart() {
    String form =
        "{\"schemaVersion\": 16, \"type\": \"default\", \"id\": \"visit-card\","
            + " \"components\": [{\"type\": \"textfield\", \"key\": \"formerAddress\","
            + " \"label\": \"以前の住所\", \"properties\": {\"identity\": \"true\"}},"
            + " {\"type\": \"radio\", \"key\": \"visitedBefore\", \"label\": \"前にも来ましたか\","
            + " \"values\": [{\"label\": \"はい\", \"value\": \"yes\"}],"
            + " \"properties\": {\"statistic\": \"true\"}}]}";
    try (ConfigurableApplicationContext first = start()) {
      first
          .getBean(RepositoryService.class)
          .createDeployment()
          .name("訪問カード")
          .source("Camunda Modeler")
          .addString("visit-card.form", form)
          .deploy();
      assertThat(first.getBean(IdentityFields.class).contains("formerAddress")).isTrue();
    }
    try (ConfigurableApplicationContext next = start()) {
      assertThat(next.getBean(IdentityFields.class).contains("formerAddress")).isTrue();
      // and its statistic question is looked for when a task with this form is completed
      assertThat(next.getBean(StatisticForms.class).mayAsk("visit-card")).isTrue();
      assertThat(next.getBean(StatisticForms.class).mayAsk("offer-case")).isFalse();
    }
  }

  @Test
  void aCheckoutWithProcessesButNoFormsDoesNotStart() throws IOException {
    Path checkout = dataDir.resolve("half");
    copy(Path.of("processes"), checkout.resolve("processes"));
    assertThatThrownBy(() -> start(checkout).close())
        .hasStackTraceContaining("forms/ is not")
        .hasStackTraceContaining("forms/ がありません");
  }

  private static Object aidFor3(ConfigurableApplicationContext context) {
    return context
        .getBean(DecisionService.class)
        .evaluateDecisionTableByKey("emergency-aid-amount", Map.of("householdSize", 3))
        .getSingleResult()
        .getSingleEntry();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private ConfigurableApplicationContext start() {
    return start(null);
  }

  private ConfigurableApplicationContext start(Path checkout) {
    return new SpringApplicationBuilder(BansouApplication.class)
        .profiles("test")
        .run(
            "--bansou.models.dir=" + (checkout == null ? "" : checkout.toAbsolutePath()),
            "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("bansou").toAbsolutePath(),
            "--server.port=0",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            // the webapps keep their state in static fields, which closing this context would
            // clear under the shared test context's webapps
            "--camunda.bpm.webapp.enabled=false");
  }
}
