package jp.bansou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.lessons.Lessons;
import jp.bansou.tracks.TrackDriver;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A companion plans a visit to a labour standards office and, from the planning form, opens the
 * lessons register, picks the office type and finds what another companion learned there — on a PC
 * and on a phone's width, in Japanese only. Screenshots: target/e2e/lesson-*.
 */
@CaseEngineTest
class LessonBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @BeforeAll
  static void needsChromium() {
    Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver are not installed");
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1366, 390})
  void aCompanionFindsALessonWhilePlanningAVisit(int width) throws Exception {
    String shot = "lesson-" + width + "-";
    String lesson = "給与明細を3か月分そろえると、その場で申告を受け付けてもらえた（" + System.nanoTime() + "）";
    publishLesson(lesson);
    ProcessInstance pi = openCase();
    Task plan = TrackDriver.waitForTrackTask(engine, pi.getId(), "planVisit");

    try (Browser companion = Browser.japanese("http://localhost:" + port, width)) {
      companion.logIn("tasklist", "companion");
      companion.open("/camunda/app/tasklist/default/#/");
      companion.act(
          d ->
              companion
                  .visible(row(pi.getBusinessKey(), "同行を計画する"))
                  .findElement(By.cssSelector("a"))
                  .click());
      WebElement link = companion.visible(By.partialLinkText("経験の記録をさがす"));
      companion.screenshot(shot + "1-plan-visit");
      List<String> before = new ArrayList<>(companion.driver.getWindowHandles());
      companion.act(d -> companion.visible(By.partialLinkText("経験の記録をさがす")).click());
      companion.wait.until(
          d ->
              d.getWindowHandles().size() > before.size()
                  || d.getCurrentUrl().contains("/lessons"));
      for (String handle : companion.driver.getWindowHandles()) {
        if (!before.contains(handle)) {
          companion.driver.switchTo().window(handle);
        }
      }
      assertThat(link).isNotNull();

      companion.visible(By.xpath("//h1[normalize-space(.)='経験の記録をさがす']"));
      companion.wait.until(
          d -> new Select(d.findElement(By.id("officeType"))).getOptions().size() > 1);
      new Select(companion.visible(By.id("officeType"))).selectByVisibleText("労働基準監督署");
      new Select(companion.visible(By.id("problemField"))).selectByVisibleText("労働");
      companion.click(By.xpath("//button[normalize-space(.)='さがす']"));

      // the list may be drawn again as the search answers: the text is read from the page as it is
      String found =
          companion.text(
              By.xpath(
                  "//article[contains(@class,'lesson')][.//dd[contains(.,'" + lesson + "')]]"));
      assertThat(found).contains("労働基準監督署", "給与明細");
      assertThat(found).doesNotContain(pi.getBusinessKey());
      companion.screenshot(shot + "2-lesson-found");
      assertThat(companion.englishWords()).as("English on the lessons page").isEmpty();
      assertThat(companion.scriptErrors()).isEmpty();
    }
    assertThat(plan).isNotNull();
  }

  private void publishLesson(String text) {
    ProcessInstance writtenFor = openCase();
    identityService.setAuthentication("companion", List.of("companions"));
    ProcessInstance lesson;
    try {
      String definition =
          engine
              .getRepositoryService()
              .createProcessDefinitionQuery()
              .processDefinitionKey(Lessons.PROCESS_KEY)
              .latestVersion()
              .singleResult()
              .getId();
      lesson =
          engine
              .getFormService()
              .submitStartForm(
                  definition,
                  Map.of(
                      "caseNumber", writtenFor.getBusinessKey(),
                      "officeType", "labour-standards-office",
                      "visitPurpose", "labour-complaint",
                      "lessonProblemField", "labour",
                      "lessonWhatWasSaid", "「証拠がないと受け付けられない」と言われた",
                      "lessonWhatWorked", text,
                      "lessonDocuments", FormJson.list(List.of("pay-slips"))));
    } finally {
      identityService.clearAuthentication();
    }
    CaseDriver.complete(
        engine, lesson, "reviewLesson", "coordinator", Map.of("lessonDecision", "publish"));
  }

  private ProcessInstance openCase() {
    ProcessInstance pi =
        CaseDriver.start(engine, Intake.person().list("problemFields", "labour", "medical"));
    CaseDriver.complete(engine, pi, "reviewTriage", "coordinator", Map.of());
    CaseDriver.complete(
        engine, pi, "confirmCompanion", "coordinator", Map.of("companionId", "companion"));
    CaseDriver.complete(engine, pi, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    return pi;
  }

  private static By row(String caseNumber, String taskName) {
    return By.xpath(
        "//li[contains(@class,'task')][.//*[contains(normalize-space(.),'"
            + taskName
            + "')]][.//*[contains(normalize-space(.),'"
            + caseNumber
            + "')]]");
  }
}
