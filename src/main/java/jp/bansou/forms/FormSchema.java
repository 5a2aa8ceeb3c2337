package jp.bansou.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of one deployed Camunda Form, as a submission is checked against them: key, type,
 * label, the form's own rules (required, min/max, maxLength, pattern, e-mail), the options of a
 * select, radio, checklist or tag list, whether it is read-only or shown only under a condition,
 * and which dates a date field takes (the custom property {@code dateRange}: {@code past}, {@code
 * notPast} or {@code notFuture}), and whether its answer is a statistic (the custom property {@code
 * statistic = true}), and the label each option shows; and the names of every variable the form
 * reads to be shown (what Tasklist loads for it: {@link #reads}).
 *
 * @param reads the variables the form shows or asks for: its fields' keys (and the variable a
 *     group's {@code path} names), the variables that fill a select's options ({@code valuesKey}),
 *     and every name its expressions ({@code =…}: a condition, a label) and its texts' templates
 *     ({@code {{…}}}) use. A name that is no variable (a FEEL word such as {@code list}) is
 *     harmless here: it only allows reading a variable nobody has.
 */
public record FormSchema(String id, Map<String, FormField> fields, Set<String> reads) {

  /** A field with a key. */
  public record FormField(
      String id,
      String key,
      String type,
      String label,
      boolean required,
      Double min,
      Double max,
      Integer maxLength,
      String pattern,
      String validationType,
      List<String> values,
      String valuesKey,
      boolean readonly,
      boolean conditional,
      String subtype,
      String dateRange,
      boolean statistic,
      Map<String, String> optionLabels) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public Optional<FormField> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  public static FormSchema parse(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      Map<String, FormField> fields = new LinkedHashMap<>();
      collect(root, false, fields);
      Set<String> reads = new TreeSet<>();
      names(root, reads);
      // shared by every submission of this form (DeployedForms): read-only
      return new FormSchema(
          root.path("id").asText(),
          java.util.Collections.unmodifiableMap(fields),
          java.util.Collections.unmodifiableSet(reads));
    } catch (IOException e) {
      throw new UncheckedIOException("A deployed form is not JSON", e);
    }
  }

  private static void collect(JsonNode container, boolean conditional, Map<String, FormField> out) {
    for (JsonNode c : container.path("components")) {
      boolean hiddenSometimes = conditional || c.has("conditional");
      if (c.hasNonNull("key") && !"text".equals(c.path("type").asText())) {
        JsonNode validate = c.path("validate");
        List<String> values = null;
        Map<String, String> optionLabels = new LinkedHashMap<>();
        if (c.has("values")) {
          values = new ArrayList<>();
          for (JsonNode v : c.get("values")) {
            values.add(v.path("value").asText());
            optionLabels.put(v.path("value").asText(), v.path("label").asText(""));
          }
        }
        out.put(
            c.get("key").asText(),
            new FormField(
                c.path("id").asText(c.get("key").asText()),
                c.get("key").asText(),
                c.path("type").asText(),
                label(c),
                validate.path("required").asBoolean(false),
                validate.has("min") ? validate.get("min").asDouble() : null,
                validate.has("max") ? validate.get("max").asDouble() : null,
                validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
                validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
                validate.hasNonNull("validationType")
                    ? validate.get("validationType").asText()
                    : null,
                values == null ? null : java.util.Collections.unmodifiableList(values),
                c.hasNonNull("valuesKey") ? c.get("valuesKey").asText() : null,
                c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
                hiddenSometimes,
                c.hasNonNull("subtype") ? c.get("subtype").asText() : null,
                dateRange(c),
                "true".equalsIgnoreCase(c.path("properties").path("statistic").asText("")),
                java.util.Collections.unmodifiableMap(optionLabels)));
      }
      collect(c, hiddenSometimes, out);
    }
  }

  /** A FEEL string literal, whose words are no names. */
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  /** A name in an expression or a template; one followed by "(" calls a function. */
  private static final Pattern NAME =
      Pattern.compile("(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*+(?!\\s*\\()");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)\\}\\}", Pattern.DOTALL);

  private static void names(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      for (String field : List.of("key", "valuesKey", "path")) {
        if (node.path(field).isTextual() && node.has("type")) {
          out.add(node.get(field).asText().split("\\.")[0]);
        }
      }
      node.elements().forEachRemaining(child -> names(child, out));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> names(child, out));
    } else if (node.isTextual()) {
      String text = node.asText();
      if (text.startsWith("=")) {
        namesIn(text.substring(1), out);
      }
      Matcher template = TEMPLATE.matcher(text);
      while (template.find()) {
        namesIn(template.group(1), out);
      }
    }
  }

  private static void namesIn(String expression, Set<String> out) {
    Matcher name = NAME.matcher(STRING.matcher(expression).replaceAll(" "));
    while (name.find()) {
      out.add(name.group());
    }
  }

  /**
   * Which dates a date field takes: {@code past} (before today, e.g. a birth date), {@code notPast}
   * (today or later, e.g. a visit; also what form-js's "disallow past dates" means), {@code
   * notFuture} (today or earlier, e.g. the day a letter was sent), or any.
   */
  private static String dateRange(JsonNode c) {
    String range = c.path("properties").path("dateRange").asText("");
    if (range.isEmpty() && c.path("disallowPassedDates").asBoolean(false)) {
      return "notPast";
    }
    return range.isEmpty() ? null : range;
  }

  private static String label(JsonNode c) {
    for (String name : List.of("label", "dateLabel", "timeLabel")) {
      if (c.hasNonNull(name) && !c.get(name).asText().isBlank()) {
        return c.get(name).asText();
      }
    }
    return c.get("key").asText();
  }
}
