package jp.bansou.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued mails: serves the external task メールを送る of {@code send-notification}, one mail at
 * a time, and never talks to the SMTP server inside a database transaction.
 *
 * <ol>
 *   <li>One small transaction takes the task (the engine's lock on it, for {@code
 *       bansou.mail.worker.lock}), records the attempt in {@code mail_delivery} and writes the
 *       mail.
 *   <li>The mail goes to the SMTP server, with no database connection held, bounded by the mail
 *       timeouts.
 *   <li>One small transaction records the delivery and completes the task; if the database is away
 *       it is tried again until it commits. A failure is recorded with the model's retry cycle.
 * </ol>
 *
 * A mail is therefore sent at most once per notification, except when a node dies (or cannot reach
 * the database until it stops) between the server's acceptance and that last commit: the next
 * attempt then finds the attempt unsettled, sends again with the same Message-ID and counts it.
 *
 * <p>When the server itself fails (refused, timed out), the worker pauses instead of spending every
 * other mail's attempts on it, and tries one mail now and then; once one goes through, the mails it
 * failed for the outage are released at once rather than at their retry time.
 */
@Component
public class MailWorker implements SmartLifecycle {

  /** Error message prefix of a failure that lay with the server, not with the mail. */
  static final String OUTAGE = "SMTP サーバーに届きません";

  static final Duration FIRST_PAUSE = Duration.ofSeconds(2);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);
  static final Duration KEEP_DELIVERIES = Duration.ofDays(30);

  private static final Logger LOG = LoggerFactory.getLogger(MailWorker.class);

  /** What this node's worker did since it started. */
  public record Stats(
      long sent, long failed, long resentUncertain, long unsettled, long maxWindowMicros) {}

  /**
   * Every node's deliveries so far: mails delivered, attempts made, and attempts that sent again
   * after one whose outcome was never recorded (the only possible duplicates).
   */
  public record DeliveryCounts(long sent, long attempts, long uncertain) {}

  /** A task taken, its attempt, and the mail to send (null: nothing to send). */
  private record Claim(
      LockedExternalTask task,
      MailDeliveries.Attempt attempt,
      NotificationMails.Outgoing outgoing) {}

  private final MailSettings settings;
  private final NotificationMails mails;
  private final Mailer mailer;
  private final MailDeliveries deliveries;
  private final ExternalTaskService externalTasks;
  private final RepositoryService repository;
  private final TransactionTemplate transaction;
  private final EngineClock clock;
  private final boolean autoStart;
  private final Duration pollInterval;
  private final Duration lock;
  private final String workerId;
  private final Map<String, RetryCycle> cycles = new ConcurrentHashMap<>();

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong resentUncertain = new AtomicLong();
  private final AtomicLong unsettled = new AtomicLong();
  private final AtomicLong maxWindowMicros = new AtomicLong();

  private volatile boolean stopping;
  private volatile Thread thread;
  private Duration pause = Duration.ZERO;
  private Instant pausedUntil;
  private Instant nextCleanUp = Instant.MIN;

  public MailWorker(
      MailSettings settings,
      NotificationMails mails,
      Mailer mailer,
      MailDeliveries deliveries,
      ProcessEngine engine,
      PlatformTransactionManager transactions,
      EngineClock clock,
      @Value("${bansou.mail.worker.enabled:true}") boolean autoStart,
      @Value("${bansou.mail.worker.poll-interval:PT1S}") Duration pollInterval,
      @Value("${bansou.mail.worker.lock:PT90S}") Duration lock) {
    this.settings = settings;
    this.mails = mails;
    this.mailer = mailer;
    this.deliveries = deliveries;
    this.externalTasks = engine.getExternalTaskService();
    this.repository = engine.getRepositoryService();
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.autoStart = autoStart;
    this.pollInterval = pollInterval;
    this.lock = lock;
    this.workerId = "mail-" + engine.getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Sends every mail that is due now, one after the other, until none is left or the server fails;
   * returns how many notifications were handled. The worker's thread calls it in a loop; tests,
   * whose job executor is off, call it themselves.
   */
  public synchronized int sendDue() {
    if (!settings.enabled()) {
      return 0;
    }
    int handled = 0;
    while (!stopping && !paused()) {
      Claim claim = claimNext();
      if (claim == null) {
        break;
      }
      handle(claim);
      handled++;
    }
    cleanUpNowAndThen();
    return handled;
  }

  public Stats stats() {
    return new Stats(
        sent.get(), failed.get(), resentUncertain.get(), unsettled.get(), maxWindowMicros.get());
  }

  /** Counts over every node's deliveries, from {@code mail_delivery}. */
  public DeliveryCounts deliveryCounts() {
    return deliveries.counts();
  }

  // --- one mail ---

  private Claim claimNext() {
    return transaction.execute(
        status -> {
          List<LockedExternalTask> locked =
              externalTasks
                  .fetchAndLock(1, workerId)
                  .topic(Notification.TOPIC, lock.toMillis())
                  .variables(NotificationMails.variableNames())
                  .execute();
          if (locked.isEmpty()) {
            return null;
          }
          LockedExternalTask task = locked.get(0);
          String notification = task.getProcessInstanceId();
          boolean perAttempt =
              Notification.WELCOME.equals(task.getVariables().get(Notification.KIND.name()));
          MailDeliveries.Attempt attempt =
              deliveries.begin(
                  notification, n -> messageId(notification, perAttempt ? n : 0), clock.instant());
          if (attempt.before() == MailDeliveries.Before.SENT) {
            // delivered by an attempt whose node could not complete the step: nothing to send
            externalTasks.complete(task.getId(), workerId);
            return new Claim(task, attempt, null);
          }
          var mail = mails.compose(task.getVariables());
          if (mail.isEmpty()) {
            // ids only: a log line never carries a name or an address
            LOG.info(
                "Notification {} not sent: the recipient has no e-mail address.", notification);
            deliveries.nothingToSend(notification);
            externalTasks.complete(task.getId(), workerId);
            return new Claim(task, attempt, null);
          }
          return new Claim(task, attempt, mail.get());
        });
  }

  private void handle(Claim claim) {
    if (claim.outgoing() == null) {
      return;
    }
    if (claim.attempt().before() == MailDeliveries.Before.UNSETTLED) {
      resentUncertain.incrementAndGet();
      LOG.warn(
          "Notification {}: an earlier attempt may have been delivered (its node stopped before"
              + " recording it); sending again with the same Message-ID.",
          claim.task().getProcessInstanceId());
    }
    NotificationMails.Outgoing outgoing = claim.outgoing();
    try {
      mailer.send(outgoing.to(), outgoing.mail(), claim.attempt().messageId());
    } catch (RuntimeException failure) {
      boolean outage = Mailer.isServerProblem(failure);
      failed.incrementAndGet();
      settle(() -> recordFailure(claim, failure, outage));
      if (outage) {
        pauseForOutage(failure);
      }
      return;
    }
    long accepted = System.nanoTime();
    Instant acceptedAt = clock.instant();
    boolean settled =
        settle(
            () -> {
              try {
                transaction.executeWithoutResult(
                    status -> {
                      deliveries.sent(claim.task().getProcessInstanceId(), acceptedAt);
                      externalTasks.complete(claim.task().getId(), workerId);
                    });
              } catch (BadUserRequestException taskLostMeanwhile) {
                // completed or taken elsewhere meanwhile: keep the fact that this one went out,
                // so that the other attempt sends nothing
                transaction.executeWithoutResult(
                    status -> deliveries.sent(claim.task().getProcessInstanceId(), acceptedAt));
              }
            });
    if (settled) {
      sent.incrementAndGet();
      maxWindowMicros.accumulateAndGet((System.nanoTime() - accepted) / 1000, Math::max);
    } else {
      unsettled.incrementAndGet();
      LOG.warn(
          "Notification {} was delivered but this node stopped before recording it: the next"
              + " attempt sends it again with the same Message-ID.",
          claim.task().getProcessInstanceId());
    }
    if (!pause.isZero()) {
      serverAnswersAgain();
    }
  }

  private void recordFailure(Claim claim, RuntimeException failure, boolean outage) {
    LockedExternalTask task = claim.task();
    RetryCycle cycle = cycle(task.getProcessDefinitionId(), task.getActivityId());
    int retries = cycle.retriesAfterFailure(task.getRetries());
    // with none left, an incident: an operator's retry (Cockpit) makes it due at once
    long wait = retries == 0 ? 0 : cycle.interval().toMillis();
    String message =
        (outage ? OUTAGE : "メールを送れませんでした") + "（" + failure.getClass().getSimpleName() + "）";
    try {
      transaction.executeWithoutResult(
          status -> {
            deliveries.failed(task.getProcessInstanceId());
            externalTasks.handleFailure(
                task.getId(), workerId, message, causes(failure), retries, wait);
          });
    } catch (BadUserRequestException taskLostMeanwhile) {
      transaction.executeWithoutResult(status -> deliveries.failed(task.getProcessInstanceId()));
    }
  }

  /**
   * Runs a small transaction until it commits: a database restart only delays it. Gives up only
   * when this node stops.
   */
  private boolean settle(Runnable commit) {
    long wait = 100;
    while (true) {
      try {
        commit.run();
        return true;
      } catch (RuntimeException databaseAway) {
        if (stopping) {
          return false;
        }
        LOG.warn(
            "Mail worker: could not record an attempt ({}); trying again in {} ms.",
            databaseAway.getClass().getSimpleName(),
            wait);
        if (!sleep(wait)) {
          return false;
        }
        wait = Math.min(wait * 2, 5000);
      }
    }
  }

  // --- outages ---

  private boolean paused() {
    return pausedUntil != null && clock.instant().isBefore(pausedUntil);
  }

  private void pauseForOutage(RuntimeException failure) {
    pause = pause.isZero() ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
    pausedUntil = clock.instant().plus(pause);
    LOG.warn(
        "The SMTP server does not answer ({}): mails wait; trying one again in {} s.",
        failure.getClass().getSimpleName(),
        pause.toSeconds());
  }

  /**
   * The server took a mail after an outage: the mails this worker failed for the outage go now
   * instead of at their retry time. Only its own, and only while they still wait longer than any
   * lock: nobody else releases or takes them meanwhile, so none is being sent elsewhere.
   */
  private void serverAnswersAgain() {
    pause = Duration.ZERO;
    pausedUntil = null;
    Date beyondAnyLock = Date.from(clock.instant().plus(lock.multipliedBy(2)));
    int released = 0;
    for (ExternalTask waiting :
        externalTasks
            .createExternalTaskQuery()
            .topicName(Notification.TOPIC)
            .workerId(workerId)
            .withRetriesLeft()
            .lockExpirationAfter(beyondAnyLock)
            .list()) {
      if (waiting.getErrorMessage() != null && waiting.getErrorMessage().startsWith(OUTAGE)) {
        try {
          externalTasks.unlock(waiting.getId());
          released++;
        } catch (RuntimeException goneMeanwhile) {
          // completed or retried by an operator meanwhile
        }
      }
    }
    LOG.info("The SMTP server answers again; {} mails that waited for it are due now.", released);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  // --- the model's retry cycle ---

  private RetryCycle cycle(String processDefinitionId, String activityId) {
    return cycles.computeIfAbsent(
        processDefinitionId + "#" + activityId,
        key -> {
          BaseElement element =
              repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
          CamundaFailedJobRetryTimeCycle cycle =
              element == null || element.getExtensionElements() == null
                  ? null
                  : element
                      .getExtensionElements()
                      .getElementsQuery()
                      .filterByType(CamundaFailedJobRetryTimeCycle.class)
                      .list()
                      .stream()
                      .findFirst()
                      .orElse(null);
          return RetryCycle.parse(cycle == null ? null : cycle.getTextContent());
        });
  }

  // --- helpers ---

  /** Stable per notification (and per attempt for a welcome mail, whose password changes). */
  private String messageId(String notificationId, int attempt) {
    String from = settings.from();
    String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1) : "localhost";
    return "<" + notificationId + (attempt > 0 ? "." + attempt : "") + "@" + domain + ">";
  }

  /** Exception types only: a server's message may carry an address. */
  private static String causes(Throwable failure) {
    StringBuilder chain = new StringBuilder();
    for (Throwable cause = failure; cause != null && chain.length() < 1000; ) {
      chain.append(cause.getClass().getName()).append('\n');
      Throwable next = cause.getCause();
      cause = next == cause ? null : next;
    }
    return chain.toString();
  }

  private void cleanUpNowAndThen() {
    Instant now = clock.instant();
    if (now.isBefore(nextCleanUp)) {
      return;
    }
    nextCleanUp = now.plus(Duration.ofHours(1));
    try {
      deliveries.forgetBefore(now.minus(KEEP_DELIVERIES));
    } catch (RuntimeException databaseAway) {
      nextCleanUp = now;
    }
  }

  private static boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // --- the worker's thread ---

  private void loop() {
    while (!stopping) {
      int handled = 0;
      try {
        handled = sendDue();
      } catch (RuntimeException e) {
        LOG.warn("Mail worker: {}; trying again shortly.", e.getClass().getSimpleName());
      }
      if (handled == 0 && !sleep(pollInterval.toMillis())) {
        return;
      }
    }
  }

  /** Like the job executor: only once the start-up steps are done (models, permissions). */
  @EventListener(ApplicationReadyEvent.class)
  public void applicationReady() {
    start();
  }

  /** Started by {@link #applicationReady}, not with the context's refresh. */
  @Override
  public boolean isAutoStartup() {
    return false;
  }

  @Override
  public void start() {
    stopping = false;
    if (autoStart && settings.enabled() && thread == null) {
      thread = new Thread(this::loop, "mail-worker");
      thread.setDaemon(true);
      thread.start();
      LOG.info("Mail worker {} started (lock {} s).", workerId, lock.toSeconds());
    }
  }

  @Override
  public void stop() {
    stopping = true;
    Thread running = thread;
    if (running != null) {
      try {
        // a mail on its way ends within the mail timeouts, and is recorded before the loop ends
        running.join(lock.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.interrupt();
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
