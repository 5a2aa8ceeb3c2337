package jp.bansou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.FormJson;
import jp.bansou.casefile.CaseSummaries;
import jp.bansou.casefile.CaseSummary;
import jp.bansou.engine.EngineClock;
import jp.bansou.person.PersonRecords;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A volunteer at a 相談会 receives a walk-in on a phone: Tasklist in Japanese at 390 px wide, the
 * walk-in form filled in and sent, and the case opened with the person sealed. Screenshots of each
 * part of the form go to target/e2e/ (h-*.png).
 */
@CaseEngineTest
class WalkInBrowserTest {

  /** An iPhone 12–15's CSS width and height. */
  static final Dimension PHONE = new Dimension(390, 844);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired CaseSummaries summaries;
  @Autowired PersonRecords person;

  @BeforeAll
  static void needsChromium() {
    Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver are not installed");
  }

  @Test
  void aVolunteerReceivesAWalkInOnAPhoneInJapanese() throws Exception {
    String eventNumber = eventWithItsDayOpen();
    Task walkIn = walkInOf(eventNumber);
    String name = "グエン・テスト " + System.nanoTime() % 100000;

    try (Browser volunteer = new Browser("http://localhost:" + port, "ja")) {
      volunteer.driver.manage().window().setSize(PHONE);
      volunteer.logIn("tasklist", "companion");
      volunteer.open("/camunda/app/tasklist/default/#/?task=" + walkIn.getId());
      volunteer.visible(Browser.text("来た人の受付"));
      volunteer.screenshot("h-1-walk-in-opened");

      volunteer.choose("話せる言語", "ベトナム語");
      // a tag list stays open for more languages: a tap outside closes it, as on a phone
      volunteer.click(Browser.text("分かることだけで大丈夫です"));
      volunteer.choose("国籍", "ベトナム");
      volunteer.choose("在留資格（ビザ）", "技能実習");
      ((JavascriptExecutor) volunteer.driver)
          .executeScript(
              "arguments[0].scrollIntoView({block: 'start'});",
              volunteer.visible(Browser.text("来た人の受付")));
      volunteer.screenshot("h-2-walk-in-first-fields");
      volunteer.tick("相談の分野", "労働");
      volunteer.tick("いま困っていること", "食べ物・お金がない");
      volunteer.show("いま困っていること");
      volunteer.screenshot("h-3-walk-in-categories");

      volunteer.tick("このあと", "続けて支援する（ケースを開く）");
      volunteer.type("名前または呼び名", name);
      volunteer.type("電話番号", "090-1234-5678");
      volunteer.click(By.xpath("//label[contains(normalize-space(.),'相談の記録と支援に本人が同意しました')]"));
      volunteer.click(By.xpath("//label[contains(normalize-space(.),'本人が統計に同意（名前は出ない）')]"));
      volunteer.show("名前または呼び名");
      volunteer.screenshot("h-4-walk-in-follow-up");

      volunteer.click(By.xpath("//button[normalize-space(.)='完了']"));
      new WebDriverWait(volunteer.driver, Duration.ofSeconds(20))
          .until(d -> taskService.createTaskQuery().taskId(walkIn.getId()).count() == 0);
      volunteer.screenshot("h-5-walk-in-sent");
      assertThat(volunteer.scriptErrors()).isEmpty();
    }

    CaseSummary opened =
        summaries.all().stream()
            .filter(c -> name.equals(person.forChecks(c.caseNumber()).get("personName")))
            .findFirst()
            .orElseThrow();
    assertThat(opened.referredBy()).isEqualTo("consultation-event");
    assertThat(opened.languages()).containsExactly("vi");
    assertThat(opened.statusCategory()).isEqualTo("technical-intern");
    assertThat(opened.prefecture()).as("the event's prefecture, already chosen").isEqualTo("13");
    // the next walk-in's form is waiting for the same volunteer
    assertThat(walkInOf(eventNumber).getAssignee()).isEqualTo("companion");
  }

  // --- the event, made through the engine as a coordinator would in Tasklist ---

  private String eventWithItsDayOpen() {
    String definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("consultation-event")
            .latestVersion()
            .singleResult()
            .getId();
    identityService.setAuthentication("coordinator", List.of("coordinators"));
    ProcessInstance pi;
    try {
      pi =
          formService.submitStartForm(
              definition,
              Variables.createVariables()
                  .putValue("eventTitle", "電話で受付の試験")
                  .putValue("eventDate", LocalDate.now(EngineClock.JAPAN).plusDays(1).toString())
                  .putValue("startTime", "10:00")
                  .putValue("prefecture", "13")
                  .putValue("venueType", "venue")
                  .putValue("venue", "区民センター")
                  .putValueTyped("eventTopics", FormJson.list("labour"))
                  .putValueTyped("eventLanguages", FormJson.list())
                  .putValue("companionsNeeded", 1)
                  .putValue("lawyersNeeded", 0));
    } finally {
      identityService.clearAuthentication();
    }
    Task publicity = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.claim(publicity.getId(), "coordinator");
    taskService.complete(publicity.getId(), Map.of("publicityChecked", true));
    Task offer =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskCandidateUser("companion")
            .singleResult();
    taskService.claim(offer.getId(), "companion");
    taskService.complete(offer.getId(), Map.of("dutyAnswer", "accept"));
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId("waitForDay")
            .singleResult()
            .getId());
    return pi.getBusinessKey();
  }

  private Task walkInOf(String eventNumber) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey("walk-in-consultation")
        .processInstanceBusinessKey(eventNumber)
        .singleResult();
  }

  // --- the form, as a person uses it ---
}
