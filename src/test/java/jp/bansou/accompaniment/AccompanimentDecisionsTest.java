package jp.bansou.accompaniment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.bansou.DecisionTable;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DMN {@code accompaniment-fee} and {@code visit-risk-check}, rule by rule. */
class AccompanimentDecisionsTest {

  static final DecisionTable fee = new DecisionTable("accompaniment-fee.dmn", "accompaniment-fee");
  static final DecisionTable checks = new DecisionTable("visit-risk-check.dmn", "visit-risk-check");

  @ParameterizedTest(name = "{0} hours → {1} yen ({2})")
  @CsvSource({
    "0.5, 6000, rule01",
    "2.99, 6000, rule01",
    "3, 10000, rule02",
    "3.01, 10000, rule02",
    "8, 10000, rule02"
  })
  void feeByDuration(double hours, int yen, String rule) {
    Object result = fee.evaluate(Map.of("durationHours", hours)).getSingleResult().getSingleEntry();
    assertThat(result).isEqualTo(yen);
    assertThat(fee.matchedRules()).containsExactly(rule);
  }

  static final List<String> WITHOUT_STATUS =
      List.of("no-status", "provisional-release", "provisional-stay");

  @ParameterizedTest
  @ValueSource(strings = {"no-status", "provisional-release", "provisional-stay"})
  void personWithoutStatusGoingToAPublicOfficeNeedsAnAssessment(String status) {
    for (String office : publicOffices()) {
      List<Object> checks = checksFor(status, office, "other", "labour", "13");
      if (List.of("immigration-bureau", "detention-centre").contains(office)) {
        // 入管 knows the person already: the risk there is detention, not a report
        assertThat(checks).as(office).containsExactly("detention-risk");
      } else {
        assertThat(checks).as(office).containsExactly("reporting-risk");
      }
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "welfare-office, reportingAdministration",
    "municipal-office, reportingAdministration",
    "labour-standards-office, reportingAdministration",
    "hello-work, reportingAdministration",
    "public-health-centre, reportingAdministration",
    "child-guidance-centre, reportingAdministration",
    "dv-support-centre, reportingAdministration",
    "public-hospital, reportingPublicHospital",
    "school, reportingSchool",
    "police, reportingPoliceCourt",
    "court, reportingPoliceCourt",
    "immigration-bureau, detentionAtImmigration",
    "detention-centre, detentionAtImmigration"
  })
  void eachPublicOfficeHasItsRule(String office, String rule) {
    checksFor("provisional-release", office, "other", "labour", "13");
    assertThat(checks.matchedRules()).containsExactly(rule);
  }

  @Test
  void aPrivateHospitalTheLegalAidCentreTheCouncilAndRhqNeedNoAssessment() {
    for (String office :
        List.of("hospital", "legal-support-centre", "social-welfare-council", "rhq", "other")) {
      assertThat(checksFor("no-status", office, "other", "medical", "13")).as(office).isEmpty();
    }
  }

  @Test
  void personWithStatusNeedsNoAssessment() {
    assertThat(checksFor("permanent-resident", "immigration-bureau", "other", "residence", "13"))
        .isEmpty();
    assertThat(checksFor("permanent-resident", "police", "other", "dv-less", "13")).isEmpty();
  }

  /** 監理措置: known to 入管, so no report from other offices; detention is the risk at 入管. */
  @Test
  void supervisionMeasuresAreAssessedAtImmigrationOnly() {
    assertThat(checksFor("supervision-measures", "welfare-office", "other", "livelihood", "13"))
        .isEmpty();
    assertThat(checksFor("supervision-measures", "immigration-bureau", "other", "other", "13"))
        .containsExactly("detention-risk");
    assertThat(checks.matchedRules()).containsExactly("detentionAtImmigration");
  }

  @Test
  void refugeeGoingToAnEmbassyNeedsAnAssessment() {
    assertThat(checksFor("designated-activities", "embassy", "other", "refugee", "13"))
        .containsExactly("reporting-risk");
    assertThat(checks.matchedRules()).containsExactly("refugeeEmbassy");
    assertThat(checksFor("designated-activities", "embassy", "other", "labour", "13")).isEmpty();
  }

  /** 仮放免 and 監理措置 may not leave their prefecture without a 一時旅行許可. */
  @ParameterizedTest(name = "{0} to prefecture {1} → {2}")
  @CsvSource({
    "provisional-release, 14, true",
    "supervision-measures, 14, true",
    "provisional-release, 13, false",
    "provisional-stay, 14, false",
    "permanent-resident, 14, false"
  })
  void travelOutsideThePrefectureNeedsAPermission(
      String status, String officePrefecture, boolean needed) {
    List<Object> found = checksFor(status, "hospital", "medical-care", "medical", officePrefecture);
    assertThat(found.contains("travel-permission")).isEqualTo(needed);
    if (needed) {
      assertThat(checks.matchedRules()).containsExactly("travelPermission");
    }
  }

  @Test
  void withoutTheOfficesPrefectureNoTravelCheck() {
    assertThat(checksFor("provisional-release", "hospital", "medical-care", "medical", null))
        .isEmpty();
  }

  @ParameterizedTest(name = "DV at {0}")
  @ValueSource(
      strings = {
        "municipal-office",
        "welfare-office",
        "school",
        "public-health-centre",
        "child-guidance-centre",
        "hello-work",
        "immigration-bureau"
      })
  void dvCaseGoingWhereTheAddressIsWrittenNeedsTheAddressCheck(String office) {
    assertThat(checksFor("spouse-of-japanese", office, "other", "dv", "13"))
        .containsExactly("address-confidentiality");
    assertThat(checks.matchedRules()).containsExactly("addressAtOffice");
  }

  /** The visit that asks for 支援措置 is the protection itself: the check must not stop it. */
  @Test
  void theVisitRequestingSupportMeasuresIsNotChecked() {
    assertThat(checksFor("spouse-of-japanese", "municipal-office", "support-measures", "dv", "13"))
        .isEmpty();
  }

  @ParameterizedTest(name = "DV, {0}")
  @ValueSource(
      strings = {
        "health-insurance",
        "residence-renewal",
        "child-allowance",
        "schooling",
        "residence-registration"
      })
  void dvCaseWhoseProcedureSendsMailToTheAddressNeedsTheAddressCheck(String purpose) {
    assertThat(checksFor("spouse-of-japanese", "other", purpose, "dv", "13"))
        .containsExactly("address-confidentiality");
    assertThat(checks.matchedRules()).containsExactly("addressByPurpose");
  }

  @Test
  void dvCaseAtAHospitalOrACourtNeedsNoAddressCheck() {
    assertThat(checksFor("spouse-of-japanese", "hospital", "medical-care", "dv", "13")).isEmpty();
    assertThat(checksFor("spouse-of-japanese", "court", "protection-order", "dv", "13")).isEmpty();
  }

  @Test
  void dvCaseWithoutStatusNeedsBoth() {
    assertThat(checksFor("no-status", "municipal-office", "other", "dv", "13"))
        .containsExactly("reporting-risk", "address-confidentiality");
  }

  /** Every office type the visit plan offers: a public office, and only one, needs the check. */
  @Test
  void publicOfficesInTheTableMatchTheReferenceData() {
    for (String office : new ReferenceData().codes(ReferenceList.OFFICE_TYPES)) {
      boolean publicOffice = publicOffices().contains(office);
      List<Object> found = checksFor("no-status", office, "other", "other", "13");
      assertThat(found.contains("reporting-risk") || found.contains("detention-risk"))
          .as(office)
          .isEqualTo(publicOffice);
    }
  }

  @Test
  void everyCheckIsExplainedInTheReferenceData() {
    ReferenceData reference = new ReferenceData();
    for (String check :
        List.of(
            "reporting-risk", "detention-risk", "travel-permission", "address-confidentiality")) {
      assertThat(reference.has(ReferenceList.VISIT_CHECKS, check)).as(check).isTrue();
    }
  }

  /**
   * The offices whose staff are public servants (公務員), who may report a person without status to 入管
   * (入管法 62条2項): the table asks for the reporting-risk check before such a visit.
   */
  private static List<String> publicOffices() {
    return List.of(
        "welfare-office",
        "municipal-office",
        "immigration-bureau",
        "detention-centre",
        "labour-standards-office",
        "hello-work",
        "public-hospital",
        "public-health-centre",
        "child-guidance-centre",
        "police",
        "court",
        "school",
        "dv-support-centre");
  }

  private static List<Object> checksFor(
      String status, String office, String purpose, String problem, String officePrefecture) {
    return checks
        .evaluate(
            Variables.createVariables()
                .putValue("residenceStatus", status)
                .putValue("officeType", office)
                .putValue("visitPurpose", purpose)
                .putValue("problemFields", List.of(problem))
                .putValue("prefecture", "13")
                .putValue("officePrefecture", officePrefecture))
        .collectEntries("check");
  }
}
