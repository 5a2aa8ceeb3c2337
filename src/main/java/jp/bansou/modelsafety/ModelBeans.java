package jp.bansou.modelsafety;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.bansou.engine.ModelApi;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The beans a deployed model may name in an expression: the delegates and listeners, and the
 * helpers marked {@link ModelApi}. Looked up by name only when an expression asks, so that the
 * engine can be built before them. Every other bean — the engine's services, data sources, the
 * identity vault — is out of a model's reach.
 */
public class ModelBeans extends AbstractMap<Object, Object> {

  private final ApplicationContext context;
  private volatile Set<String> names;

  public ModelBeans(ApplicationContext context) {
    this.context = context;
  }

  /** The names, read from the application context once it is complete. */
  public Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      known = new TreeSet<>();
      known.addAll(Arrays.asList(context.getBeanNamesForType(JavaDelegate.class)));
      known.addAll(Arrays.asList(context.getBeanNamesForType(TaskListener.class)));
      known.addAll(Arrays.asList(context.getBeanNamesForType(ExecutionListener.class)));
      known.addAll(Arrays.asList(context.getBeanNamesForAnnotation(ModelApi.class)));
      names = Set.copyOf(known);
    }
    return names;
  }

  /** A bean of the application that a model may not name. */
  boolean isForbiddenBean(String name) {
    return !names().contains(name) && context.containsBean(name);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && names().contains(name);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? context.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    // only lookups by name are used; the beans are not listed
    return Set.of();
  }

  Stream<String> stream() {
    return names().stream();
  }
}
