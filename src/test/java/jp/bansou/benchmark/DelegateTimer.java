package jp.bansou.benchmark;

import java.lang.reflect.Field;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.bpmn.delegate.ExecutionListenerInvocation;
import org.camunda.bpm.engine.impl.bpmn.delegate.JavaDelegateInvocation;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.listener.ExpressionExecutionListener;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.delegate.ExpressionGetInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.task.delegate.TaskListenerInvocation;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.task.listener.ExpressionTaskListener;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;

/**
 * Time spent in our own Java called by the models: every JavaDelegate, execution and task listener
 * and every expression that calls a method (a bean's {@code ${bean.method(execution)}}), counted
 * once per outermost call per thread (a delegate that evaluates a DMN table counts the table too);
 * the engine's own listeners are not ours ({@link #engines}). A lifecycle's time minus this is what
 * our models would cost with every delegate a no-op. Engine plug-ins that are not delegates (the
 * submission guard, the history filter) are not counted, so the share is a lower bound.
 */
final class DelegateTimer implements DelegateInterceptor {

  private static final Field EXPRESSION;
  private static final Field EXECUTION_LISTENER;
  private static final Field TASK_LISTENER;
  private static final Field DELEGATE;

  static {
    try {
      EXPRESSION = ExpressionGetInvocation.class.getDeclaredField("valueExpression");
      EXPRESSION.setAccessible(true);
      EXECUTION_LISTENER =
          ExecutionListenerInvocation.class.getDeclaredField("executionListenerInstance");
      EXECUTION_LISTENER.setAccessible(true);
      TASK_LISTENER = TaskListenerInvocation.class.getDeclaredField("taskListenerInstance");
      TASK_LISTENER.setAccessible(true);
      DELEGATE = JavaDelegateInvocation.class.getDeclaredField("delegateInstance");
      DELEGATE.setAccessible(true);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The engine's own listeners, which the bare process runs too: the history producer's (e.g. the
   * activity instance's assignee on every user task) and the Spring Boot starter's event publisher.
   * A model's listener ({@code camunda:taskListener}, by class, delegate expression or expression)
   * reaches the engine wrapped in {@code org.camunda.bpm.engine.impl.bpmn.listener} or {@code
   * task.listener} classes and is counted.
   */
  private static boolean engines(Object listener) {
    String type = listener.getClass().getName();
    return type.startsWith("org.camunda.bpm.engine.impl.history.")
        || type.startsWith("org.camunda.bpm.spring.boot.starter.event.");
  }

  private final DelegateInterceptor next;
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
  private final LongAdder nanos = new LongAdder();
  private final Map<String, LongAdder> byCall = new ConcurrentHashMap<>();

  DelegateTimer(DelegateInterceptor next) {
    this.next = next;
  }

  @Override
  public void handleInvocation(DelegateInvocation invocation) throws Exception {
    if (!ours(invocation)) {
      next.handleInvocation(invocation);
      return;
    }
    int[] level = depth.get();
    long start = System.nanoTime();
    level[0]++;
    try {
      next.handleInvocation(invocation);
    } finally {
      level[0]--;
      if (level[0] == 0) {
        long took = System.nanoTime() - start;
        nanos.add(took);
        byCall.computeIfAbsent(call(invocation), c -> new LongAdder()).add(took);
      }
    }
  }

  /** Seconds counted since the last reset. */
  double seconds() {
    return nanos.sum() / 1e9;
  }

  void reset() {
    nanos.reset();
    byCall.clear();
  }

  /** The calls that took longest since the last reset, with their seconds, longest first. */
  List<Map.Entry<String, Double>> longest(int calls) {
    return byCall.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue().sum() / 1e9))
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(calls)
        .toList();
  }

  /** An expression as the model writes it, or the class of a delegate or listener. */
  private static String call(DelegateInvocation invocation) throws IllegalAccessException {
    if (invocation instanceof ExpressionGetInvocation) {
      return ((ValueExpression) EXPRESSION.get(invocation)).getExpressionString();
    }
    Object target =
        invocation instanceof ExecutionListenerInvocation
            ? EXECUTION_LISTENER.get(invocation)
            : invocation instanceof TaskListenerInvocation
                ? TASK_LISTENER.get(invocation)
                : invocation instanceof JavaDelegateInvocation
                    ? DELEGATE.get(invocation)
                    : invocation;
    if (target instanceof DelegateExpressionTaskListener listener) {
      return listener.getExpressionText();
    }
    if (target instanceof ExpressionTaskListener listener) {
      return listener.getExpressionText();
    }
    if (target instanceof DelegateExpressionExecutionListener listener) {
      return listener.getExpressionText();
    }
    if (target instanceof ExpressionExecutionListener listener) {
      return listener.getExpressionText();
    }
    // a listener our plug-ins add as a lambda: its class, without the lambda's number
    return target
        .getClass()
        .getName()
        .replaceFirst("^jp\\.bansou\\.", "")
        .replaceFirst("\\$\\$Lambda.*", " (plug-in)");
  }

  private static boolean ours(DelegateInvocation invocation) throws IllegalAccessException {
    if (invocation instanceof JavaDelegateInvocation) {
      return true;
    }
    if (invocation instanceof ExecutionListenerInvocation) {
      return !engines(EXECUTION_LISTENER.get(invocation));
    }
    if (invocation instanceof TaskListenerInvocation) {
      return !engines(TASK_LISTENER.get(invocation));
    }
    return invocation instanceof ExpressionGetInvocation
        && ((ValueExpression) EXPRESSION.get(invocation)).getExpressionString().contains("(");
  }
}
