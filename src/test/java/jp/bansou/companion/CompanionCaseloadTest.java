package jp.bansou.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ranking reads every companion's caseload with one grouped query; it must count what the
 * engine's own query counts for each companion.
 */
@CaseEngineTest
class CompanionCaseloadTest {

  @Autowired ProcessEngine engine;
  @Autowired CompanionMatcher matcher;

  @Test
  void theGroupedCaseloadIsWhatTheEngineCountsForEachCompanion() {
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));

    Map<String, Long> grouped = matcher.openCasesByCompanion();

    assertThat(grouped.get("companion")).isPositive();
    for (String companion : matcher.companionIds()) {
      assertThat(grouped.getOrDefault(companion, 0L))
          .as(companion)
          .isEqualTo(matcher.openCases(companion));
    }
  }
}
