package jp.bansou.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.bansou.DecisionTable;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code course-certificate}, rule by rule (UNIQUE: exactly one row matches). */
class CourseCertificateDecisionTest {

  static final DecisionTable table =
      new DecisionTable("course-certificate.dmn", "course-certificate");

  @ParameterizedTest(name = "basic {0}, advanced {1} → {2}")
  @CsvSource({
    "5, 4, full, 全課程修了証, true, rule01",
    "5, 3, basic, 基礎課程修了証, true, rule02",
    "5, 0, basic, 基礎課程修了証, true, rule02",
    "4, 4, attendance, 受講証明書, false, rule03",
    "1, 0, attendance, 受講証明書, false, rule03",
    "0, 1, attendance, 受講証明書, false, rule04",
    "0, 4, attendance, 受講証明書, false, rule04",
    "0, 0, none, なし, false, rule05"
  })
  void certificateByTheSessionsAttended(
      int basic, int advanced, String certificate, String label, boolean certified, String rule) {
    DmnDecisionResultEntries result =
        table
            .evaluate(Map.of("basicSessions", basic, "advancedSessions", advanced))
            .getSingleResult();

    assertThat(result.getEntryMap())
        .containsEntry("certificate", certificate)
        .containsEntry("certificateLabel", label)
        .containsEntry("certifiedCompanion", certified);
    assertThat(table.matchedRules()).containsExactly(rule);
  }
}
