package jp.bansou.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import jp.bansou.engine.Trial;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/** Trial copies of every model and form of the repository, deployed under the tenant trial. */
public final class TrialCopies {

  public static final String NAME = "trial-copies-of-everything";

  private TrialCopies() {}

  /** Deploys them; returns the deployment's id. */
  public static String deploy(RepositoryService repositoryService) {
    DeploymentBuilder deployment =
        repositoryService.createDeployment().name(NAME).tenantId(Trial.TENANT);
    for (String folder : new String[] {"processes", "forms"}) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files
            .filter(Files::isRegularFile)
            .sorted()
            .forEach(
                file -> {
                  try {
                    deployment.addString(file.getFileName().toString(), Files.readString(file));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return deployment.deploy().getId();
  }

  /** The keys of every process of the repository (file name = process key). */
  public static java.util.List<String> processKeys() {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".bpmn"))
          .map(n -> n.substring(0, n.length() - ".bpmn".length()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void remove(RepositoryService repositoryService, String deploymentId) {
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true, true, true);
    }
  }
}
