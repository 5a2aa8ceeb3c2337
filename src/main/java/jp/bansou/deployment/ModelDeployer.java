package jp.bansou.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.StartupStep;
import jp.bansou.modelsafety.ReferenceCheckDeployer.Contents;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings what changed in {@code processes/} and {@code forms/} into the running system at start-up,
 * as one deployment named {@code bansou-models} — and never rolls back a modeller's live change.
 *
 * <p>For each file it compares three versions: the repository's, the one start-up last took in
 * (table {@code model_baseline}, with when) and the live one (the file the newest version of its
 * process, table or form came from). A file that differs from the live one is deployed, unless the
 * live version came from a person (Camunda Modeler) after start-up last took the file in: then the
 * live version stays, and the log says so and how to export it ({@code GET /api/models/live.zip}) —
 * as a warning when the repository's file changed too. Once the exported file is committed,
 * start-up takes it in and later repository changes deploy again. {@code
 * bansou.models.repository-wins=true} deploys the repository's version over it on purpose.
 * Restarting an unchanged checkout deploys nothing.
 */
@Component
public class ModelDeployer implements StartupStep {

  public static final String DEPLOYMENT_NAME = "bansou-models";
  public static final String DEPLOYMENT_SOURCE = "bansou-startup";

  static final List<String> PATTERNS =
      List.of("processes/**/*.bpmn", "processes/**/*.dmn", "forms/**/*.form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;
  private final LiveModels liveModels;
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final Path base;
  private final boolean repositoryWins;
  private DeploymentWithDefinitions deploymentOfThisStart;
  private List<String> keptLive = List.of();

  public ModelDeployer(
      RepositoryService repositoryService,
      LiveModels liveModels,
      JdbcTemplate jdbc,
      EngineClock clock,
      @Value("${bansou.models.dir:}") String modelsDir,
      @Value("${bansou.models.repository-wins:false}") boolean repositoryWins) {
    this.repositoryService = repositoryService;
    this.liveModels = liveModels;
    this.jdbc = jdbc;
    this.clock = clock;
    this.base = Path.of(modelsDir.isBlank() ? "." : modelsDir);
    this.repositoryWins = repositoryWins;
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

  /** The repository files whose live version, changed by a person, this start kept. */
  public List<String> keptLive() {
    return keptLive;
  }

  /** Deploys what changed; the deployment made, or null when nothing had changed. */
  public DeploymentWithDefinitions deploy() {
    List<ModelFile> files = findModelFiles(base);
    Map<String, Baseline> baselines = baselines();
    List<ModelFile> toDeploy = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    List<ModelFile> adopted = new ArrayList<>();
    for (ModelFile file : files) {
      String hash = file.sha256();
      Baseline baseline = baselines.get(file.name());
      LiveModels.Live live = live(file);
      if (live == null) {
        toDeploy.add(file);
      } else if (Arrays.equals(liveModels.content(live), file.bytes())) {
        if (baseline == null || !hash.equals(baseline.sha256())) {
          adopted.add(file);
        }
      } else if (live.fromStartup() || repositoryWins) {
        toDeploy.add(file);
      } else if (baseline != null
          && !live.deployedAt().toInstant().isAfter(baseline.recordedAt())) {
        // the modeller's version was taken into the repository since; the repository moved on
        toDeploy.add(file);
      } else if (baseline != null && hash.equals(baseline.sha256())) {
        kept.add(describe(file, live));
      } else {
        conflicts.add(describe(file, live));
      }
    }
    keptLive = new ArrayList<>(kept);
    keptLive.addAll(conflicts);
    if (!kept.isEmpty()) {
      LOG.info(
          "Models: {} file(s) were changed live by a modeller since the repository's version and"
              + " stay as they are live: {}. To keep the repository in step, download the live set"
              + " (GET /api/models/live.zip as an administrator or modeller, or POST"
              + " /api/models/export on a server running from a checkout), put it into"
              + " processes/ and forms/ and commit it.",
          kept.size(),
          String.join("; ", kept));
    }
    if (!conflicts.isEmpty()) {
      LOG.warn(
          "Models: {} file(s) changed both in the repository and live (by a modeller) since the"
              + " last start; the LIVE version is kept and the repository's is NOT deployed: {}."
              + " Export the live set (GET /api/models/live.zip), merge it with the"
              + " repository, commit, and deploy the merged files from Camunda Modeler; or start"
              + " once with BANSOU_MODELS_REPOSITORY_WINS=true to deploy the repository's version"
              + " over the live one on purpose.",
          conflicts.size(),
          String.join("; ", conflicts));
    }
    DeploymentWithDefinitions result = null;
    if (!toDeploy.isEmpty()) {
      DeploymentBuilder builder =
          repositoryService.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_SOURCE);
      for (ModelFile file : toDeploy) {
        builder.addInputStream(file.name(), file.content());
      }
      result = builder.deployWithResult();
    }
    for (ModelFile file : toDeploy) {
      remember(file);
    }
    for (ModelFile file : adopted) {
      remember(file);
    }
    LOG.info(
        "Models: {} files in processes/ and forms/, {}.",
        files.size(),
        result == null ? "nothing to deploy" : toDeploy.size() + " deployed as " + result.getId());
    return result;
  }

  private LiveModels.Live live(ModelFile file) {
    Contents contents = Contents.of(file.name(), file.bytes());
    for (String key : contents.processes()) {
      return liveModels.live(LiveModels.Kind.PROCESS, key);
    }
    for (String key : contents.decisions()) {
      return liveModels.live(LiveModels.Kind.DECISION, key);
    }
    for (String key : contents.forms()) {
      return liveModels.live(LiveModels.Kind.FORM, key);
    }
    return null;
  }

  private static String describe(ModelFile file, LiveModels.Live live) {
    return file.name()
        + " (live: "
        + live.resourceName()
        + " from "
        + (live.source() == null ? "a deployment" : live.source())
        + " "
        + live.deploymentId()
        + " of "
        + live.deployedAt().toInstant()
        + ")";
  }

  /** The version of a repository file start-up last took in, and when. */
  record Baseline(String sha256, Instant recordedAt) {}

  private Map<String, Baseline> baselines() {
    Map<String, Baseline> baselines = new HashMap<>();
    jdbc.query(
        "select resource_name, sha256, recorded_at from model_baseline",
        row -> {
          baselines.put(
              row.getString(1), new Baseline(row.getString(2), row.getTimestamp(3).toInstant()));
        });
    return baselines;
  }

  private void remember(ModelFile file) {
    jdbc.update("delete from model_baseline where resource_name = ?", file.name());
    jdbc.update(
        "insert into model_baseline (resource_name, sha256, recorded_at) values (?, ?, ?)",
        file.name(),
        file.sha256(),
        Timestamp.from(clock.instant()));
  }

  /**
   * From {@code processes/} and {@code forms/} under the working directory (or {@code
   * bansou.models.dir}) when they are there (a checkout, so that a file deleted there is gone),
   * otherwise from the classpath (the jar). A checkout with {@code processes/} but no {@code
   * forms/} is refused: every user task's form would be missing.
   */
  static List<ModelFile> findModelFiles(Path base) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    boolean checkout = Files.isDirectory(base.resolve("processes"));
    if (checkout && !Files.isDirectory(base.resolve("forms"))) {
      throw new IllegalStateException(
          "processes/ is in "
              + base.toAbsolutePath().normalize()
              + " but forms/ is not: start from a complete checkout (processes/ and forms/"
              + " together), or from a directory with neither to use the models in the jar."
              + " processes/ があるのに forms/ がありません。両方をそろえてから起動してください。");
    }
    String prefix = checkout ? base.toAbsolutePath().normalize().toUri().toString() : "classpath*:";
    List<ModelFile> files = new ArrayList<>();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(prefix + pattern)) {
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

    String sha256() {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
