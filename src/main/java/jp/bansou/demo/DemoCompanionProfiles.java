package jp.bansou.demo;

import java.util.List;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Fictional profiles for the demo accounts, so that matching has someone to propose. */
@Component
@ConditionalOnProperty(name = "bansou.demo-mode", havingValue = "true")
public class DemoCompanionProfiles {

  static final List<CompanionProfile> PROFILES =
      List.of(
          new CompanionProfile(
              "companion",
              "伴走者A（デモ）",
              List.of("13", "14", "11"),
              List.of("ja", "ja-easy", "en", "vi"),
              List.of("casework", "residence", "labour", "welfare", "technical-intern"),
              false,
              false,
              true),
          new CompanionProfile(
              "companion2",
              "伴走者B（デモ）",
              List.of("27", "28", "26"),
              List.of("ja", "ja-easy", "zh", "tl", "en"),
              List.of("casework", "welfare", "children-youth", "dv", "refugee"),
              true,
              false,
              true),
          new CompanionProfile(
              "interpreter",
              "通訳者C（デモ）",
              List.of("13", "23"),
              List.of("ja", "vi", "ne", "en"),
              List.of("casework"),
              true,
              true,
              true));

  public DemoCompanionProfiles(CompanionProfiles profiles, DemoAccounts accountsFirst) {
    for (CompanionProfile profile : PROFILES) {
      if (!profiles.exists(profile.userId())) {
        profiles.save(profile);
      }
    }
  }
}
