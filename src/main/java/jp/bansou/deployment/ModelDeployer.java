package jp.bansou.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.bansou.engine.StartupStep;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN and DMN model from {@code processes/} and every Camunda Form from {@code
 * forms/} as one deployment, so that a task's {@code formRefBinding="deployment"} finds its form.
 * Duplicate filtering makes a restart with unchanged files a no-op.
 */
@Component
public class ModelDeployer implements StartupStep {

  public static final String DEPLOYMENT_NAME = "bansou-models";
  public static final String DEPLOYMENT_SOURCE = "bansou-startup";

  static final List<String> PATTERNS =
      List.of("processes/**/*.bpmn", "processes/**/*.dmn", "forms/**/*.form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;
  private DeploymentWithDefinitions deploymentOfThisStart;

  public ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public String name() {
    return "models and forms deployed";
  }

  @Override
  public int getOrder() {
    return MODELS;
  }

  @Override
  public void run() {
    deploymentOfThisStart = deploy();
  }

  /** The deployment made at this start, or null when nothing had changed. */
  public DeploymentWithDefinitions deploymentOfThisStart() {
    return deploymentOfThisStart;
  }

  /** Deploys what changed; the deployment made, or null when nothing had changed. */
  public DeploymentWithDefinitions deploy() {
    List<ModelFile> files = findModelFiles();
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_SOURCE)
            // false: when one file changed, redeploy all, so forms and models stay together
            .enableDuplicateFiltering(false);
    for (ModelFile file : files) {
      builder.addInputStream(file.name(), file.content());
    }
    long before = countDeployments();
    DeploymentWithDefinitions result = builder.deployWithResult();
    boolean changed = countDeployments() > before;
    LOG.info(
        "Models: {} files from processes/ and forms/, {}.",
        files.size(),
        changed ? "deployed as " + result.getId() : "unchanged since the last start");
    return changed ? result : null;
  }

  private long countDeployments() {
    return repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
  }

  /**
   * From the working directory's {@code processes/} and {@code forms/} when they are there (a
   * checkout, so that a file deleted there is gone), otherwise from the classpath (the jar).
   */
  static List<ModelFile> findModelFiles() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    String base = Files.isDirectory(Path.of("processes")) ? "file:" : "classpath*:";
    List<ModelFile> files = new ArrayList<>();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(base + pattern)) {
          files.add(ModelFile.of(resource));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the models in processes/ and forms/", e);
    }
    files.sort(Comparator.comparing(ModelFile::name));
    return files;
  }

  /** A model file with its deployment resource name, e.g. {@code processes/x.bpmn}. */
  record ModelFile(String name, byte[] bytes) {

    static ModelFile of(Resource resource) throws IOException {
      String url = resource.getURL().toString();
      int folder = Math.max(url.lastIndexOf("/processes/"), url.lastIndexOf("/forms/"));
      String name = url.substring(folder + 1);
      try (InputStream in = resource.getInputStream()) {
        return new ModelFile(name, in.readAllBytes());
      }
    }

    InputStream content() {
      return new ByteArrayInputStream(bytes);
    }
  }
}
