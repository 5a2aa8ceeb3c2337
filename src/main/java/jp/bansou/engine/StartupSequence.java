package jp.bansou.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StartupStep} in order, each logged with its time. Spring Boot calls runners
 * before it announces the application ready, and Camunda's starter starts the job executor only
 * then: so no job runs while the models, permissions or demo data are still being put in place.
 */
@Component
public class StartupSequence implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupSequence.class);

  private final List<StartupStep> steps;
  private final StartupLock lock;

  public StartupSequence(List<StartupStep> steps, StartupLock lock) {
    this.steps = steps.stream().sorted(Comparator.comparingInt(StartupStep::getOrder)).toList();
    this.lock = lock;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      for (StartupStep step : steps) {
        long started = System.nanoTime();
        step.run();
        LOG.info("Start-up: {} ({} ms)", step.name(), (System.nanoTime() - started) / 1_000_000);
      }
    } finally {
      // the next node starting on this database may go (see StartupLock)
      lock.release();
    }
    // start-up (deployment, demo data) leaves hundreds of megabytes of garbage in a heap that the
    // JVM's defaults let grow to a quarter of the machine's memory: collecting it once lets the
    // collector give the space back to the system (issue 21, resident memory after start)
    List<String> options =
        HeapReturn.configure(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = memory.getHeapMemoryUsage().getCommitted();
    System.gc();
    LOG.info(
        "Start-up: heap collected ({} → {} MB committed{})",
        before >> 20,
        memory.getHeapMemoryUsage().getCommitted() >> 20,
        options.isEmpty() ? "" : "; " + String.join(", ", options) + " set");
  }

  /** The steps in the order they run, for tests and the log. */
  public List<String> names() {
    return steps.stream().map(StartupStep::name).toList();
  }
}
