package jp.bansou.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.bansou.casefile.CaseStages.Stage;
import jp.bansou.casefile.CaseStages.StageMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** The dashboard's stages come from the model: a modeller's rename or new task keeps them right. */
class CaseStagesTest {

  static StageMap stagesOf(String bpmn) {
    return CaseStages.from(
        Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8))));
  }

  static String caseModel() throws IOException {
    return Files.readString(Path.of("processes/accompaniment-case.bpmn"));
  }

  @Test
  void theModelListsTheStagesInOrder() throws IOException {
    StageMap map = stagesOf(caseModel());
    assertThat(map.stages())
        .extracting(Stage::code)
        .containsExactly("intake", "triage", "matching", "support", "closure");
    assertThat(map.stages()).extracting(Stage::label).doesNotContainNull();
    assertThat(map.withoutTask()).isEqualTo("support");
  }

  @Test
  void theEarliestStageAmongOpenTasksWins() throws IOException {
    StageMap map = stagesOf(caseModel());
    assertThat(map.stageOf(List.of("checkIn", "approveClosure"))).isEqualTo("support");
    assertThat(map.stageOf(List.of("approveClosure"))).isEqualTo("closure");
    assertThat(map.stageOf(List.of("reviewTriage", "handleOverdueTriage"))).isEqualTo("triage");
    assertThat(map.stageOf(List.of())).isEqualTo("support");
  }

  @Test
  void aTaskRenamedInModelerKeepsItsStage() throws IOException {
    String renamed = caseModel().replace("\"reviewTriage\"", "\"checkTheTriage\"");
    StageMap map = stagesOf(renamed);
    assertThat(map.stageOf(List.of("checkTheTriage"))).isEqualTo("triage");
    assertThat(map.byTask()).doesNotContainKey("reviewTriage");
  }
}
