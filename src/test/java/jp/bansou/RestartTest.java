package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import jp.bansou.deployment.ModelDeployer;
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

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(BansouApplication.class)
        .profiles("test")
        .run(
            "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("bansou").toAbsolutePath(),
            "--server.port=0",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            // the webapps keep their state in static fields, which closing this context would
            // clear under the shared test context's webapps
            "--camunda.bpm.webapp.enabled=false");
  }
}
