package jp.bansou.outreach;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.bansou.engine.Texts;
import jp.bansou.outreach.ConsultationEvents.Event;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The publicity text of an event, in やさしい日本語 and in each language expected, from the templates in
 * {@code src/main/resources/outreach/publicity/<language>.txt} (data, not code: add a file to add a
 * language). A template may use {@code {date}}, {@code {time}}, {@code {place}}, {@code {topics}}
 * and {@code {languages}}; the last two are Japanese names from the reference lists.
 */
@Component
public class Publicity {

  static final String FOLDER = "outreach/publicity/";

  /** Always first: plain Japanese that most people in Japan can read. */
  static final String EASY_JAPANESE = "ja-easy";

  static final Set<String> JAPANESE = Set.of("ja", EASY_JAPANESE);

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd (E)", Locale.JAPANESE);

  private final ReferenceData reference;
  private final Texts texts;

  public Publicity(ReferenceData reference, Texts texts) {
    this.reference = reference;
    this.texts = texts;
  }

  /** The texts, one block per language, separated by a blank line. */
  public String text(Event event) {
    Map<String, String> values =
        Map.of(
            "{date}", DATE.format(event.date()),
            "{time}", time(event),
            "{place}", place(event),
            "{topics}", reference.names(ReferenceList.PROBLEM_FIELDS, event.topics()),
            "{languages}",
                event.languages().isEmpty()
                    ? texts.get("event.publicity.noInterpreters")
                    : reference.names(ReferenceList.LANGUAGES, event.languages()));
    Set<String> languages = new LinkedHashSet<>();
    languages.add(EASY_JAPANESE);
    event.languages().stream().filter(l -> !JAPANESE.contains(l)).forEach(languages::add);
    List<String> blocks = new ArrayList<>();
    for (String language : languages) {
      blocks.add(
          template(language)
              .map(t -> fill(t, values))
              .orElse(
                  texts.get(
                      "event.publicity.noTemplate",
                      reference.name(ReferenceList.LANGUAGES, language),
                      language)));
    }
    return String.join("\n\n", blocks);
  }

  /** The languages that have a template. */
  public boolean hasTemplate(String language) {
    return new ClassPathResource(FOLDER + language + ".txt").exists();
  }

  private Optional<String> template(String language) {
    ClassPathResource file = new ClassPathResource(FOLDER + language + ".txt");
    if (!language.matches("[a-z-]+") || !file.exists()) {
      return Optional.empty();
    }
    try (InputStream in = file.getInputStream()) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fill(String template, Map<String, String> values) {
    String text = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace(value.getKey(), value.getValue());
    }
    return text;
  }

  private String time(Event event) {
    return event.endTime() == null
        ? event.startTime() + "〜"
        : event.startTime() + "〜" + event.endTime();
  }

  private String place(Event event) {
    String venue = event.venue() == null ? "" : event.venue();
    return switch (event.venueType()) {
      case "online" -> venue.isEmpty() ? "Online / オンライン" : venue + " (Online / オンライン)";
      case "both" -> venue + " + Online / オンライン";
      default -> venue;
    };
  }
}
