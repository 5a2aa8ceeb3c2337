package jp.bansou.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import jp.bansou.BansouApplication;
import jp.bansou.casefile.Intake;
import jp.bansou.dashboard.DashboardService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the engine costs and how it grows. Not part of {@code ./mvnw verify}: run with {@code ./mvnw
 * -Pbench verify} (full, writes src/benchmark/RESULTS.md) or {@code ./mvnw -Pbench verify
 * -Dbench.quick=true} (under two minutes, writes target/benchmark/RESULTS-quick.md).
 */
class CaseEngineBenchmark {

  static final boolean QUICK = Boolean.getBoolean("bench.quick");
  static final int LIFECYCLES = QUICK ? 8 : 200;
  static final int OPEN_CASES = Integer.getInteger("bench.open", QUICK ? 100 : 2000);
  static final int[] CLOSED =
      Integer.getInteger("bench.closed") != null
          ? new int[] {Integer.getInteger("bench.closed")}
          : QUICK ? new int[] {500, 2000} : new int[] {10000, 100000};
  static final int SAMPLES = QUICK ? 10 : 40;

  final StringBuilder report = new StringBuilder();

  @Test
  void benchmark() throws Exception {
    header();
    section("Throughput: complete case lifecycles per second");
    report.append(
        "One lifecycle = intake → triage → one office accompaniment with an interpreter (plan,"
            + " interpreter accepts, schedule, outcome, fee approved) → closure with a policy flag →"
            + " the policy team files it: "
            + Lifecycle.TASKS.size()
            + " user tasks, each found by a"
            + " task query, claimed and completed with its form's variables, as Tasklist does."
            + " Baseline: a process with the same number of user tasks and no delegate, listener or"
            + " DMN, driven the same way, in the same JVM. History level FULL, job executor off.\n\n");
    report.append(
        "| database | threads | lifecycles | ours (lifecycles/s) | baseline (lifecycles/s) | ours / baseline time |\n");
    report.append("|---|---|---|---|---|---|\n");
    try (ConfigurableApplicationContext h2 = start("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", null)) {
      throughput("H2 (in memory)", h2);
    }
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
        ConfigurableApplicationContext pg =
            start(postgres.getJdbcUrl("postgres", "postgres"), "postgres")) {
      throughput("PostgreSQL 14 (embedded)", pg);
      scale(pg);
    }
    startup();
    section("Reading these numbers");
    report.append(
        "- The aim was our lifecycle within 1.3× of the baseline's time. Where the ratio is higher,"
            + " the difference is the work a case really does and the baseline does not: per lifecycle"
            + " about a dozen service tasks (case number, duplicate check, triage summary, companion and"
            + " interpreter matching, fee records, case summary, policy register), three DMN"
            + " evaluations, a call activity and a second process started by message, each written to"
            + " history at level FULL (every variable change kept as a detail).\n"
            + "- What would bring it closer: history level AUDIT instead of FULL (drops the per-change"
            + " details, at the price of Cockpit's variable history); fewer JSON-serialized list variables"
            + " (each is a byte array row); batching the matcher's per-companion caseload counts into one"
            + " grouped query. An async boundary would not raise throughput, only shorten what the user"
            + " waits for.\n"
            + "- The Tasklist group filter does not grow with closed cases (it reads only open tasks,"
            + " ACT_RU_TASK) but grows with open ones: a coordinator's group filter matches every case"
            + " waiting for triage. One case's history reads by indexed instance ids. The dashboard"
            + " reads case_summary (indexed on closed_at), the open tasks and the open cases' task"
            + " history.\n");
    Path out =
        QUICK ? Path.of("target/benchmark/RESULTS-quick.md") : Path.of("src/benchmark/RESULTS.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
    System.out.println(report);
  }

  // --- 1. throughput ---

  private void throughput(String database, ConfigurableApplicationContext app) throws Exception {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    String ours = latest(engine, "accompaniment-case");
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance("bench-baseline.bpmn", baseline())
        .deploy();
    String base = latest(engine, "bench-baseline");
    Lifecycle.run(engine, ours); // warm up both paths
    Baseline.run(engine, base);
    for (int threads : new int[] {1, 4}) {
      double oursPerSecond = rate(threads, () -> Lifecycle.run(engine, ours));
      double basePerSecond = rate(threads, () -> Baseline.run(engine, base));
      report.append(
          String.format(
              "| %s | %d | %d | %.1f | %.1f | %.2f× |%n",
              database,
              threads,
              LIFECYCLES,
              oursPerSecond,
              basePerSecond,
              basePerSecond / oursPerSecond));
    }
  }

  private static double rate(int threads, Supplier<String> lifecycle) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(
          pool.submit(
              () -> {
                for (int i = 0; i < LIFECYCLES / threads; i++) {
                  lifecycle.get();
                }
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return (LIFECYCLES / threads * threads) / ((System.nanoTime() - start) / 1e9);
  }

  static BpmnModelInstance baseline() {
    AbstractFlowNodeBuilder<?, ?> flow =
        Bpmn.createExecutableProcess("bench-baseline").camundaHistoryTimeToLive(1).startEvent();
    for (String task : Lifecycle.TASKS) {
      flow = flow.userTask(task).camundaCandidateUsers("coordinator");
    }
    return flow.endEvent().done();
  }

  /** The baseline, driven like the lifecycle: start, then query, claim and complete each task. */
  static final class Baseline {
    static String run(ProcessEngine engine, String definitionId) {
      String key = "bench-" + java.util.UUID.randomUUID();
      String id =
          engine
              .getFormService()
              .submitStartForm(definitionId, key, Intake.person().variables())
              .getId();
      for (String taskKey : Lifecycle.TASKS) {
        Task task =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey(taskKey)
                .singleResult();
        Lifecycle.claimAndComplete(
            engine, task, "coordinator", Map.of("answer", "ok", "hours", 2.5));
      }
      return id;
    }
  }

  // --- 2. scale ---

  private void scale(ConfigurableApplicationContext app) throws Exception {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    String ours = latest(engine, "accompaniment-case");
    for (int i = 0; i < OPEN_CASES; i++) {
      engine.getFormService().submitStartForm(ours, Intake.person().variables());
    }
    String template = Lifecycle.run(engine, ours);
    HistoryCloner cloner = new HistoryCloner(jdbc, template);
    section("Scale: queries with many closed cases (PostgreSQL)");
    report.append(
        String.format(
            "%d open cases waiting for triage; closed cases are copies of one real closed lifecycle's"
                + " history rows (case and track instances, every activity, task and variable; not the"
                + " variable-change details and logs, which no measured query reads), made in SQL."
                + " Each query runs %d times after 3 warm-ups, as the user Tasklist or Cockpit would be"
                + " (authorization on).%n%n",
            OPEN_CASES, SAMPLES));
    report.append(
        "| closed cases | Tasklist group filter, page of 15 (median / p95 ms) | its count (median / p95 ms) | one case's history (median / p95 ms) | dashboard JSON (median / p95 ms) |\n");
    report.append("|---|---|---|---|---|\n");
    FilterService filters = engine.getFilterService();
    String groupFilter = filters.createFilterQuery().filterName("グループのタスク").singleResult().getId();
    for (int closed : CLOSED) {
      cloner.cloneUntil(closed);
      String someCase = cloner.someClone();
      IdentityService identity = engine.getIdentityService();
      double[] list =
          measure(
              () -> asUser(identity, "coordinator", () -> filters.listPage(groupFilter, 0, 15)));
      double[] count =
          measure(() -> asUser(identity, "coordinator", () -> filters.count(groupFilter)));
      double[] history =
          measure(
              () ->
                  asUser(
                      identity,
                      "supervisor",
                      () -> historyView(engine.getHistoryService(), someCase)));
      DashboardService dashboard = app.getBean(DashboardService.class);
      double[] json = measure(dashboard::snapshot);
      report.append(
          String.format(
              "| %,d | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f |%n",
              closed,
              list[0],
              list[1],
              count[0],
              count[1],
              history[0],
              history[1],
              json[0],
              json[1]));
    }
  }

  private static Object historyView(HistoryService history, String processInstanceId) {
    return List.of(
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult(),
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list(),
        history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list(),
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list());
  }

  private static <T> T asUser(IdentityService identity, String user, Supplier<T> query) {
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return query.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Median and 95th percentile in milliseconds. */
  private static double[] measure(Supplier<?> query) {
    for (int i = 0; i < 3; i++) {
      query.get();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      query.get();
      times.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(times);
    return new double[] {
      times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1)
    };
  }

  // --- 3. start-up ---

  private void startup() throws Exception {
    section("Start-up in demo mode (first start: creates the schema, deploys, seeds demo data)");
    Path jar;
    try (var files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
    }
    Path dir = Files.createTempDirectory("bansou-startup");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    long start = System.nanoTime();
    Process app =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.log").toFile())
            .start();
    try {
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpRequest tasklist =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"))
              .build();
      double seconds = -1;
      while ((System.nanoTime() - start) < Duration.ofMinutes(3).toNanos()) {
        try {
          if (http.send(tasklist, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            seconds = (System.nanoTime() - start) / 1e9;
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(200);
      }
      assertThat(seconds).as("Tasklist answered").isPositive();
      Thread.sleep(2000); // let the start settle before reading memory
      String rss =
          Files.readAllLines(Path.of("/proc/" + app.pid() + "/status")).stream()
              .filter(l -> l.startsWith("VmRSS"))
              .findFirst()
              .orElse("VmRSS: ?")
              .replaceAll("\\s+", " ");
      report.append(
          String.format(
              "- time from `java -jar` to Tasklist answering 200: **%.1f s**%n", seconds));
      report.append(
          "- resident memory after start (" + rss.trim() + ", default JVM heap settings)\n");
    } finally {
      app.destroy();
      app.waitFor();
    }
  }

  // --- helpers ---

  private static ConfigurableApplicationContext start(String url, String profile) {
    SpringApplicationBuilder builder = new SpringApplicationBuilder(BansouApplication.class);
    if (profile != null) {
      builder.profiles(profile);
    }
    return builder.run(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--server.port=0",
        "--bansou.demo-data=false",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--logging.level.root=warn");
  }

  private static String latest(ProcessEngine engine, String key) {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult()
        .getId();
  }

  private void header() throws IOException {
    report.append("# Benchmark results").append(QUICK ? " (quick mode)" : "").append("\n\n");
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("unknown");
    String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    report
        .append("Run ")
        .append(LocalDateTime.now().withNano(0))
        .append(" on: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores (")
        .append(cpu)
        .append("), ")
        .append(memory)
        .append(", Java ")
        .append(System.getProperty("java.version"))
        .append(", ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.version"))
        .append(".\n")
        .append("Command: `./mvnw -Pbench verify")
        .append(QUICK ? " -Dbench.quick=true" : "")
        .append("`.\n\n");
  }

  /** A result row, also printed at once so that a long run shows where it is. */
  private void progress(String row) {
    report.append(row);
    System.out.print("BENCH " + row);
  }

  private void section(String title) {
    report.append("\n## ").append(title).append("\n\n");
  }
}
