package jp.bansou.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Refusals go out HTML-escaped ({@code jp.bansou.api.ApiError}), so a character that markup uses
 * would reach a person calling the API as {@code &quot;}: our messages quote with 「」 instead.
 */
class MessagesTest {

  @Test
  void noMessageUsesACharacterThatWouldBeEscaped() throws IOException {
    Properties messages = new Properties();
    try (InputStream in = new ClassPathResource("messages.properties").getInputStream()) {
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    TreeMap<String, String> escaped = new TreeMap<>();
    messages.forEach(
        (key, text) -> {
          if (text.toString().matches("(?s).*[\"<>&].*")) {
            escaped.put(key.toString(), text.toString());
          }
        });
    assertThat(messages).hasSizeGreaterThan(100);
    assertThat(escaped).isEmpty();
  }
}
