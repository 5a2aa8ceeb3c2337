package jp.bansou.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import jp.bansou.engine.EngineClock;
import jp.bansou.engine.Texts;
import jp.bansou.forms.FormSchema.FormField;
import org.springframework.stereotype.Component;

/**
 * Checks the variables of a form submission (as Tasklist and REST send them: {@code {"name":
 * {"value": …, "type": …}}}) against the deployed Camunda Form, the way the form itself checks them
 * in the browser, and more: no variable the form does not have, no read-only value written back,
 * the types, the options offered, and a length every text field has even where the form sets none.
 */
@Component
public class SubmissionCheck {

  /** Where the form sets no maxLength. */
  public static final int TEXTFIELD_LIMIT = 500;

  public static final int TEXTAREA_LIMIT = jp.bansou.engine.Var.TEXT_LIMIT;

  /** Value types a submission may carry: never a Java object to deserialize. */
  static final Set<String> PLAIN_TYPES =
      Set.of("string", "boolean", "integer", "long", "short", "double", "date", "json", "null");

  static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  static final Pattern PHONE = Pattern.compile("^[+0-9 ()\\-‐－ー０-９]{6,20}$");

  /** Whole JSON only: "{}x" is no JSON (Jackson reads the first value and stops by default). */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** One refusal, with the field it is about. */
  /**
   * One refusal: the variable, the form component it is shown in (so the page can put the message
   * next to it), its label, and the message.
   */
  public record Problem(String field, String component, String label, String message) {}

  /** The outcome: the problems, and the variables to pass on (read-only values dropped). */
  public record Result(List<Problem> problems, Map<String, JsonNode> variables) {}

  private final Texts texts;
  private final Clock clock;

  public SubmissionCheck(Texts texts, Clock clock) {
    this.texts = texts;
    this.clock = clock;
  }

  /**
   * @param options the allowed values of a select whose options the process fills ({@code
   *     valuesKey}), by that key
   */
  public Result check(
      FormSchema form, Map<String, JsonNode> submitted, Function<String, List<String>> options) {
    List<Problem> problems = new ArrayList<>();
    Map<String, JsonNode> passed = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : submitted.entrySet()) {
      String key = entry.getKey();
      FormField field = form.fields().get(key);
      if (field == null) {
        problems.add(new Problem(key, null, key, texts.get("form.refused.notInForm", key)));
        continue;
      }
      if (field.readonly()) {
        continue; // shown, not written: the process keeps its own value
      }
      JsonNode variable = entry.getValue();
      String type = variable.path("type").asText("").toLowerCase();
      if (!type.isEmpty() && !PLAIN_TYPES.contains(type)
          || variable.path("valueInfo").has("objectTypeName")) {
        problems.add(problem(field, "form.refused.type", variable.path("type").asText()));
        continue;
      }
      JsonNode value = value(variable, type);
      if ("json".equals(type) && !value.isContainerNode()) {
        // Tasklist sends Json for a list (checklist, taglist) only; anything else stored as Json
        // (text that is no JSON, a date as a JSON string) failed every later reading of the
        // case's variables, the coordinator's too, or the step that read it
        problems.add(problem(field, "form.refused.type", variable.path("type").asText()));
        continue;
      }
      String message = checkValue(field, value, options);
      if (message != null) {
        problems.add(new Problem(field.key(), field.id(), field.label(), message));
      } else {
        passed.put(key, variable);
      }
    }
    for (FormField field : form.fields().values()) {
      if (field.required()
          && !field.conditional()
          && !field.readonly()
          && !"checkbox".equals(field.type())
          && isEmpty(
              submitted.containsKey(field.key()) ? value(submitted.get(field.key()), "") : null)) {
        problems.add(problem(field, "form.refused.required"));
      }
    }
    return new Result(problems, passed);
  }

  private String checkValue(
      FormField field, JsonNode value, Function<String, List<String>> options) {
    if (isEmpty(value)) {
      return null; // required fields are checked apart, knowing their conditions
    }
    switch (field.type()) {
      case "textfield", "textarea" -> {
        if (!value.isTextual()) {
          return message(field, "form.refused.text");
        }
        String text = value.asText();
        int limit =
            field.maxLength() != null
                ? field.maxLength()
                : "textarea".equals(field.type()) ? TEXTAREA_LIMIT : TEXTFIELD_LIMIT;
        // counted in UTF-16 units, as the browser's form counts maxLength and as H2 counts the
        // engine's varchar(4000) (PostgreSQL counts characters: never more)
        if (text.length() > limit) {
          return message(field, "form.refused.maxLength", limit, text.length());
        }
        if (field.pattern() != null && !matches(field.pattern(), text)) {
          return message(field, "form.refused.pattern");
        }
        if ("email".equals(field.validationType()) && !EMAIL.matcher(text.trim()).matches()) {
          return message(field, "form.refused.email");
        }
        if ("phone".equals(field.validationType()) && !PHONE.matcher(text.trim()).matches()) {
          return message(field, "form.refused.phone");
        }
      }
      case "number" -> {
        Double number = number(value);
        if (number == null) {
          return message(field, "form.refused.number");
        }
        if (field.min() != null && number < field.min()) {
          return message(field, "form.refused.min", plain(field.min()));
        }
        if (field.max() != null && number > field.max()) {
          return message(field, "form.refused.max", plain(field.max()));
        }
      }
      case "checkbox" -> {
        if (!value.isBoolean()
            && !"true".equals(value.asText())
            && !"false".equals(value.asText())) {
          return message(field, "form.refused.boolean");
        }
      }
      case "radio", "select" -> {
        if (!value.isTextual() || !allowed(field, options).contains(value.asText())) {
          return message(field, "form.refused.option");
        }
      }
      case "checklist", "taglist" -> {
        JsonNode list = list(value);
        if (list == null) {
          return message(field, "form.refused.option");
        }
        List<String> allowed = allowed(field, options);
        for (JsonNode item : list) {
          if (!item.isTextual() || !allowed.contains(item.asText())) {
            return message(field, "form.refused.option");
          }
        }
      }
      case "datetime" -> {
        if (!value.isTextual() || !isDate(field, value.asText())) {
          return message(field, "form.refused.date");
        }
        String range = dateRange(field, value.asText());
        if (range != null) {
          return message(field, range);
        }
      }
      default -> {
        // other components carry no value of their own
      }
    }
    return null;
  }

  private static List<String> allowed(FormField field, Function<String, List<String>> options) {
    if (field.values() != null) {
      return field.values();
    }
    return field.valuesKey() == null ? List.of() : options.apply(field.valuesKey());
  }

  /** The message key when a date is outside what its field takes, or null. */
  private String dateRange(FormField field, String text) {
    if (field.subtype() != null && !"date".equals(field.subtype())) {
      return null;
    }
    LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    LocalDate today = LocalDate.now(clock.withZone(EngineClock.JAPAN));
    if (date.getYear() < 1900 || date.getYear() > today.getYear() + 100) {
      return "form.refused.dateImplausible";
    }
    if ("past".equals(field.dateRange()) && !date.isBefore(today)) {
      return "form.refused.datePast";
    }
    if ("notPast".equals(field.dateRange()) && date.isBefore(today)) {
      return "form.refused.dateNotPast";
    }
    if ("notFuture".equals(field.dateRange()) && date.isAfter(today)) {
      return "form.refused.dateNotFuture";
    }
    return null;
  }

  private static boolean isDate(FormField field, String text) {
    if (field.subtype() != null && !"date".equals(field.subtype())) {
      return text.length() <= 40;
    }
    try {
      LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).matches();
    } catch (PatternSyntaxException badPattern) {
      return true; // the form's own mistake: the browser could not have checked it either
    }
  }

  /** The submitted value as JSON: a Json variable's text parsed, others as given. */
  static JsonNode value(JsonNode variable, String type) {
    JsonNode value = variable.path("value");
    if ("json".equals(type) && value.isTextual()) {
      try {
        return JSON.readTree(value.asText());
      } catch (Exception notJson) {
        return value;
      }
    }
    return value;
  }

  private static JsonNode list(JsonNode value) {
    if (value.isArray()) {
      return value;
    }
    if (value.isTextual()) {
      try {
        JsonNode parsed = JSON.readTree(value.asText());
        return parsed.isArray() ? parsed : null;
      } catch (Exception notJson) {
        return null;
      }
    }
    return null;
  }

  private static Double number(JsonNode value) {
    if (value.isNumber()) {
      return value.asDouble();
    }
    try {
      return Double.valueOf(value.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isEmpty(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return true;
    }
    if (value.isTextual()) {
      return value.asText().isBlank();
    }
    if (value.isArray()) {
      Iterator<JsonNode> items = value.elements();
      return !items.hasNext();
    }
    return false;
  }

  private static String plain(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }

  private Problem problem(FormField field, String key, Object... args) {
    return new Problem(field.key(), field.id(), field.label(), message(field, key, args));
  }

  /** The message of a refusal about a field: its label first, then what to do. */
  private String message(FormField field, String key, Object... args) {
    Object[] withLabel = new Object[args.length + 1];
    withLabel[0] = field.label();
    System.arraycopy(args, 0, withLabel, 1, args.length);
    return texts.get(key, withLabel);
  }
}
