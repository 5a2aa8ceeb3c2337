package jp.bansou.deployment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the running system uses: for every process, decision table and form, the file its newest
 * version came from, and the deployment that brought it. {@link #files()} is the live model set as
 * {@code processes/…} and {@code forms/…}, whoever deployed it (start-up or Camunda Modeler), to be
 * committed to the repository.
 */
@Component
public class LiveModels {

  /** Where the newest version of a process, table or form lives. */
  public record Live(String deploymentId, String resourceName, String source, Date deployedAt) {

    /** Deployed by start-up from {@code processes/} and {@code forms/}, not by a person. */
    public boolean fromStartup() {
      return ModelDeployer.DEPLOYMENT_SOURCE.equals(source);
    }
  }

  public enum Kind {
    PROCESS,
    DECISION,
    FORM
  }

  private final ProcessEngine engine;
  private final RepositoryService repositoryService;
  private final JdbcTemplate jdbc;

  public LiveModels(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.repositoryService = engine.getRepositoryService();
    this.jdbc = jdbc;
  }

  /** Where the newest definition of this key came from, or null when none is deployed. */
  public Live live(Kind kind, String key) {
    String deploymentId;
    String resourceName;
    switch (kind) {
      case PROCESS -> {
        ProcessDefinition definition =
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .withoutTenantId()
                .latestVersion()
                .singleResult();
        if (definition == null) {
          return null;
        }
        deploymentId = definition.getDeploymentId();
        resourceName = definition.getResourceName();
      }
      case DECISION -> {
        DecisionDefinition definition =
            repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .withoutTenantId()
                .latestVersion()
                .singleResult();
        if (definition == null) {
          return null;
        }
        deploymentId = definition.getDeploymentId();
        resourceName = definition.getResourceName();
      }
      default -> {
        CamundaFormDefinitionEntity form = latestForm(key);
        if (form == null) {
          return null;
        }
        deploymentId = form.getDeploymentId();
        resourceName = form.getResourceName();
      }
    }
    Deployment deployment =
        repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    return new Live(
        deploymentId, resourceName, deployment.getSource(), deployment.getDeploymentTime());
  }

  /** The content of a live file. */
  public byte[] content(Live live) {
    try (InputStream in =
        repositoryService.getResourceAsStream(live.deploymentId(), live.resourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The live model set: each file that holds the newest version of some process, decision or form,
   * under {@code processes/} or {@code forms/} by its file name (Camunda Modeler deploys bare
   * names), the newest when two files would have the same name.
   */
  public Map<String, byte[]> files() {
    Map<String, Live> byPath = new TreeMap<>();
    List<Live> all = new ArrayList<>();
    for (ProcessDefinition definition :
        repositoryService.createProcessDefinitionQuery().withoutTenantId().latestVersion().list()) {
      all.add(live(Kind.PROCESS, definition.getKey()));
    }
    for (DecisionDefinition definition :
        repositoryService
            .createDecisionDefinitionQuery()
            .withoutTenantId()
            .latestVersion()
            .list()) {
      all.add(live(Kind.DECISION, definition.getKey()));
    }
    for (String key : formKeys()) {
      all.add(live(Kind.FORM, key));
    }
    for (Live live : all) {
      if (live == null) {
        continue;
      }
      String path = repositoryPath(live.resourceName());
      Live other = byPath.get(path);
      if (other == null || other.deployedAt().before(live.deployedAt())) {
        byPath.put(path, live);
      }
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    byPath.forEach((path, live) -> files.put(path, content(live)));
    return files;
  }

  /** The live model set as a zip whose folders are {@code processes/} and {@code forms/}. */
  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files().entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes the live model set into {@code processes/} and {@code forms/} under {@code base}; the
   * paths written.
   */
  public List<String> writeTo(Path base) {
    Path root = base.toAbsolutePath().normalize();
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : files().entrySet()) {
      Path target = root.resolve(file.getKey()).normalize();
      if (!target.startsWith(root.resolve("processes"))
          && !target.startsWith(root.resolve("forms"))) {
        continue;
      }
      try {
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      written.add(file.getKey());
    }
    return written;
  }

  /** {@code processes/x.bpmn} or {@code forms/x.form} for a deployed resource name. */
  static String repositoryPath(String resourceName) {
    String name = resourceName.replace('\\', '/');
    boolean plain = !name.contains("..") && !name.contains("//") && !name.contains(":");
    if (plain && (name.startsWith("processes/") || name.startsWith("forms/"))) {
      return name;
    }
    String bare = name.substring(name.lastIndexOf('/') + 1);
    if (bare.isBlank() || bare.startsWith(".")) {
      bare = "unnamed-" + Integer.toHexString(name.hashCode()) + bare.replace(".", "_");
    }
    return (bare.endsWith(".form") ? "forms/" : "processes/") + bare;
  }

  private CamundaFormDefinitionEntity latestForm(String key) {
    return configuration()
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                context
                    .getCamundaFormDefinitionManager()
                    .findLatestDefinitionByKeyAndTenantId(key, null));
  }

  private List<String> formKeys() {
    return jdbc.queryForList("select distinct KEY_ from ACT_RE_CAMFORMDEF", String.class);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
