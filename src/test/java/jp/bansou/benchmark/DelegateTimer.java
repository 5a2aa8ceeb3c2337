package jp.bansou.benchmark;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.bpmn.delegate.ExecutionListenerInvocation;
import org.camunda.bpm.engine.impl.bpmn.delegate.JavaDelegateInvocation;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.delegate.ExpressionGetInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.task.delegate.TaskListenerInvocation;
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

  static {
    try {
      EXPRESSION = ExpressionGetInvocation.class.getDeclaredField("valueExpression");
      EXPRESSION.setAccessible(true);
      EXECUTION_LISTENER =
          ExecutionListenerInvocation.class.getDeclaredField("executionListenerInstance");
      EXECUTION_LISTENER.setAccessible(true);
      TASK_LISTENER = TaskListenerInvocation.class.getDeclaredField("taskListenerInstance");
      TASK_LISTENER.setAccessible(true);
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
        nanos.add(System.nanoTime() - start);
      }
    }
  }

  /** Seconds counted since the last reset. */
  double seconds() {
    return nanos.sum() / 1e9;
  }

  void reset() {
    nanos.reset();
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
