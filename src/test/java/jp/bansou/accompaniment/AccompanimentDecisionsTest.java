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

  @ParameterizedTest
  @ValueSource(strings = {"no-status", "provisional-release", "provisional-stay"})
  void personWithoutStatusGoingToAPublicOfficeNeedsAReportingRiskAssessment(String status) {
    for (String office : publicOffices()) {
      assertThat(checksFor(status, office, "labour")).as(office).containsExactly("reporting-risk");
      assertThat(checks.matchedRules()).containsExactly("rule01");
    }
  }

  @Test
  void personWithoutStatusGoingToAHospitalNeedsNoAssessment() {
    assertThat(checksFor("provisional-release", "hospital", "medical")).isEmpty();
    assertThat(checksFor("provisional-release", "legal-support-centre", "labour")).isEmpty();
  }

  @Test
  void personWithStatusNeedsNoAssessment() {
    assertThat(checksFor("permanent-resident", "immigration-bureau", "residence")).isEmpty();
    assertThat(checksFor("supervision-measures", "welfare-office", "livelihood")).isEmpty();
  }

  @Test
  void refugeeGoingToAnEmbassyNeedsAnAssessment() {
    assertThat(checksFor("designated-activities", "embassy", "refugee"))
        .containsExactly("reporting-risk");
    assertThat(checks.matchedRules()).containsExactly("rule02");
    assertThat(checksFor("designated-activities", "embassy", "labour")).isEmpty();
  }

  @Test
  void dvCaseGoingToTheMunicipalityNeedsTheAddressCheck() {
    assertThat(checksFor("spouse-of-japanese", "municipal-office", "dv"))
        .containsExactly("address-confidentiality");
    assertThat(checks.matchedRules()).containsExactly("rule03");
    assertThat(checksFor("spouse-of-japanese", "welfare-office", "dv"))
        .containsExactly("address-confidentiality");
    assertThat(checksFor("spouse-of-japanese", "hospital", "dv")).isEmpty();
  }

  @Test
  void dvCaseWithoutStatusNeedsBoth() {
    assertThat(checksFor("no-status", "municipal-office", "dv"))
        .containsExactly("reporting-risk", "address-confidentiality");
  }

  /** The table's list of public offices is the one in reference/office-types.csv. */
  @Test
  void publicOfficesInTheTableMatchTheReferenceData() {
    for (String office : new ReferenceData().codes(ReferenceList.OFFICE_TYPES)) {
      boolean publicOffice = publicOffices().contains(office);
      assertThat(checksFor("no-status", office, "other").contains("reporting-risk"))
          .as(office)
          .isEqualTo(publicOffice);
    }
  }

  private static List<String> publicOffices() {
    ReferenceData reference = new ReferenceData();
    return reference.codes(ReferenceList.OFFICE_TYPES).stream()
        .filter(o -> "yes".equals(reference.column(ReferenceList.OFFICE_TYPES, o, "public")))
        .toList();
  }

  private static List<Object> checksFor(String status, String office, String problem) {
    return checks
        .evaluate(
            Variables.createVariables()
                .putValue("residenceStatus", status)
                .putValue("officeType", office)
                .putValue("problemFields", List.of(problem)))
        .collectEntries("check");
  }
}
