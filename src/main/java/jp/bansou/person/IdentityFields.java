package jp.bansou.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The names of the variables that identify a person: {@link PersonFields#ALWAYS}, and every field a
 * deployed form marks with the property {@code identity}. No history is kept of them and they never
 * stay in a process; the set only grows, so a field once marked stays protected.
 */
@Component
public class IdentityFields implements jp.bansou.engine.FormLearner {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A variable's plain name: what Tasklist submits for a field with this key, as it is. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Names an identity field cannot have: the engine's objects and the words of expressions and
   * decision tables. Marked as identity, they would make every later model refused.
   */
  private static final Set<String> RESERVED =
      Set.of(
          "execution",
          "task",
          "true",
          "false",
          "null",
          "empty",
          "not",
          "and",
          "or",
          "div",
          "mod",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "instanceof",
          "if",
          "then",
          "else",
          "for",
          "in",
          "return",
          "some",
          "every",
          "satisfies",
          "between",
          "instance",
          "of",
          "function",
          "date",
          "time",
          "duration");

  private final Set<String> names = ConcurrentHashMap.newKeySet();

  public IdentityFields() {
    names.addAll(PersonFields.ALWAYS);
  }

  public boolean contains(String variableName) {
    return variableName != null && names.contains(variableName);
  }

  public Set<String> names() {
    return Set.copyOf(names);
  }

  /** Learns the fields a Camunda Form marks as identity. */
  @Override
  public void learn(byte[] formJson) {
    names.addAll(marked(formJson));
  }

  /**
   * The keys of the fields a Camunda Form marks as identity ({@code "identity": "true"} in a
   * field's properties); none when it is no form at all, which the engine refuses itself.
   */
  public static Set<String> marked(byte[] formJson) {
    Set<String> keys = new java.util.HashSet<>();
    try {
      collect(JSON.readTree(formJson), keys);
    } catch (IOException notJson) {
      // the engine refuses such a form itself
    }
    return keys;
  }

  /**
   * What is wrong with the form's identity marks, in Japanese; empty when it may be deployed. An
   * identity field has a plain key of its own (no {@code a.b}, not inside a group or list with a
   * {@code path}): Tasklist would otherwise submit it inside another variable, which the rules for
   * identity fields do not know by that name.
   */
  public static List<String> problems(String resource, byte[] formJson) {
    List<String> problems = new java.util.ArrayList<>();
    try {
      check(resource, JSON.readTree(formJson), false, problems);
    } catch (IOException notJson) {
      // FormTextPolicy says so
    }
    return problems;
  }

  private static void check(
      String resource, JsonNode container, boolean underPath, List<String> problems) {
    if (container == null) {
      return;
    }
    for (JsonNode field : container.path("components")) {
      boolean marked =
          "true".equals(field.path("properties").path(PersonFields.FORM_PROPERTY).asText());
      String key = field.path("key").asText("");
      if (marked && (underPath || !PLAIN.matcher(key).matches() || RESERVED.contains(key))) {
        problems.add(
            resource
                + " の「"
                + field.path("id").asText(key)
                + "」：本人の情報の項目（identity）のキーは、ほかの項目の中にない英数字の名前で、式の言葉（execution、task、true など）でないものにしてください（"
                + key
                + "）");
      }
      check(resource, field, underPath || !field.path("path").asText("").isBlank(), problems);
    }
  }

  private static void collect(JsonNode container, Set<String> keys) {
    if (container == null) {
      return;
    }
    for (JsonNode field : container.path("components")) {
      if ("true".equals(field.path("properties").path(PersonFields.FORM_PROPERTY).asText())
          && field.hasNonNull("key")) {
        keys.add(field.get("key").asText());
      }
      collect(field, keys);
    }
  }
}
