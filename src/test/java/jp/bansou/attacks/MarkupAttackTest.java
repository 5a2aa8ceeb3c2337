package jp.bansou.attacks;

import static jp.bansou.attacks.Attacker.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import jp.bansou.CaseEngineTest;
import jp.bansou.engine.Markdown;
import jp.bansou.modelsafety.FormTextPolicy;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 14, part 6 — what a person typed is never markup. A form's text component is markdown, so
 * it may show only values that cannot carry links or images (our escaped summaries, numbers,
 * codes): a modeller's form that puts a typed value there is refused at deployment; our summaries
 * escape every typed part; the dashboard writes text, never HTML.
 */
@CaseEngineTest
class MarkupAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;

  Attacker attacker;
  String deploymentName;

  @BeforeEach
  void attacker() {
    attacker = new Attacker(rest.getRootUri());
    deploymentName = "markup-" + UUID.randomUUID();
  }

  @AfterEach
  void nothingDeployed() {
    assertThat(repositoryService.createDeploymentQuery().deploymentName(deploymentName).count())
        .isZero();
  }

  @Test
  void aFormThatShowsATypedValueAsTextIsRefused() {
    assertRefused(
        deployText("{{municipality}} の窓口へ同行します"), 400, "overview", "{{municipality}}", "読み取り専用");
  }

  @Test
  void aFormThatLoopsOverTypedValuesIsRefused() {
    assertRefused(deployText("{{#each notes}}- {{this}}\n{{/each}}"), 400, "notes");
  }

  @Test
  void aFormWhoseTextIsAnExpressionIsRefused() {
    assertRefused(deployText("=\"担当：\" + personName"), 400, "FEEL");
  }

  @Test
  void aFormThatShowsOnlyWhatIsSafeIsDeployed() {
    var response = deployText("ケース {{caseNumber}}：{{ caseOverview }}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    repositoryService.deleteDeployment(
        repositoryService
            .createDeploymentQuery()
            .deploymentName(deploymentName)
            .singleResult()
            .getId());
  }

  @Test
  void everyFormOfTheProjectKeepsToTheRule() throws IOException {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        assertThat(FormTextPolicy.problems(form.toString(), Files.readAllBytes(form)))
            .as(form.toString())
            .isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[再ログインしてください](https://attacker.invalid/login)",
        "![](https://attacker.invalid/track.png)",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">ここ</a>",
        "<https://attacker.invalid>",
        "**太字** _斜体_ `code` # 見出し\n- 一覧",
        "[参照][1]\n\n[1]: https://attacker.invalid"
      })
  void ourSummariesEscapeEveryTypedPart(String typed) {
    String escaped = Markdown.escape(typed);

    assertThat(escaped).doesNotContain("<", "](", "![", "\n");
    assertThat(escaped.replaceAll("\\\\.", "")).doesNotContainPattern("[\\[\\]()*_`#<>!]");
  }

  @Test
  void theDashboardWritesTextNeverHtml() throws IOException {
    try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/static/dashboard"))) {
      for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
        assertThat(Files.readString(script))
            .as(script.toString())
            .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
      }
    }
  }

  private java.net.http.HttpResponse<String> deployText(String text) {
    String form =
        """
        {"type": "default", "id": "markup", "schemaVersion": 16,
         "components": [{"type": "text", "id": "overview", "text": %s},
                        {"type": "textfield", "id": "note", "key": "note", "label": "メモ"}]}"""
            .formatted(json(text));
    return attacker.deploy("modeller", deploymentName, "markup.form", form);
  }

  private static String json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
