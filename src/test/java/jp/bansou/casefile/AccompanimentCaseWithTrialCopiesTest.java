package jp.bansou.casefile;

import jp.bansou.CaseEngineTest;
import jp.bansou.trial.CoveragePause;
import jp.bansou.trial.TrialCopies;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15, item 7 — trial copies of every model and form under the tenant trial change nothing for
 * a real case: every path of {@code accompaniment-case} (intake, triage, companion, tracks, timers,
 * closure) runs again, unchanged, while a trial copy of each definition exists.
 */
@CaseEngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccompanimentCaseWithTrialCopiesTest extends AccompanimentCaseProcessTest {

  @Autowired RepositoryService repositories;

  String trialCopies;
  CoveragePause coverage;

  @BeforeAll
  void deployTrialCopiesOfEverything() {
    coverage = CoveragePause.of(engine, TrialCopies.processKeys());
    trialCopies = TrialCopies.deploy(repositories);
  }

  @AfterAll
  void removeThem() {
    TrialCopies.remove(repositories, trialCopies);
    coverage.resume();
  }
}
