package jp.bansou.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Locale;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A button pressed twice at once (「このタスクを担当する」 on a slow phone) is a simultaneous change, not a
 * fault. Each claim makes the engine grant the task to its new assignee; the second, which could
 * not see the first's grant yet, inserts the same one, and the database refuses it with a unique
 * violation. The engine reports that as a persistence failure, which the REST API answers with 500.
 * Here such a refusal of the engine's authorization constraints ({@code ACT_UNIQ_AUTH_…}) becomes
 * what it is, an {@link OptimisticLockingException}: the request is answered with 409 and the
 * message to reload ({@code jp.bansou.api.ApiErrors}), and a job would be tried again.
 *
 * <p>The same for a change that waited longer than the database allows for another's lock (on H2,
 * the demo's database, a second press whose first is still running after a few seconds; on
 * PostgreSQL, only if an operator sets {@code lock_timeout}): nothing of it was kept, and what it
 * waited for is the other change. Any other persistence failure is left as it is.
 */
@Component
public class SimultaneousGrants extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(SimultaneousGrants.class);

  /** The SQL state of a unique violation, in PostgreSQL and H2. */
  static final String UNIQUE_VIOLATION = "23505";

  /** The SQL states of a lock waited for too long: H2's lock timeout, PostgreSQL's. */
  static final java.util.Set<String> LOCK_TIMEOUT = java.util.Set.of("HYT00", "55P03");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Interceptor());
  }

  /** Whether a command of this thread lost to a simultaneous one, since {@link #forget()}. */
  private static final ThreadLocal<Boolean> LOST = new ThreadLocal<>();

  /**
   * A command of this request lost to a simultaneous change (the engine's own optimistic locking
   * failure, or one of those above): the REST API's trace of it in the log is no fault.
   */
  public static boolean lost() {
    return Boolean.TRUE.equals(LOST.get());
  }

  /** Whether a command of this thread met its task already done, since {@link #forget()}. */
  private static final ThreadLocal<Boolean> GONE = new ThreadLocal<>();

  /**
   * A command of this request met its task already done: finished by a simultaneous command, the
   * first of a double press of 「完了」, or another person. It is answered as such ({@code ApiErrors});
   * the REST API's trace of it in the log is no fault.
   */
  public static boolean gone() {
    return Boolean.TRUE.equals(GONE.get());
  }

  /** A new request starts. */
  public static void forget() {
    LOST.remove();
    GONE.remove();
  }

  /**
   * The engine's failure on a task that is not there: {@code NullValueException} with its own words
   * for it (claim, complete, submit, variables, rendered form), anywhere in the chain.
   */
  static boolean taskMissing(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.camunda.bpm.engine.exception.NullValueException
              && cause.getMessage() != null
              && TASK_MISSING.matcher(cause.getMessage()).find()
          || uncheckedMissingTask(cause)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The engine's deployed task form checks the caller's permission on the task before it looks
   * whether there is one, and fails on its absence with a {@code NullPointerException}.
   */
  private static boolean uncheckedMissingTask(Throwable cause) {
    StackTraceElement[] frames = cause.getStackTrace();
    return cause instanceof NullPointerException
        && cause.getMessage() != null
        && cause.getMessage().endsWith("because \"task\" is null")
        && frames.length > 0
        && frames[0].getClassName().endsWith(".AuthorizationCommandChecker");
  }

  private static final java.util.regex.Pattern TASK_MISSING =
      java.util.regex.Pattern.compile(
          "^(?:Cannot find task with id |task \\S+ doesn't exist|Task '[^']*' not found)");

  static final class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException failure) {
        if (failure instanceof OptimisticLockingException) {
          LOST.set(true);
          throw failure;
        }
        if (taskMissing(failure)) {
          GONE.set(true);
          throw failure;
        }
        if (grantedTwice(failure)) {
          throw lost(command, "granted what a simultaneous command had just granted", failure);
        }
        if (waitedTooLong(failure)) {
          throw lost(command, "waited too long for a simultaneous command's lock", failure);
        }
        throw failure;
      } catch (NullPointerException failure) {
        if (uncheckedMissingTask(failure)) {
          GONE.set(true);
        }
        throw failure;
      }
    }
  }

  /** The failure as what it is, a simultaneous change: logged as one line, answered with 409. */
  private static OptimisticLockingException lost(
      Command<?> command, String what, ProcessEngineException failure) {
    LOG.info("{} {}: answered as a simultaneous change", command.getClass().getSimpleName(), what);
    LOST.set(true);
    return new OptimisticLockingException(
        "A simultaneous change: " + command.getClass().getSimpleName() + " " + what, failure);
  }

  /** A unique violation of one of the engine's authorization constraints, anywhere in the chain. */
  static boolean grantedTwice(Throwable failure) {
    boolean unique = false;
    boolean authorization = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      for (Throwable each = cause; each != null; each = next(each)) {
        if (each instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
          unique = true;
        }
        String message = each.getMessage();
        if (message != null && message.toUpperCase(Locale.ROOT).contains("ACT_UNIQ_AUTH")) {
          authorization = true;
        }
      }
    }
    return unique && authorization;
  }

  /** A lock waited for longer than the database allows, anywhere in the chain. */
  static boolean waitedTooLong(Throwable failure) {
    return hasSqlState(failure, LOCK_TIMEOUT);
  }

  /** Whether the database gave one of these SQL states, anywhere in the chain. */
  static boolean hasSqlState(Throwable failure, java.util.Set<String> states) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      for (Throwable each = cause; each != null; each = next(each)) {
        if (each instanceof SQLException sql && states.contains(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  /** A batch's further exceptions, which pgjdbc chains beside the cause. */
  private static Throwable next(Throwable each) {
    return each instanceof SQLException sql ? sql.getNextException() : null;
  }
}
