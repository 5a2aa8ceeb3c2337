package jp.bansou.engine;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts people read (form summaries, refusals, mails), from {@code messages.properties}
 * (Japanese) and {@code messages_en.properties}: never written in Java.
 */
@Component
public class Texts {

  private final MessageSource messages;

  public Texts(MessageSource messages) {
    this.messages = messages;
  }

  /** The Japanese text. */
  public String get(String key, Object... args) {
    return messages.getMessage(key, args, Locale.JAPANESE);
  }

  /** The Japanese text, or the fallback when the key is not in the messages. */
  public String getOr(String key, String fallback) {
    return messages.getMessage(key, null, fallback, Locale.JAPANESE);
  }

  /** The text in a person's language ({@code ja} or {@code en}); Japanese when unknown. */
  public String in(String language, String key, Object... args) {
    Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.JAPANESE;
    return messages.getMessage(key, args, locale);
  }
}
