package jp.bansou.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a deployed file goes in the export: under processes/ or forms/, never elsewhere. */
class RepositoryPathTest {

  @Test
  void bareNamesFromModelerGoIntoTheirFolder() {
    assertThat(LiveModels.repositoryPath("emergency-fund.bpmn"))
        .isEqualTo("processes/emergency-fund.bpmn");
    assertThat(LiveModels.repositoryPath("case-intake.form")).isEqualTo("forms/case-intake.form");
    assertThat(LiveModels.repositoryPath("processes/x.dmn")).isEqualTo("processes/x.dmn");
  }

  @Test
  void aNameThatClimbsOutStaysInside() {
    assertThat(LiveModels.repositoryPath("processes/../../etc/x.bpmn"))
        .isEqualTo("processes/x.bpmn");
    assertThat(LiveModels.repositoryPath("forms/..")).startsWith("processes/unnamed-");
    assertThat(LiveModels.repositoryPath("C:\\\\models\\\\y.form")).isEqualTo("forms/y.form");
  }
}
