package jp.bansou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.bansou.CaseEngineTest;
import jp.bansou.engine.EngineClock;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
      type(coordinator, "名前または呼び名", name);
      date(coordinator, "生年月日", "1999/05/14");
      choose(coordinator, "話せる言語", "ベトナム語");
      choose(coordinator, "都道府県", "東京都");
      choose(coordinator, "在留資格・いまの状態", "技能実習");
      tick(coordinator, "相談の分野", "医療");
      choose(coordinator, "どこから来た相談ですか", "相談会で");
      tick(coordinator, "同意", "ケースワーク（この相談の記録と支援）に同意しました");
      choose(coordinator, "同意を説明した言語", "ベトナム語");
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
      choose(coordinator, "このケースをお願いする伴走者", "伴走者A（デモ）");
      typeText(coordinator, "伴走者へのメモ", "初めての病院です。駅で待ち合わせてください。");
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
                  .visible(field("コーディネーターからのひとこと"))
                  .findElement(By.cssSelector("textarea"))
                  .getDomProperty("value"))
          .isEqualTo("初めての病院です。駅で待ち合わせてください。");
      companion.click(By.xpath("//label[contains(normalize-space(.),'引き受けます')]"));
      companion.screenshot(shot + "5-offer");
      assertNoEnglish(companion, "offer");
      complete(companion);
      Task plan = waitForTrackTask(pi, "planVisit");

      openTask(companion, plan, "同行を計画する");
      choose(companion, "行き先の種類", "病院・診療所");
      type(companion, "行き先の名前", "都立病院");
      choose(companion, "目的", "受診");
      typeText(companion, "候補の日時", "来週の火曜の午前");
      companion.screenshot(shot + "6-plan");
      assertNoEnglish(companion, "plan");
      complete(companion);
      Task schedule = waitForTrackTask(pi, "scheduleVisit");

      // a past date is refused, with its message next to the field
      openTask(companion, schedule, "日時と場所を確定する");
      LocalDate today = LocalDate.now(EngineClock.JAPAN);
      date(companion, "同行する日", today.minusDays(1).format(JAPANESE));
      type(companion, "時刻", "10:00");
      type(companion, "待ち合わせ場所", "病院の正面玄関");
      complete(companion);
      WebElement refusal =
          companion.visible(
              By.xpath(
                  "//div[contains(@class,'fjs-form-field')][.//label[contains(.,'同行する日')]]"
                      + "//*[contains(@class,'bansou-server-error')]"));
      assertThat(refusal.getText()).contains("同行する日", "今日かそれより後");
      companion.screenshot(shot + "7-refused-next-to-the-field");
      assertNoEnglish(companion, "refusal");

      date(companion, "同行する日", today.format(JAPANESE));
      complete(companion);
      Task outcome = waitForTrackTask(pi, "recordVisitOutcome");
      assertThat(runtimeService.getVariable(outcome.getProcessInstanceId(), "visitDate"))
          .isEqualTo(today.toString());

      openTask(companion, outcome, "同行の結果を記録する");
      choose(companion, "結果", "予定どおりできた");
      typeText(companion, "どうなったか", "診察を受けられた。次は来月。");
      type(companion, "かかった時間", "3");
      companion.screenshot(shot + "8-outcome");
      assertNoEnglish(companion, "outcome");
      complete(companion);
      waitForTrackTask(pi, "approveFeeClaim");
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

  private Task waitForTrackTask(ProcessInstance pi, String key) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      for (ProcessInstance track :
          runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list()) {
        Task task =
            taskService
                .createTaskQuery()
                .processInstanceId(track.getId())
                .taskDefinitionKey(key)
                .singleResult();
        if (task != null) {
          return task;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no task " + key);
  }

  /** The innermost form field whose label (or legend) says this. */
  private static By field(String label) {
    String labelled =
        "[.//label[contains(normalize-space(.),'"
            + label
            + "')] or .//legend[contains(normalize-space(.),'"
            + label
            + "')]]";
    return By.xpath(
        "//div[contains(@class,'fjs-form-field')]"
            + labelled
            + "[not(.//div[contains(@class,'fjs-form-field')]"
            + labelled
            + ")]");
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

  private static void type(Browser browser, String label, String text) {
    browser.act(
        d -> {
          WebElement input = browser.visible(field(label)).findElement(By.cssSelector("input"));
          input.clear();
          input.sendKeys(text);
        });
  }

  private static void typeText(Browser browser, String label, String text) {
    browser.act(
        d -> browser.visible(field(label)).findElement(By.cssSelector("textarea")).sendKeys(text));
  }

  /** Types a date as a Japanese person writes it, and leaves the field. */
  private static void date(Browser browser, String label, String text) {
    browser.act(
        d -> {
          WebElement input =
              browser
                  .visible(field(label))
                  .findElement(By.cssSelector("input:not([type='hidden'])"));
          input.click();
          input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
          input.sendKeys(text, Keys.ENTER);
          input.sendKeys(Keys.ESCAPE);
        });
  }

  /** A select or tag list of form-js: open it, type to search when it can, pick the option. */
  private static void choose(Browser browser, String label, String option) {
    browser.act(
        d -> {
          WebElement container = browser.visible(field(label));
          List<WebElement> inputs =
              container.findElements(
                  By.cssSelector("input:not([type='hidden']):not(.fjs-select-hidden-input)"));
          if (!inputs.isEmpty()) {
            inputs.get(0).click();
            inputs.get(0).sendKeys(option);
          } else {
            container.findElement(By.cssSelector(".fjs-input-group, .fjs-select-display")).click();
          }
        });
    By item =
        By.xpath(
            "//div[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.),'"
                + option
                + "')]");
    // a long list scrolls within itself: bring the option into its view, then tap it
    browser.act(
        d -> {
          WebElement found = d.findElement(item);
          ((org.openqa.selenium.JavascriptExecutor) d)
              .executeScript(
                  "const list = arguments[0].closest('.fjs-dropdownlist');"
                      + " list.style.scrollBehavior = 'auto';"
                      + " list.scrollTop = arguments[0].offsetTop - 40;",
                  found);
          found.click();
        });
  }

  private static void tick(Browser browser, String label, String option) {
    browser.act(
        d ->
            browser
                .visible(field(label))
                .findElement(By.xpath(".//label[contains(normalize-space(.),'" + option + "')]"))
                .click());
  }
}
