package jp.bansou.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A {@link Refusal} is an answer to the person, not a fault: the engine logs it as it logs its own
 * refusals of a bad request ({@code ENGINE-16002}, debug), not as {@code ERROR ENGINE-16004} with a
 * stack trace for every refused comment; so is a grant made twice at once, a lock waited for too
 * long, a task already done ({@link SimultaneousGrants}), and a comment sent without its text or
 * about one that does not exist. Any other exception is logged as before.
 *
 * <p>A refusal is still worth one line: who was refused, and which of our checks refused them (an
 * erasure asked for by someone not responsible, a second approval by the first approver), so that
 * an attempt shows in the log, without the message or anything the person entered. And the REST
 * API, which answers a refused form submission or a simultaneous change as its own 500 before
 * {@code ApiErrors} makes it a 400 or a 409, does not log it with its stack trace.
 */
@Component
public class RefusalLogging extends AbstractProcessEnginePlugin {

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RefusalLogging.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Factory factory = new Factory();
    // the engine gives its configuration only to a factory it makes itself
    factory.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(factory);
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
        && logback.getTurboFilterList().stream().noneMatch(QuietRestRefusals.class::isInstance)) {
      logback.addTurboFilter(new QuietRestRefusals());
    }
  }

  static final class Factory extends CommandContextFactory {
    @Override
    public CommandContext createCommandContext() {
      return new CommandContext(processEngineConfiguration) {
        @Override
        protected boolean shouldLogFine(Throwable exception) {
          if (isRefusal(exception)) {
            LOG.info(
                "Refused a command of {}, in {}",
                getAuthenticatedUserId() == null ? "nobody logged in" : getAuthenticatedUserId(),
                refusedAt(exception));
            return true;
          }
          // a grant made twice at once is a simultaneous change, logged as such by
          // SimultaneousGrants, as the engine logs its own optimistic locking failures
          // so is a task already done (a double press of 完了): answered 409 or 404 and one line
          // by ApiErrors
          return SimultaneousGrants.grantedTwice(exception)
              || SimultaneousGrants.waitedTooLong(exception)
              || SimultaneousGrants.taskMissing(exception)
              || badCommentRequest(exception)
              // answered 400 by what they became (TooLongValues, DecisionInputs): the engine's
              // error would quote the start of the value sent
              || TooLongValues.tooLong(exception)
              || DecisionInputs.refusedInput(closing(), exception)
              || super.shouldLogFine(exception);
        }
      };
    }
  }

  /** The command whose context is closing: the engine removes it only after the close. */
  static org.camunda.bpm.engine.impl.interceptor.Command<?> closing() {
    var invocation = org.camunda.bpm.engine.impl.context.Context.getCommandInvocationContext();
    return invocation == null ? null : invocation.getCommand();
  }

  /**
   * A comment sent without its text ({@code {"message": null}}), or a change to a comment that does
   * not exist: the engine's own check of what was sent, answered 4xx, which it logs as an error
   * with its trace for anyone who sends it.
   */
  static boolean badCommentRequest(Throwable exception) {
    if (!(exception instanceof org.camunda.bpm.engine.exception.NullValueException)) {
      return false;
    }
    for (StackTraceElement frame : exception.getStackTrace()) {
      String type = frame.getClassName();
      if (!type.equals("org.camunda.bpm.engine.impl.util.EnsureUtil")
          && !type.startsWith("java.")
          && !type.startsWith("jdk.")) {
        // the first frame that is neither the reflection making the exception nor EnsureUtil:
        // the command whose argument was null
        return type.equals("org.camunda.bpm.engine.impl.cmd.AddCommentCmd")
            || type.equals("org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd");
      }
    }
    return false;
  }

  /** Our check that refused: where the refusal was made. */
  static String refusedAt(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refusal) {
        for (StackTraceElement frame : cause.getStackTrace()) {
          if (frame.getClassName().startsWith("jp.bansou.")
              && !frame.getClassName().equals(Refusal.class.getName())) {
            return frame.getClassName() + "." + frame.getMethodName();
          }
        }
      }
    }
    return "?";
  }

  /**
   * The REST API's log of a 500 whose cause is a refusal (a form submitted, then refused). It logs
   * the stack trace as text; text a caller sent can appear in it, so the text alone decides
   * nothing: a refusal must really have been raised in this request ({@link Refusal#last()}), and
   * the trace must name it with its own message as a cause.
   */
  static final class QuietRestRefusals extends TurboFilter {

    @Override
    public FilterReply decide(
        Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
      if (logger == null || !logger.getName().startsWith("org.camunda.bpm.engine.rest")) {
        return FilterReply.NEUTRAL;
      }
      if (t != null) {
        return isRefusal(t) || simultaneous(t) || SimultaneousGrants.taskMissing(t)
            ? FilterReply.DENY
            : FilterReply.NEUTRAL;
      }
      // a change that lost to a simultaneous one, or met its task already done, its trace given
      // as text: answered with 409 or 404 and one line by ApiErrors
      if (SimultaneousGrants.lost()
          && traced(format, params, org.camunda.bpm.engine.OptimisticLockingException.class)) {
        return FilterReply.DENY;
      }
      if (SimultaneousGrants.gone()
          && (traced(format, params, org.camunda.bpm.engine.exception.NullValueException.class)
              || traced(format, params, NullPointerException.class))) {
        return FilterReply.DENY;
      }
      Refusal raised = Refusal.last();
      if (raised == null) {
        return FilterReply.NEUTRAL;
      }
      String cause = Refusal.class.getName() + ": " + raised.getMessage();
      if (format != null && format.contains(cause)) {
        return FilterReply.DENY;
      }
      if (params != null) {
        for (Object param : params) {
          if (param instanceof Throwable thrown && isRefusal(thrown)
              || param instanceof String trace && trace.contains(cause)) {
            return FilterReply.DENY;
          }
        }
      }
      return FilterReply.NEUTRAL;
    }
  }

  /** The log call's text or throwable has an exception of that type. */
  private static boolean traced(String format, Object[] params, Class<? extends Throwable> type) {
    String named = type.getName() + ":";
    if (format != null && format.contains(named)) {
      return true;
    }
    for (Object param : params == null ? new Object[0] : params) {
      if (param instanceof String trace && trace.contains(named)) {
        return true;
      }
      for (Throwable cause = param instanceof Throwable thrown ? thrown : null;
          cause != null;
          cause = cause.getCause()) {
        if (type.isInstance(cause)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A change that lost to a simultaneous one: answered with 409 and one line by {@code ApiErrors},
   * not a fault to log with its trace.
   */
  static boolean simultaneous(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.camunda.bpm.engine.OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  /** A refusal, or an engine exception wrapping one (a listener's, an expression's). */
  static boolean isRefusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refusal) {
        return true;
      }
    }
    return false;
  }
}
