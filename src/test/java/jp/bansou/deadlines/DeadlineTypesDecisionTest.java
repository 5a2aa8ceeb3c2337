package jp.bansou.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.bansou.DecisionTable;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code deadline-types}, rule by rule: each deadline's period, lead time and who is told. */
class DeadlineTypesDecisionTest {

  static final DecisionTable table = new DecisionTable("deadline-types.dmn", "deadline-types");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "visa-expiry, visaExpiry, '', P60D, true, false, false",
    "reporting-date, reportingDate, '', P3D, true, true, false",
    "protection-order, protectionOrder, P1Y, P30D, true, true, false",
    "spouse-separation, spouseSeparation, P6M, P30D, true, true, false",
    "refugee-refusal, refugeeRefusal, P7D, P6D, true, true, true",
    "appeal, appeal, '', P5D, false, true, true",
    "court-date, courtDate, '', P3D, false, true, false",
    "welfare-application, welfareApplication, P14D, P1D, false, false, false",
    "intern-difficulty, internDifficulty, P14D, P7D, true, false, false",
    "document-due, documentDue, '', P3D, false, false, false",
    "legal, legal, '', P2D, false, true, false",
    "something-new, legal, '', P2D, false, true, false"
  })
  void eachType(
      String type,
      String rule,
      String period,
      String leadTime,
      boolean replaces,
      boolean alertLawyer,
      boolean appealable) {
    Map<String, Object> row =
        table.evaluate(Map.of("deadlineType", type)).getSingleResult().getEntryMap();
    assertThat(table.matchedRules()).containsExactly(rule);
    assertThat(row.get("period") == null ? "" : row.get("period")).isEqualTo(period);
    assertThat(row)
        .containsEntry("leadTime", leadTime)
        .containsEntry("replaces", replaces)
        .containsEntry("alertLawyer", alertLawyer)
        .containsEntry("appealable", appealable);
    assertThat((String) row.get("deadlineName")).isNotBlank();
    assertThat((String) row.get("advice")).isNotBlank();
  }

  /** 準用 cannot be appealed: the welfare decision's alert must not offer 審査請求. */
  @Test
  void theWelfareDecisionUnderAnalogyOffersNoAppeal() {
    Map<String, Object> row =
        table
            .evaluate(Map.of("deadlineType", "welfare-application"))
            .getSingleResult()
            .getEntryMap();
    assertThat(row).containsEntry("appealable", false);
    assertThat((String) row.get("advice")).contains("準用", "審査請求はできません");
  }

  /** Since 2024-04-01 a 接近禁止命令 lasts a year; the old six months must not come back. */
  @Test
  void aProtectionOrderLastsOneYear() {
    Map<String, Object> row =
        table.evaluate(Map.of("deadlineType", "protection-order")).getSingleResult().getEntryMap();
    assertThat(row).containsEntry("period", "P1Y");
    assertThat((String) row.get("advice")).contains("1年", "2024年4月1日");
  }

  @Test
  void everyReferenceTypeHasItsOwnRow() {
    for (String type : new ReferenceData().codes(ReferenceList.DEADLINE_TYPES)) {
      table.evaluate(Map.of("deadlineType", type));
      assertThat(table.matchedRules()).as(type).hasSize(1);
      if (!type.equals("legal")) {
        assertThat(table.matchedRules()).as(type).doesNotContain("legal");
      }
    }
  }
}
