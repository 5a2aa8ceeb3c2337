package jp.bansou.modelsafety;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import jp.bansou.person.PersonFields;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model may reach: process variables, {@code execution} and {@code
 * task}, the beans of {@link ModelBeans}, Camunda's user functions — never reflection, class
 * loaders, the engine's services or configuration, or any other bean. Read from the expression's
 * syntax tree, so spacing or nesting does not hide a call.
 *
 * <p>Nor the person's identity ({@link PersonFields#ALWAYS} and every field a form marks as
 * identity, {@link jp.bansou.person.IdentityFields}): during the intake, until the registration
 * seals them, the person's name and contact are process variables, and an expression naming them
 * could copy them into a variable or a task's name that everyone on the case, and its history,
 * would show. So no expression names them, reads the variables all at once ({@code
 * getVariables()}), or builds a variable's name ({@code getVariable(a + b)}).
 */
public class ExpressionPolicy {

  /** Members no expression may touch, on whatever object. */
  static final Set<String> FORBIDDEN_MEMBERS =
      Set.of(
          "class",
          "getClass",
          "classLoader",
          "getClassLoader",
          "forName",
          "loadClass",
          "newInstance",
          "invoke",
          "getMethod",
          "getMethods",
          "getDeclaredMethod",
          "getDeclaredMethods",
          "getConstructor",
          "getConstructors",
          "getDeclaredConstructor",
          "getDeclaredConstructors",
          "getField",
          "getFields",
          "getDeclaredField",
          "getDeclaredFields",
          "module",
          "getModule",
          "getRuntime",
          "exec",
          "exit",
          "halt",
          "processEngine",
          "getProcessEngine",
          "processEngineServices",
          "getProcessEngineServices",
          "processEngineConfiguration",
          "getProcessEngineConfiguration",
          "bpmnModelInstance",
          "getBpmnModelInstance",
          "applicationContext",
          "getApplicationContext",
          "getBean",
          "setProcessBusinessKey");

  /** The engine's objects in an expression, by the interface a model may use. */
  static final Map<String, Class<?>> ENGINE_OBJECTS =
      Map.of("execution", DelegateExecution.class, "task", DelegateTask.class);

  /** Camunda's functions for expressions (filters use the first two). */
  static final Set<String> FUNCTIONS =
      Set.of("currentUser", "currentUserGroups", "dateTime", "now");

  /** Members that hand over every variable at once, the identity among them. */
  static final Set<String> EVERY_VARIABLE =
      Set.of(
          "variables",
          "variablesLocal",
          "variablesTyped",
          "variablesLocalTyped",
          "getVariables",
          "getVariablesLocal",
          "getVariablesTyped",
          "getVariablesLocalTyped");

  /** Calls that take a variable's name first: it has to be written out, not computed. */
  static final Pattern ONE_VARIABLE =
      Pattern.compile("(get|set|remove|has)Variable(Local)?(Typed|Instance)?");

  private static final Field PROPERTY;

  static {
    try {
      PROPERTY = AstDot.class.getDeclaredField("property");
      PROPERTY.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ModelBeans beans;
  private final Supplier<Set<String>> identity;

  /**
   * @param identity the names of the person's identity fields known now ({@link
   *     PersonFields#ALWAYS} at least)
   */
  public ExpressionPolicy(ModelBeans beans, Supplier<Set<String>> identity) {
    this.beans = beans;
    this.identity = identity;
  }

  /** The person's identity fields known now, which no expression may name. */
  public Set<String> identity() {
    Set<String> known = new HashSet<>(PersonFields.ALWAYS);
    known.addAll(identity.get());
    return known;
  }

  /** What is wrong with the text's expressions, in Japanese; empty when it may be deployed. */
  public List<String> problems(String text) {
    return problems(text, identity());
  }

  /**
   * As {@link #problems(String)}, with the identity fields given: those known now and those of
   * forms deployed together with the expression.
   */
  public List<String> problems(String text, Set<String> identity) {
    List<String> problems = new ArrayList<>();
    if (text == null || (!text.contains("${") && !text.contains("#{"))) {
      return problems;
    }
    Node root;
    try {
      root =
          new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS)
              .build(text)
              .getRoot();
    } catch (TreeBuilderException e) {
      problems.add("式として読めません");
      return problems;
    }
    walk(root, identity, problems);
    return problems;
  }

  private void walk(Node node, Set<String> identity, List<String> problems) {
    if (node instanceof AstFunction function) {
      String name = function.getName();
      String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
      if (!FUNCTIONS.contains(local)) {
        problems.add("関数 " + name + "() は使えません");
      }
    } else if (node instanceof AstIdentifier identifier) {
      if (identity.contains(identifier.getName())) {
        problems.add(identity(identifier.getName()));
      } else if (beans.isForbiddenBean(identifier.getName())) {
        problems.add("Bean「" + identifier.getName() + "」はモデルから呼べません");
      }
    } else if (node instanceof AstString string) {
      Object value = string.eval(null, null);
      if (identity.contains(value)) {
        problems.add(identity((String) value));
      }
    } else if (node instanceof AstMethod method
        && method.getChild(0) instanceof AstDot call
        && ONE_VARIABLE.matcher(member(call)).matches()
        && !(method.getChild(1).getCardinality() > 0
            && method.getChild(1).getChild(0) instanceof AstString)) {
      problems.add(member(call) + " の変数名は、式で組み立てずに '名前' と直接書いてください");
    } else if (node instanceof AstDot dot) {
      String member = member(dot);
      if (identity.contains(member)) {
        problems.add(identity(member));
      } else if (EVERY_VARIABLE.contains(member)) {
        problems.add("変数をまとめて読む「" + member + "」は使えません（変数は名前で一つずつ読んでください）");
      } else if (FORBIDDEN_MEMBERS.contains(member)) {
        problems.add("「" + member + "」は使えません");
      } else if (dot.getChild(0) instanceof AstIdentifier on
          && ENGINE_OBJECTS.containsKey(on.getName())
          && !PublicMembers.of(ENGINE_OBJECTS.get(on.getName())).contains(member)) {
        problems.add(on.getName() + " の「" + member + "」は使えません");
      }
    } else if (node instanceof AstBracket bracket) {
      Node key = bracket.getChild(1);
      if (key instanceof AstString || key instanceof AstNumber) {
        String member = String.valueOf(((org.camunda.bpm.impl.juel.AstNode) key).eval(null, null));
        if (FORBIDDEN_MEMBERS.contains(member)) {
          problems.add("「" + member + "」は使えません");
        }
      } else {
        problems.add("[ ] の中に式は書けません（名前を直接書いてください）");
      }
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), identity, problems);
    }
  }

  private static String identity(String field) {
    return "本人の情報「" + field + "」は式で使えません（本人の情報は「本人の情報」タブにだけ置かれ、変数やタスク名に写せません）";
  }

  private static String member(AstProperty property) {
    try {
      return (String) PROPERTY.get(property);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
