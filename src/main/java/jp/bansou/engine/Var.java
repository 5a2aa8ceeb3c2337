package jp.bansou.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * One process variable: its name, declared once, and how its value is read and written the way
 * Tasklist's Camunda Forms submit it (lists as JSON, numbers of any type, dates as ISO strings).
 *
 * <p>{@link #get} is for a variable the model guarantees: a missing one fails with its name. {@link
 * #find} is for one a form may leave empty.
 *
 * @param <T> the Java type the code works with
 */
public final class Var<T> {

  /**
   * The longest text one String variable holds: the engine's {@code varchar(4000)}, counted in
   * UTF-16 units as H2 counts it ({@code String.length()}; PostgreSQL counts characters, never
   * more). Longer text is refused at the form ({@code SubmissionCheck}) or shortened ({@link
   * SummaryLines}).
   */
  public static final int TEXT_LIMIT = 4000;

  private final String name;
  private final Function<Object, T> reader;
  private final Function<T, Object> writer;

  private Var(String name, Function<Object, T> reader, Function<T, Object> writer) {
    this.name = name;
    this.reader = reader;
    this.writer = writer;
  }

  /** Text, trimmed; blank counts as missing. */
  public static Var<String> text(String name) {
    return new Var<>(
        name,
        value -> {
          String text = value.toString().trim();
          return text.isEmpty() ? null : text;
        },
        text -> text);
  }

  /** A checkbox or a yes/no flag; missing reads as false in {@link #isTrue}. */
  public static Var<Boolean> flag(String name) {
    return new Var<>(
        name, value -> value instanceof Boolean b ? b : "true".equals(value.toString()), b -> b);
  }

  /** A whole number from a number field (Integer, Long or Double) or its text. */
  public static Var<Long> number(String name) {
    return new Var<>(
        name,
        value ->
            value instanceof Number n
                ? n.longValue()
                : new BigDecimal(value.toString()).longValue(),
        n -> n);
  }

  /** A number that may have decimals (hours). */
  public static Var<BigDecimal> decimal(String name) {
    return new Var<>(name, value -> new BigDecimal(value.toString()), d -> d);
  }

  /** A calendar date: a form's ISO text ({@code 2026-12-03}), a Java date or a LocalDate. */
  public static Var<LocalDate> date(String name) {
    return new Var<>(
        name,
        value -> {
          if (value instanceof Date date) {
            return date.toInstant().atZone(EngineClock.JAPAN).toLocalDate();
          }
          if (value instanceof LocalDate date) {
            return date;
          }
          String text = value.toString().trim();
          return text.isEmpty()
              ? null
              : LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        },
        LocalDate::toString);
  }

  /** A point in time the engine reads (due dates, timers). */
  public static Var<Date> time(String name) {
    return new Var<>(name, value -> (Date) value, d -> d);
  }

  /** A list of codes as a JSON array: what checklists, tag lists and multi-selects read. */
  public static Var<List<String>> list(String name) {
    return new Var<>(name, Var::strings, Var::jsonList);
  }

  /** A list of codes as a Java list stored in JSON: a multi-instance collection. */
  public static Var<List<String>> collection(String name) {
    return new Var<>(
        name,
        Var::strings,
        values ->
            Variables.objectValue(new ArrayList<>(values))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create());
  }

  /** The options of a select that the process fills ({@code [{"value": …, "label": …}]}). */
  public static Var<List<Option>> options(String name) {
    return new Var<>(
        name,
        value ->
            value instanceof SpinJsonNode json && json.isArray()
                ? json.elements().stream()
                    .map(
                        e ->
                            new Option(
                                e.prop("value").stringValue(), e.prop("label").stringValue()))
                    .toList()
                : List.of(),
        Var::jsonList);
  }

  public String name() {
    return name;
  }

  /** The value the model guarantees here; fails with the variable's name when it is missing. */
  public T get(VariableScope scope) {
    return find(scope).orElseThrow(() -> new MissingVariableException(name));
  }

  /** The value, or empty when the variable is missing or blank. */
  public Optional<T> find(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  public T orElse(VariableScope scope, T fallback) {
    return find(scope).orElse(fallback);
  }

  /** For flags: true only when set and true. */
  public boolean isTrue(VariableScope scope) {
    return find(scope).map(Boolean.TRUE::equals).orElse(false);
  }

  public Optional<T> read(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(reader.apply(value));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value == null ? null : writer.apply(value));
  }

  /** Sets the variable on this scope only (a listener's task or a multi-instance body). */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value == null ? null : writer.apply(value));
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** Adds the value to variables that start a process or complete a task. */
  public VariableMap put(VariableMap variables, T value) {
    Object written = value == null ? null : writer.apply(value);
    if (written instanceof TypedValue typed) {
      variables.putValueTyped(name, typed);
    } else {
      variables.putValue(name, written);
    }
    return variables;
  }

  @Override
  public String toString() {
    return name;
  }

  private static List<String> strings(Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
      } else if (json.isString()) {
        result.add(json.stringValue());
      }
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(e -> result.add(String.valueOf(e)));
    } else if (value instanceof String text && !text.isBlank()) {
      result.add(text);
    }
    return List.copyOf(result);
  }

  private static TypedValue jsonList(Collection<?> values) {
    return SpinValues.jsonValue(Spin.JSON(new ArrayList<>(values))).create();
  }
}
