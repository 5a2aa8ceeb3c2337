package jp.bansou.accompaniment;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import org.springframework.stereotype.Service;

/**
 * Finds interpreters for a visit: first those fluent in one of the person's languages who cover the
 * prefecture (in person); when nobody local does, those who interpret by phone or video.
 */
@Service
public class InterpreterMatcher {

  /** Japanese needs no interpreter. */
  static final Set<String> JAPANESE = Set.of("ja", "ja-easy");

  /** How the interpreter works: codes of reference/interpretation-modes.csv. */
  public static final String IN_PERSON = "in-person";

  public static final String REMOTE = "remote";

  public record Match(String mode, List<String> interpreterIds) {}

  private final CompanionProfiles profiles;

  public InterpreterMatcher(CompanionProfiles profiles) {
    this.profiles = profiles;
  }

  public Match find(String prefecture, Collection<String> languages, Collection<String> excluded) {
    List<CompanionProfile> speakers =
        profiles.available().stream()
            .filter(CompanionProfile::interpreter)
            .filter(p -> !excluded.contains(p.userId()))
            .filter(
                p ->
                    p.languages().stream()
                        .anyMatch(l -> !JAPANESE.contains(l) && languages.contains(l)))
            .toList();
    List<String> local =
        speakers.stream()
            .filter(p -> p.prefectures().contains(prefecture))
            .map(CompanionProfile::userId)
            .toList();
    if (!local.isEmpty()) {
      return new Match(IN_PERSON, local);
    }
    return new Match(
        REMOTE,
        speakers.stream()
            .filter(CompanionProfile::worksRemotely)
            .map(CompanionProfile::userId)
            .toList());
  }
}
