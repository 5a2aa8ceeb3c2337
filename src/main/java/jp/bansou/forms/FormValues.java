package jp.bansou.forms;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Reads variables the way Tasklist's Camunda Forms submit them (lists as JSON, numbers of any type,
 * dates as ISO strings) and writes lists the way the forms read them back.
 */
public final class FormValues {

  public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private FormValues() {}

  /** A list of strings from a JSON array, a Java collection, a single string, or nothing. */
  public static List<String> strings(VariableScope scope, String name) {
    return strings(scope.getVariable(name));
  }

  public static List<String> strings(Object value) {
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
    return result;
  }

  /** A JSON array value, which Tasklist shows in checklists, tag lists and selects. */
  public static TypedValue jsonList(Collection<?> values) {
    return SpinValues.jsonValue(Spin.JSON(new ArrayList<>(values))).create();
  }

  /** A Java list stored as JSON, for a multi-instance collection such as {@code ${trackList}}. */
  public static TypedValue javaList(Collection<String> values) {
    return Variables.objectValue(new ArrayList<>(values))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  public static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && "true".equals(value.toString());
  }

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? "" : value.toString().trim();
  }

  /** A date from a form's date field (ISO string) or a Java date; null when empty. */
  public static LocalDate date(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(JAPAN).toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    String text = value == null ? "" : value.toString().trim();
    return text.isEmpty() ? null : LocalDate.parse(text.substring(0, Math.min(10, text.length())));
  }
}
