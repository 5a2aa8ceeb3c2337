package jp.bansou.modelsafety;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the engine's own objects ({@code execution}, {@code task}) show a model: the methods and
 * properties of their public interfaces (DelegateExecution, DelegateTask, VariableScope…), not
 * those of the classes behind them (such as deleting the execution or starting another process).
 */
final class PublicMembers {

  static final String ENGINE_INSIDE = "org.camunda.bpm.engine.impl.";

  private static final ClassValue<Set<String>> MEMBERS =
      new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
          Set<String> members = new HashSet<>();
          Deque<Class<?>> interfaces = new ArrayDeque<>();
          if (type.isInterface()) {
            interfaces.add(type);
          }
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            interfaces.addAll(List.of(c.getInterfaces()));
          }
          while (!interfaces.isEmpty()) {
            Class<?> api = interfaces.pop();
            interfaces.addAll(List.of(api.getInterfaces()));
            if (!api.getName().startsWith(ENGINE_INSIDE)) {
              for (Method method : api.getMethods()) {
                add(method, members);
              }
            }
          }
          return Set.copyOf(members);
        }
      };

  private PublicMembers() {}

  /** Whether a model may use this member of this object: anything but the engine's insides. */
  static boolean allows(Class<?> type, String member) {
    return !type.getName().startsWith(ENGINE_INSIDE) || of(type).contains(member);
  }

  /** The method and property names of the type's public (non-{@code impl}) interfaces. */
  static Set<String> of(Class<?> type) {
    return MEMBERS.get(type);
  }

  private static void add(Method method, Set<String> members) {
    String name = method.getName();
    members.add(name);
    if (method.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3) {
      members.add(Introspector.decapitalize(name.substring(3)));
    } else if (method.getParameterCount() == 0 && name.startsWith("is") && name.length() > 2) {
      members.add(Introspector.decapitalize(name.substring(2)));
    }
  }
}
