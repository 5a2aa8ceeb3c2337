package jp.bansou.accompaniment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.bansou.DecisionTable;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code visit-eligibility}, rule by rule, at the edges of each list of statuses. */
class VisitEligibilityDecisionTest {

  static final DecisionTable table =
      new DecisionTable("visit-eligibility.dmn", "visit-eligibility");

  /** 生活保護 is 準用 only for 別表第二, 特別永住者, recognised refugees and 補完的保護. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "permanent-resident, welfareByAnalogy, by-analogy",
    "spouse-of-japanese, welfareByAnalogy, by-analogy",
    "spouse-of-permanent, welfareByAnalogy, by-analogy",
    "long-term-resident, welfareByAnalogy, by-analogy",
    "recognised-refugee, welfareByAnalogy, by-analogy",
    "complementary-protection, welfareByAnalogy, by-analogy",
    "special-permanent, welfareByAnalogy, by-analogy",
    "refugee-applicant, welfareRefugeeApplicant, not-covered",
    "provisional-stay, welfareRefugeeApplicant, not-covered",
    "provisional-release, welfareWithoutStatus, not-covered",
    "supervision-measures, welfareWithoutStatus, not-covered",
    "no-status, welfareWithoutStatus, not-covered",
    "student, welfareOtherStatus, not-covered",
    "technical-intern, welfareOtherStatus, not-covered",
    "specified-skilled, welfareOtherStatus, not-covered",
    "dependent, welfareOtherStatus, not-covered",
    "designated-activities, welfareOtherStatus, not-covered",
    "temporary-visitor, welfareOtherStatus, not-covered",
    "unknown, welfareOtherStatus, not-covered"
  })
  void publicAssistanceByStatus(String status, String rule, String eligibility) {
    Map<String, Object> row = evaluate("public-assistance", status);
    assertThat(table.matchedRules()).containsExactly(rule);
    assertThat(row).containsEntry("eligibility", eligibility);
    // an application is watched whatever the status: the decision is due in 14 days
    assertThat(row).containsEntry("decisionWatch", "welfare-application");
    assertThat((String) row.get("notice")).isNotBlank();
  }

  @Test
  void underAnalogyTheNoticeSaysThereIsNoAppeal() {
    Map<String, Object> row = evaluate("public-assistance", "permanent-resident");
    assertThat((String) row.get("notice")).contains("準用", "14日", "30日", "審査請求はできません");
    assertThat(alternatives(row)).isEmpty();
  }

  @Test
  void aStudentIsOfferedTheOtherSchemes() {
    assertThat(alternatives(evaluate("public-assistance", "student")))
        .contains("social-welfare-loan", "housing-security-benefit", "free-low-cost-clinic");
  }

  @Test
  void aRefugeeApplicantIsOfferedRhq() {
    assertThat(alternatives(evaluate("public-assistance", "refugee-applicant")))
        .startsWith("rhq-protection");
  }

  @Test
  void aPersonOnProvisionalReleaseIsOfferedTheClinicAndTheFund() {
    assertThat(alternatives(evaluate("public-assistance", "provisional-release")))
        .contains("free-low-cost-clinic", "emergency-fund")
        .doesNotContain("social-welfare-loan");
  }

  @ParameterizedTest(name = "{0} / {1} → {2}")
  @CsvSource({
    "health-insurance, provisional-release, insuranceWithoutRegistration",
    "health-insurance, temporary-visitor, insuranceWithoutRegistration",
    "health-insurance, student, noNotice",
    "residence-registration, no-status, registrationWithoutStatus",
    "residence-registration, provisional-stay, noNotice",
    "child-allowance, supervision-measures, childAllowanceWithoutRegistration",
    "child-allowance, long-term-resident, noNotice",
    "job-seeking, provisional-release, workWithoutPermission",
    "job-seeking, provisional-stay, workWithoutPermission",
    "job-seeking, supervision-measures, noNotice",
    "livelihood-support, no-status, livelihoodWithoutRegistration",
    "livelihood-support, student, noNotice",
    "medical-care, no-status, noNotice",
    "support-measures, spouse-of-japanese, noNotice"
  })
  void otherPurposesByStatus(String purpose, String status, String rule) {
    Map<String, Object> row = evaluate(purpose, status);
    assertThat(table.matchedRules()).containsExactly(rule);
    assertThat(row.get("decisionWatch")).isNull();
    if (rule.equals("noNotice")) {
      assertThat(row.get("notice")).isEqualTo("");
    }
  }

  @Test
  void alternativesAndWatchesAreReferenceCodes() {
    ReferenceData reference = new ReferenceData();
    for (String purpose : reference.codes(ReferenceList.VISIT_PURPOSES)) {
      for (String status : reference.codes(ReferenceList.RESIDENCE_STATUSES)) {
        Map<String, Object> row = evaluate(purpose, status);
        for (String alternative : alternatives(row)) {
          assertThat(reference.has(ReferenceList.SUPPORT_ALTERNATIVES, alternative))
              .as(alternative)
              .isTrue();
        }
        if (row.get("decisionWatch") != null) {
          assertThat(reference.has(ReferenceList.DEADLINE_TYPES, (String) row.get("decisionWatch")))
              .isTrue();
        }
      }
    }
  }

  private static Map<String, Object> evaluate(String purpose, String status) {
    return table
        .evaluate(Map.of("visitPurpose", purpose, "residenceStatus", status))
        .getSingleResult()
        .getEntryMap();
  }

  private static List<String> alternatives(Map<String, Object> row) {
    String codes = (String) row.get("alternatives");
    return codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.trim().split("\\s+"));
  }
}
