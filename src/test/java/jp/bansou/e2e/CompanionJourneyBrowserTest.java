package jp.bansou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.bansou.CaseEngineTest;
import jp.bansou.engine.EngineClock;
import jp.bansou.tracks.TrackDriver;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One case as the real people walk it in Tasklist, in a Japanese browser, on a PC (1366 px) and on
 * a phone's width (390 px): the coordinator takes the intake, typing the birth date the Japanese
 * way; reviews the triage and offers the case with a memo; the companion finds the offer at home,
 * with its case number, reads the memo and accepts without claiming anything; plans the visit;
 * schedules it, typing the date the Japanese way (a past date is refused next to its field); and
 * records the outcome. Dates are stored as typed; no screen shows English beyond product names.
 * Screenshots: target/e2e/journey-*.
 */
@CaseEngineTest
class CompanionJourneyBrowserTest {

  static final DateTimeFormatter JAPANESE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  @LocalServerPort int port;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired jp.bansou.casefile.CaseSummaries summaries;
  @Autowired jp.bansou.person.PersonRecords person;

  @BeforeAll
  static void needsChromium() {
    Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver are not installed");
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1366, 390})
  void aCaseFromIntakeToTheVisitsOutcome(int width) throws Exception {
    String shot = "journey-" + width + "-";
    String name = "伴走 太郎" + (System.nanoTime() % 100000);
    ProcessInstance pi;
    try (Browser coordinator = Browser.japanese(base(), width)) {
      coordinator.logIn("tasklist", "coordinator");
      startProcess(coordinator);
      coordinator.click(Browser.text("伴走支援ケース"));
      try {
        coordinator.visible(Browser.text("相談を受け付ける"));
      } catch (org.openqa.selenium.TimeoutException listRedrawnUnderTheClick) {
        // on a busy machine the list of processes may redraw under the click: once more
        if (!coordinator.driver.findElements(Browser.text("伴走支援ケース")).isEmpty()) {
          coordinator.click(Browser.text("伴走支援ケース"));
        }
        coordinator.visible(Browser.text("相談を受け付ける"));
      }
      coordinator.type("名前または呼び名", name);
      coordinator.type("名前のローマ字", "Bansou Taro");
      coordinator.show("名前または呼び名");
      coordinator.screenshot(shot + "1-intake-name");
      coordinator.date("生年月日", "1999/05/14");
      coordinator.choose("話せる言語", "ベトナム語");
      coordinator.choose("都道府県", "東京都");
      coordinator.choose("在留資格・いまの状態", "技能実習");
      coordinator.tick("相談の分野", "医療");
      coordinator.choose("どこから来た相談ですか", "相談会で");
      coordinator.tick("同意", "ケースワーク（この相談の記録と支援）に同意しました");
      coordinator.choose("同意を説明した言語", "ベトナム語");
      coordinator.screenshot(shot + "1-intake");
      assertNoEnglish(coordinator, "intake");
      coordinator.click(By.xpath("//button[normalize-space(.)='開始']"));

      pi = waitForCase(name);
      // typed as 1999/05/14, kept as that very day
      assertThat(person.forChecks(pi.getBusinessKey()).get("birthDate")).isEqualTo("1999-05-14");

      openTask(coordinator, pi, "トリアージを確認する");
      // a task for the coordinators: whoever takes it says so first
      take(coordinator);
      coordinator.screenshot(shot + "2-triage");
      assertNoEnglish(coordinator, "triage");
      complete(coordinator);
      waitForTask(pi, "confirmCompanion");

      openTask(coordinator, pi, "伴走者を決める");
      take(coordinator);
      coordinator.choose("このケースをお願いする伴走者", "伴走者A（デモ）");
      coordinator.typeText("伴走者へのメモ", "初めての病院です。駅で待ち合わせてください。");
      coordinator.screenshot(shot + "3-confirm-companion");
      complete(coordinator);
      waitForTask(pi, "offerCase");
    }

    try (Browser companion = Browser.japanese(base(), width)) {
      companion.logIn("tasklist", "companion");
      // home: the companion's own list, the offer in it with its case number
      companion.visible(Browser.text("自分のタスク"));
      companion.visible(row(pi.getBusinessKey(), "ケースを引き受けるか答える"));
      companion.screenshot(shot + "4-home");
      assertNoEnglish(companion, "home");
      companion.act(
          d ->
              companion
                  .visible(row(pi.getBusinessKey(), "ケースを引き受けるか答える"))
                  .findElement(By.cssSelector("a"))
                  .click());
      // the coordinator's memo, shown where the companion decides
      assertThat(
              companion
                  .visible(Browser.field("コーディネーターからのひとこと"))
                  .findElement(By.cssSelector("textarea"))
                  .getDomProperty("value"))
          .isEqualTo("初めての病院です。駅で待ち合わせてください。");
      companion.click(By.xpath("//label[contains(normalize-space(.),'引き受けます')]"));
      companion.screenshot(shot + "5-offer");
      assertNoEnglish(companion, "offer");
      complete(companion);
      Task plan = TrackDriver.waitForTrackTask(engine, pi.getId(), "planVisit");

      openTask(companion, plan, "同行を計画する");
      companion.choose("行き先の種類", "病院・診療所");
      companion.type("行き先の名前", "都立病院");
      companion.choose("目的", "受診");
      companion.typeText("候補の日時", "来週の火曜の午前");
      companion.screenshot(shot + "6-plan");
      assertNoEnglish(companion, "plan");
      complete(companion);
      Task schedule = TrackDriver.waitForTrackTask(engine, pi.getId(), "scheduleVisit");

      // the person called by name in a note is refused, saying what to write instead
      openTask(companion, schedule, "日時と場所を確定する");
      LocalDate today = LocalDate.now(EngineClock.JAPAN);
      companion.date("同行する日", today.format(JAPANESE));
      companion.type("時刻", "10:00");
      companion.type("待ち合わせ場所", "伴走さんと病院の正面玄関で");
      complete(companion);
      assertThat(besideTheField(companion, "待ち合わせ場所").getText())
          .contains("待ち合わせ場所", "名前", "「本人」と書いて");
      companion.screenshot(shot + "7-name-refused");
      assertNoEnglish(companion, "name refused");

      // a past date is refused, with its message next to the field
      companion.date("同行する日", today.minusDays(1).format(JAPANESE));
      companion.type("待ち合わせ場所", "病院の正面玄関");
      complete(companion);
      assertThat(besideTheField(companion, "同行する日").getText()).contains("同行する日", "今日かそれより後");
      companion.screenshot(shot + "7-refused-next-to-the-field");
      assertNoEnglish(companion, "refusal");

      companion.date("同行する日", today.format(JAPANESE));
      complete(companion);
      Task outcome = TrackDriver.waitForTrackTask(engine, pi.getId(), "recordVisitOutcome");
      assertThat(runtimeService.getVariable(outcome.getProcessInstanceId(), "visitDate"))
          .isEqualTo(today.toString());

      openTask(companion, outcome, "同行の結果を記録する");
      companion.choose("結果", "予定どおりできた");
      companion.typeText("どうなったか", "診察を受けられた。次は来月。");
      companion.type("かかった時間", "3");
      companion.screenshot(shot + "8-outcome");
      assertNoEnglish(companion, "outcome");
      complete(companion);
      TrackDriver.waitForTrackTask(engine, pi.getId(), "approveFeeClaim");
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /** A row of the task list: the task's name and, among its facts, the case number. */
  private static By row(String caseNumber, String taskName) {
    return By.xpath(
        "//li[contains(@class,'task')][.//*[contains(normalize-space(.),'"
            + taskName
            + "')]][.//*[contains(normalize-space(.),'"
            + caseNumber
            + "')]]");
  }

  /** Opens a task of the list as a person would: its row, recognised by the case number. */
  private void openTask(Browser browser, ProcessInstance pi, String taskName) {
    browser.open("/camunda/app/tasklist/default/#/");
    browser.act(
        d ->
            browser
                .visible(row(pi.getBusinessKey(), taskName))
                .findElement(By.cssSelector("a"))
                .click());
    browser.visible(By.cssSelector(".fjs-container"));
  }

  private void openTask(Browser browser, Task task, String taskName) {
    String caseNumber = (String) taskService.getVariable(task.getId(), "caseNumber");
    browser.open("/camunda/app/tasklist/default/#/");
    browser.act(
        d -> browser.visible(row(caseNumber, taskName)).findElement(By.cssSelector("a")).click());
    browser.visible(By.cssSelector(".fjs-container"));
  }

  private static void take(Browser browser) {
    By take = By.xpath("//button[normalize-space(.)='このタスクを担当する']");
    browser.click(take);
    browser.wait.until(d -> d.findElements(take).stream().noneMatch(WebElement::isDisplayed));
  }

  private static void complete(Browser browser) {
    browser.click(By.xpath("//button[normalize-space(.)='完了']"));
  }

  private static void assertNoEnglish(Browser browser, String screen) {
    List<String> english = browser.englishWords();
    assertThat(english).as("English on the %s screen", screen).isEmpty();
  }

  /** The server's refusal, shown next to the field it is about. */
  private static WebElement besideTheField(Browser browser, String label) {
    return browser.visible(
        By.xpath(
            "//div[contains(@class,'fjs-form-field')][.//label[contains(.,'"
                + label
                + "')]]//*[contains(@class,'bansou-server-error')]"));
  }

  private ProcessInstance waitForCase(String name) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      for (var summary : summaries.open()) {
        if (name.equals(person.forChecks(summary.caseNumber()).get("personName"))) {
          return runtimeService
              .createProcessInstanceQuery()
              .processInstanceId(summary.processInstanceId())
              .singleResult();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the case was not started");
  }

  private Task waitForTask(ProcessInstance pi, String key) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Task task =
          taskService
              .createTaskQuery()
              .processInstanceId(pi.getId())
              .taskDefinitionKey(key)
              .singleResult();
      if (task != null) {
        return task;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no task " + key);
  }

  /** Tasklist's "start process", from the menu where a narrow screen folds it. */
  private static void startProcess(Browser browser) {
    browser.act(
        d -> {
          var link = d.findElements(By.partialLinkText("プロセスを開始"));
          if (link.stream().noneMatch(WebElement::isDisplayed)) {
            d.findElements(By.cssSelector(".navbar-toggle")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .ifPresent(WebElement::click);
          }
          browser.visible(By.partialLinkText("プロセスを開始")).click();
        });
  }
}
