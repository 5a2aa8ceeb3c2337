package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The conventions a modeller keeps without Java: file name = process key = form id, a Camunda Form
 * on every user task and start form, a history time to live, and form options that equal the
 * reference data shipped in {@code src/main/resources/reference/}.
 */
class ModelConventionsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Form field keys whose options come from a reference list. */
  static final Map<String, ReferenceList> REFERENCED_FIELDS =
      Map.ofEntries(
          Map.entry("prefecture", ReferenceList.PREFECTURES),
          Map.entry("residenceStatus", ReferenceList.RESIDENCE_STATUSES),
          Map.entry("languages", ReferenceList.LANGUAGES),
          Map.entry("consentLanguage", ReferenceList.LANGUAGES),
          Map.entry("nationality", ReferenceList.NATIONALITIES),
          Map.entry("problemFields", ReferenceList.PROBLEM_FIELDS),
          Map.entry("advocacyField", ReferenceList.ADVOCACY_FIELDS),
          Map.entry("outcome", ReferenceList.CASE_OUTCOMES),
          Map.entry("officeType", ReferenceList.OFFICE_TYPES),
          Map.entry("visitPurpose", ReferenceList.VISIT_PURPOSES),
          Map.entry("documentsToBring", ReferenceList.VISIT_DOCUMENTS),
          Map.entry("documentsSubmitted", ReferenceList.VISIT_DOCUMENTS),
          Map.entry("visitResult", ReferenceList.VISIT_RESULTS),
          Map.entry("claimTypes", ReferenceList.CLAIM_TYPES),
          Map.entry("newCounterpartyType", ReferenceList.COUNTERPARTY_TYPES),
          Map.entry("newCounterpartyPrefecture", ReferenceList.PREFECTURES),
          Map.entry("escalation", ReferenceList.ESCALATION_ROUTES),
          Map.entry("legalAidRoute", ReferenceList.LEGAL_AID_ROUTES),
          Map.entry("legalOutcome", ReferenceList.LEGAL_OUTCOMES),
          Map.entry("fluentLanguages", ReferenceList.LANGUAGES),
          Map.entry("conversationalLanguages", ReferenceList.LANGUAGES),
          Map.entry("coveredPrefectures", ReferenceList.PREFECTURES),
          Map.entry("courseSession", ReferenceList.SPECIALTIES),
          Map.entry("eventTopics", ReferenceList.PROBLEM_FIELDS),
          Map.entry("eventLanguages", ReferenceList.LANGUAGES),
          Map.entry("venueType", ReferenceList.VENUE_TYPES),
          Map.entry("courseVenueType", ReferenceList.VENUE_TYPES),
          Map.entry("sessionVenueType", ReferenceList.VENUE_TYPES),
          Map.entry("courseTopics", ReferenceList.SPECIALTIES),
          Map.entry("applicantPrefecture", ReferenceList.PREFECTURES),
          Map.entry("aidPurpose", ReferenceList.AID_PURPOSES),
          Map.entry("officePrefecture", ReferenceList.PREFECTURES),
          Map.entry("barriers", ReferenceList.VISIT_BARRIERS),
          Map.entry("newDeadlineType", ReferenceList.DEADLINE_TYPES),
          Map.entry("documentType", ReferenceList.DOCUMENT_TYPES),
          Map.entry("drafter", ReferenceList.DOCUMENT_DRAFTERS));

  /** Form field keys that offer some of a reference list's codes, in its order. */
  static final Map<String, ReferenceList> PARTLY_REFERENCED_FIELDS =
      Map.of("legalDeadlineType", ReferenceList.DEADLINE_TYPES);

  @Test
  void everyUserTaskAndStartFormUsesADeployedCamundaForm() throws IOException {
    List<String> formIds = formIds();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
      assertThat(process.getCamundaHistoryTimeToLiveString()).as(file.toString()).isNotBlank();
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRef()).as(task.getId()).isIn(formIds);
        assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("latest");
        assertThat(task.getName()).as(task.getId()).isNotBlank();
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(start.getCamundaFormRef()).isIn(formIds);
          assertThat(start.getCamundaFormRefBinding()).isEqualTo("latest");
        }
      }
    }
  }

  /** The tracks a form offers are the processes marked {@code supportTrack}, each once. */
  @Test
  void trackOptionsAreTheTrackProcesses() throws IOException {
    List<String> tracks = TrackModels.codes();
    assertThat(tracks)
        .containsExactlyInAnyOrder(
            "office-accompaniment",
            "employer-negotiation",
            "lawyer-escalation",
            "document-preparation");
    int checked = 0;
    for (Path file : files("forms", ".form")) {
      for (JsonNode field : fields(JSON.readTree(file.toFile()))) {
        String key = field.path("key").asText();
        if ((key.equals("tracks") || key.equals("additionalTrack")) && field.has("values")) {
          List<String> values = new ArrayList<>();
          field.get("values").forEach(v -> values.add(v.get("value").asText()));
          assertThat(values)
              .as("%s in %s", key, file.getFileName())
              .containsExactlyInAnyOrderElementsOf(tracks);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(2);
  }

  @Test
  void formFileNameIsTheFormId() throws IOException {
    for (Path file : files("forms", ".form")) {
      assertThat(JSON.readTree(file.toFile()).get("id").asText() + ".form")
          .isEqualTo(file.getFileName().toString());
    }
  }

  @Test
  void formOptionsEqualTheReferenceData() throws IOException {
    ReferenceData reference = new ReferenceData();
    int checked = 0;
    for (Path file : files("forms", ".form")) {
      for (JsonNode field : fields(JSON.readTree(file.toFile()))) {
        ReferenceList list = REFERENCED_FIELDS.get(field.path("key").asText());
        if (list != null && field.has("values")) {
          List<String> values = new ArrayList<>();
          field.get("values").forEach(v -> values.add(v.get("value").asText()));
          assertThat(values)
              .as("%s in %s", field.get("key").asText(), file.getFileName())
              .containsExactlyElementsOf(reference.codes(list));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
    for (Path file : files("forms", ".form")) {
      for (JsonNode field : fields(JSON.readTree(file.toFile()))) {
        ReferenceList list = PARTLY_REFERENCED_FIELDS.get(field.path("key").asText());
        if (list != null && field.has("values")) {
          List<String> values = new ArrayList<>();
          field.get("values").forEach(v -> values.add(v.get("value").asText()));
          assertThat(reference.codes(list))
              .as("%s in %s", field.get("key").asText(), file.getFileName())
              .containsSubsequence(values);
        }
      }
    }
    assertThat(reference.codes(ReferenceList.PREFECTURES))
        .hasSize(47)
        .startsWith("01")
        .endsWith("47");
  }

  static List<JsonNode> fields(JsonNode container) {
    List<JsonNode> result = new ArrayList<>();
    container
        .path("components")
        .forEach(
            c -> {
              result.add(c);
              result.addAll(fields(c));
            });
    return result;
  }

  static List<String> formIds() throws IOException {
    List<String> ids = new ArrayList<>();
    for (Path file : files("forms", ".form")) {
      ids.add(JSON.readTree(file.toFile()).get("id").asText());
    }
    return ids;
  }

  static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(new File(folder).toPath())) {
      return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
