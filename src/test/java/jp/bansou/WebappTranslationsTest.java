package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Our Japanese files cover every key of Camunda's English files, keep every placeholder, and are
 * offered by each webapp's configuration.
 */
class WebappTranslationsTest {

  /**
   * Labels Camunda's English file lacks and a webapp still asks for: the kinds of change Tasklist's
   * history of a task shows by their engine name (a comment edited or deleted, a variable set, …),
   * checked against what the engine writes by {@code jp.bansou.tasklist.TaskHistoryLabelsTest}.
   */
  static final Map<String, Set<String>> ADDED =
      Map.of(
          "tasklist",
          Set.of(
              "UpdateComment",
              "DeleteComment",
              "comment",
              "SetVariable",
              "ModifyVariable",
              "RemoveVariable",
              "SetName",
              "SetDescription",
              "SetDueDate",
              "SetFollowUpDate"));

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[ds]|\\{}");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void japaneseCoversEveryEnglishKey(String app) throws IOException {
    JsonNode en = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json");
    JsonNode ja = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/ja.json");
    List<String> problems = new ArrayList<>();
    compare("", en, ja, problems);
    assertThat(problems).as(app).isEmpty();
    TreeSet<String> expected = new TreeSet<>();
    en.at("/labels").fieldNames().forEachRemaining(expected::add);
    expected.addAll(ADDED.getOrDefault(app, Set.of()));
    TreeSet<String> labels = new TreeSet<>();
    ja.at("/labels").fieldNames().forEachRemaining(labels::add);
    assertThat(labels).as(app).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersJapanese(String app) throws IOException {
    try (InputStream in =
        new ClassPathResource(
                "META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js")
            .getInputStream()) {
      String config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(config).contains("availableLocales: ['en', 'de', 'ja']", "fallbackLocale: 'en'");
    }
  }

  private static void compare(String path, JsonNode en, JsonNode ja, List<String> problems) {
    if (ja == null || ja.isMissingNode()) {
      problems.add("missing " + path);
      return;
    }
    if (en.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        compare(path + "/" + field.getKey(), field.getValue(), ja.get(field.getKey()), problems);
      }
    } else if (en.isArray()) {
      for (int i = 0; i < en.size(); i++) {
        compare(path + "[" + i + "]", en.get(i), ja.get(i), problems);
      }
    } else if (en.isTextual()) {
      if (!placeholders(en.asText()).equals(placeholders(ja.asText()))) {
        problems.add("placeholders differ at " + path + ": " + ja.asText());
      }
    }
  }

  private static TreeSet<String> placeholders(String text) {
    TreeSet<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static JsonNode read(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      byte[] bytes = in.readAllBytes();
      String text =
          new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
      return new ObjectMapper().readTree(text);
    }
  }
}
