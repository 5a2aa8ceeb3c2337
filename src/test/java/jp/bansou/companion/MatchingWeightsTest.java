package jp.bansou.companion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import jp.bansou.CaseEngineTest;
import jp.bansou.deployment.Modeler;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 15, part 3 — the matching weights live in DMN {@code companion-matching}: a modeller who
 * changes a weight in the table and deploys it from Camunda Modeler changes the next ranking, with
 * no Java and no restart.
 */
@CaseEngineTest
class MatchingWeightsTest {

  @Autowired CompanionMatcher matcher;
  @Autowired RepositoryService repositoryService;
  @Autowired TestRestTemplate rest;

  String deploymentName = "matching-" + UUID.randomUUID();

  @AfterEach
  void removeWhatWasDeployed() {
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void changingTheTableChangesTheRanking() {
    // Tokyo, Chinese: companion covers Tokyo without Chinese, companion2 works remotely in Chinese
    int localBefore = score("companion");
    int remoteBefore = score("companion2");

    deploy(
        table()
            .replace(
                "<outputEntry id=\"rule_fluent_points\"><text>fluentSharedLanguages * 2</text>",
                "<outputEntry id=\"rule_fluent_points\"><text>fluentSharedLanguages * 100</text>"));

    assertThat(ranking()).startsWith("companion2");
    assertThat(score("companion2")).isEqualTo(remoteBefore + 98);
    assertThat(score("companion")).isEqualTo(localBefore);

    deploy(
        table()
            .replace(
                "<outputEntry id=\"rule_local_points\"><text>4</text>",
                "<outputEntry id=\"rule_local_points\"><text>400</text>"));

    assertThat(ranking()).startsWith("companion");
    assertThat(score("companion")).isEqualTo(localBefore + 396);
    assertThat(score("companion2")).isEqualTo(remoteBefore);
  }

  private void deploy(String table) {
    assertThat(table).isNotEqualTo(Modeler.file("processes/companion-matching.dmn"));
    var answer =
        new Modeler(rest.getRootUri(), "modeller")
            .deploy(deploymentName, Modeler.files("companion-matching.dmn", table));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private static String table() {
    return Modeler.file("processes/companion-matching.dmn");
  }

  private List<CompanionMatcher.Candidate> candidates() {
    return matcher.rank("13", List.of("zh"), List.of(), List.of());
  }

  private List<String> ranking() {
    return candidates().stream()
        .map(CompanionMatcher.Candidate::userId)
        .filter(id -> id.equals("companion") || id.equals("companion2"))
        .toList();
  }

  private int score(String userId) {
    return candidates().stream()
        .filter(c -> c.userId().equals(userId))
        .findFirst()
        .orElseThrow()
        .score();
  }
}
