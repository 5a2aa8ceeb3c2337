package jp.bansou.demo;

import static jp.bansou.reference.CsvRows.codes;

import java.util.Map;
import jp.bansou.companion.CompanionProfile;
import jp.bansou.companion.CompanionProfiles;
import jp.bansou.engine.StartupStep;
import jp.bansou.reference.CsvRows;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Fictional profiles for the demo accounts ({@code demo/companion-profiles.csv}), so that matching
 * has someone to propose.
 */
@Component
@ConditionalOnProperty(name = "bansou.demo-mode", havingValue = "true")
public class DemoCompanionProfiles implements StartupStep {

  private final CompanionProfiles profiles;

  public DemoCompanionProfiles(CompanionProfiles profiles) {
    this.profiles = profiles;
  }

  @Override
  public String name() {
    return "demo companion profiles";
  }

  @Override
  public int getOrder() {
    return DEMO + 1;
  }

  @Override
  public void run() {
    for (Map<String, String> row : CsvRows.read("demo/companion-profiles.csv")) {
      if (!profiles.exists(row.get("user_id"))) {
        profiles.save(
            new CompanionProfile(
                row.get("user_id"),
                row.get("display_name"),
                codes(row.get("prefectures")),
                codes(row.get("languages")),
                codes(row.get("specialties")),
                Boolean.parseBoolean(row.get("works_remotely")),
                Boolean.parseBoolean(row.get("interpreter")),
                true));
      }
    }
  }
}
