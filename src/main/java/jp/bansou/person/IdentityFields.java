package jp.bansou.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The names of the variables that identify a person: {@link PersonFields#ALWAYS}, and every field a
 * deployed form marks with the property {@code identity}. No history is kept of them and they never
 * stay in a process; the set only grows, so a field once marked stays protected.
 */
@Component
public class IdentityFields {

  private static final ObjectMapper JSON = new ObjectMapper();

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
  void learn(byte[] formJson) {
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
