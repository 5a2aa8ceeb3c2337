package jp.bansou.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.deployment.Modeler;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 15, part 3 — the kinds of office are the modeller's, not the jar's: a new option of the
 * visit plan's question 行き先の種類, deployed from Camunda Modeler, is an office type everywhere (its
 * name on the dashboard and in exports, a choice on the lessons page) without a rebuilt jar, and
 * putting the form back in the repository needs no other file.
 */
@CaseEngineTest
class OfficeTypesFollowTheFormTest {

  static final String NEW_OPTION =
      """
      {"label": "女性相談支援センター", "value": "women-support-centre"},
      """;

  @Autowired ReferenceData reference;
  @Autowired RepositoryService repositoryService;
  @Autowired TestRestTemplate rest;

  final String deploymentName = "office-types-" + UUID.randomUUID();

  @AfterEach
  void removeWhatWasDeployed() {
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aNewKindOfOfficeDeployedInTheVisitPlanIsKnownAtOnce() {
    assertThat(reference.has(ReferenceList.OFFICE_TYPES, "women-support-centre")).isFalse();
    assertThat(reference.has(ReferenceList.OFFICE_TYPES, "welfare-office")).isTrue();

    String form = Modeler.file("forms/plan-visit.form");
    int values = form.indexOf("\"values\": [", form.indexOf("\"key\": \"officeType\""));
    String changed =
        form.substring(0, values + "\"values\": [".length())
            + NEW_OPTION
            + form.substring(values + "\"values\": [".length());
    var answer =
        new Modeler(rest.getRootUri(), "modeller")
            .deploy(deploymentName, Modeler.files("plan-visit.form", changed));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

    assertThat(reference.has(ReferenceList.OFFICE_TYPES, "women-support-centre")).isTrue();
    assertThat(reference.name(ReferenceList.OFFICE_TYPES, "women-support-centre"))
        .isEqualTo("女性相談支援センター");
    assertThat(reference.codes(ReferenceList.OFFICE_TYPES))
        .startsWith("women-support-centre", "welfare-office");
    assertThat(lessonChoices())
        .contains(Map.of("value", "women-support-centre", "label", "女性相談支援センター"));

    removeWhatWasDeployed();
    assertThat(reference.has(ReferenceList.OFFICE_TYPES, "women-support-centre"))
        .as("the form before the change is live again")
        .isFalse();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, String>> lessonChoices() {
    Map<String, Object> answer =
        rest.withBasicAuth("companion", "companion").getForObject("/api/lessons", Map.class);
    return (List<Map<String, String>>)
        ((Map<String, Object>) answer.get("choices")).get("officeType");
  }
}
