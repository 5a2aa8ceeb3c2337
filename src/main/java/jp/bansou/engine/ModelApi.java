package jp.bansou.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that deployed models may call in an expression ({@code ${visitSchedule.visitTime(…)}}),
 * besides the delegates and listeners. No other bean is reachable from a model.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelApi {}
