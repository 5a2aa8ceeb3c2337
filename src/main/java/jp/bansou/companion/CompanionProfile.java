package jp.bansou.companion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A companion's (or interpreter's) profile in the network; codes from reference/. Languages carry a
 * level: {@code fluent} (can interpret or explain) or {@code conversational}.
 */
public record CompanionProfile(
    String userId,
    String displayName,
    List<String> prefectures,
    Map<String, String> languageLevels,
    List<String> specialties,
    boolean worksRemotely,
    boolean interpreter,
    boolean available,
    boolean certified) {

  public static final String FLUENT = "fluent";
  public static final String CONVERSATIONAL = "conversational";

  /** A profile whose languages are all fluent. */
  public CompanionProfile(
      String userId,
      String displayName,
      List<String> prefectures,
      List<String> languages,
      List<String> specialties,
      boolean worksRemotely,
      boolean interpreter,
      boolean available) {
    this(
        userId,
        displayName,
        prefectures,
        fluentIn(languages),
        specialties,
        worksRemotely,
        interpreter,
        available,
        false);
  }

  public List<String> languages() {
    return List.copyOf(languageLevels.keySet());
  }

  public boolean fluentIn(String language) {
    return FLUENT.equals(languageLevels.get(language));
  }

  private static Map<String, String> fluentIn(List<String> languages) {
    Map<String, String> levels = new LinkedHashMap<>();
    languages.forEach(l -> levels.put(l, FLUENT));
    return levels;
  }
}
