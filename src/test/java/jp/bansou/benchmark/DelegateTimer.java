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
 * once per outermost call per thread (a delegate that evaluates a DMN table counts the table too).
 * A lifecycle's time minus this is what our models would cost with every delegate a no-op. Engine
 * plug-ins that are not delegates (the submission guard, the history filter) are not counted, so
 * the share is a lower bound.
 */
final class DelegateTimer implements DelegateInterceptor {

  private static final Field EXPRESSION;

  static {
    try {
      EXPRESSION = ExpressionGetInvocation.class.getDeclaredField("valueExpression");
      EXPRESSION.setAccessible(true);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
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
    if (invocation instanceof JavaDelegateInvocation
        || invocation instanceof ExecutionListenerInvocation
        || invocation instanceof TaskListenerInvocation) {
      return true;
    }
    return invocation instanceof ExpressionGetInvocation
        && ((ValueExpression) EXPRESSION.get(invocation)).getExpressionString().contains("(");
  }
}
