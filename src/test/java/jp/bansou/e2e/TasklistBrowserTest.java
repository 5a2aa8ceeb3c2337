package jp.bansou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.CaseDriver;
import jp.bansou.casefile.Intake;
import jp.bansou.tracks.TrackDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People in a real, Japanese browser: the person tab shows the person to the accepted companion
 * only, a supervisor sees a case in Cockpit, the webapps and the dashboard speak Japanese, and
 * markup typed into a case stays text. (A whole case walked through Tasklist is {@link
 * CompanionJourneyBrowserTest}.) Screenshots go to target/e2e/.
 */
@CaseEngineTest
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired jp.bansou.casefile.CaseSummaries summaries;
  @Autowired jp.bansou.person.PersonRecords person;
  @Autowired jp.bansou.person.CaseAccess caseAccess;
  @Autowired jp.bansou.person.CaseVisibility visibility;
  @Autowired jp.bansou.engine.People people;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

  @BeforeAll
  static void needsChromium() {
    if (!Browser.available()) {
      System.out.println(
          "Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does).");
    }
    Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver are not installed");
  }

  @Test
  void theAcceptedCompanionSeesThePersonInTheTabAndAnOfferedOneDoesNot() throws Exception {
    String name = "タブ確認 " + System.nanoTime();
    ProcessInstance accepted =
        CaseDriver.start(engine, Intake.person().with("personName", name).with("tracks", null));
    CaseDriver.complete(
        engine, accepted, "reviewTriage", null, Map.of("tracks", jp.bansou.FormJson.list()));
    CaseDriver.complete(
        engine, accepted, "confirmCompanion", null, Map.of("companionId", "companion"));
    CaseDriver.complete(
        engine, accepted, "offerCase", "companion", Map.of("offerAnswer", "accept"));
    Task next =
        taskService
            .createTaskQuery()
            .processInstanceId(accepted.getId())
            .taskDefinitionKey("proposeClosure")
            .singleResult();
    try (Browser companion = Browser.japanese(base(), 1366)) {
      companion.logIn("tasklist", "companion");
      companion.open("/camunda/app/tasklist/default/#/?task=" + next.getId());
      companion.click(Browser.text("本人の情報"));
      companion.visible(Browser.text(name));
      companion.visible(Browser.text("見たことは記録されます"));
      companion.screenshot("g-1-person-tab");
      assertThat(companion.scriptErrors()).isEmpty();
    }
    ProcessInstance offered = caseOfferedTo("companion2");
    Task offer =
        taskService
            .createTaskQuery()
            .processInstanceId(offered.getId())
            .taskDefinitionKey("offerCase")
            .singleResult();
    try (Browser companion2 = Browser.japanese(base(), 1366)) {
      companion2.logIn("tasklist", "companion2");
      companion2.open("/camunda/app/tasklist/default/#/?task=" + offer.getId());
      companion2.click(Browser.text("本人の情報"));
      companion2.visible(Browser.text("見る権限がありません"));
      companion2.screenshot("g-2-person-tab-refused");
    }
  }

  @Test
  void theCoordinatorSeesAWarningWhenSomeoneWhoMayNotSeeThePersonWroteTheirName() throws Exception {
    Intake intake = Intake.person();
    ProcessInstance pi = CaseDriver.start(engine, intake);
    Task triage =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("reviewTriage")
            .singleResult();
    // a supervisor may comment on the task, not see the person: the refusal is the warning
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var refused =
        rest.withBasicAuth("supervisor", "supervisor")
            .postForEntity(
                "/engine-rest/task/" + triage.getId() + "/comment/create",
                new org.springframework.http.HttpEntity<>(
                    "{\"message\": \"" + intake.personName() + " さんから電話\"}", headers),
                String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);

    try (Browser coordinator = Browser.japanese(base(), 390)) {
      coordinator.logIn("tasklist", "coordinator");
      coordinator.open("/camunda/app/tasklist/default/#/?task=" + triage.getId());
      coordinator.click(Browser.text("本人の情報"));
      coordinator.visible(Browser.text("本人の名前などを書こうとしました"));
      coordinator.visible(Browser.text("見たことは記録されます"));
      coordinator.screenshot("i-1-person-tab-warning-phone");
      var page = (org.openqa.selenium.JavascriptExecutor) coordinator.driver;
      // the claim button and its hint end above the tabs, the tabs above the privacy note
      assertThat(
              (Boolean)
                  page.executeScript(
                      "const b = s => document.querySelector(s).getBoundingClientRect();"
                          + " return b('[cam-tasklist-task-meta] li.assignee').bottom"
                          + " <= b('.nav-tabs').top"
                          + " && b('.nav-tabs').bottom <= b('.bansou-person-note').top;"))
          .isTrue();
      // nothing wider than the phone (the restrict button used to be cut off)
      assertThat(
              (Boolean)
                  page.executeScript(
                      "return [...document.querySelectorAll('.bansou-person-tools .btn')]"
                          + ".every(b => b.getBoundingClientRect().right <= innerWidth);"))
          .isTrue();
      // the record twice: each click reads it again
      By button = By.xpath("//button[contains(., '本人の情報を見た人の記録')]");
      for (int click = 0; click < 2; click++) {
        // out from under the phone's floating 「← 一覧にもどる」
        page.executeScript(
            "arguments[0].scrollIntoView({block: 'center'})", coordinator.visible(button));
        coordinator.click(button);
        coordinator.visible(By.cssSelector("tr.bansou-read-warning"));
      }
      String reads = coordinator.text(By.cssSelector("table.bansou-person-reads"));
      assertThat(reads)
          .contains("注意", "コメントに本人の名前を書こうとしました", "タスク『トリアージを確認する』で見た")
          // who wrote: the account's name, and the login its owner cannot rename
          .contains(people.name("supervisor"), "ログイン名 supervisor")
          .doesNotContain("reviewTriage", triage.getId(), intake.personName());
      coordinator.screenshot("i-2-person-reads-phone");
      assertThat(coordinator.scriptErrors()).isEmpty();
    }
  }

  @Test
  void aTasksHistoryOnAPhoneNamesWhoDidWhatInJapanese() throws Exception {
    ProcessInstance pi = CaseDriver.start(engine, Intake.person());
    Task triage = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    var identity = engine.getIdentityService();
    identity.setAuthentication("coordinator", java.util.List.of("coordinators"));
    try {
      taskService.claim(triage.getId(), "coordinator");
      String comment = taskService.createComment(triage.getId(), null, "入管で書類が足りなかった").getId();
      taskService.updateTaskComment(triage.getId(), comment, "入管で書類が二つ足りなかった");
    } finally {
      identity.clearAuthentication();
    }

    try (Browser coordinator = Browser.japanese(base(), 390)) {
      coordinator.logIn("tasklist", "coordinator");
      coordinator.open("/camunda/app/tasklist/default/#/?task=" + triage.getId());
      coordinator.click(By.xpath("//a[normalize-space()='履歴']"));
      coordinator.visible(Browser.text("コメントを修正"));
      // the person by name (the account id in the tooltip), on a line of its own, not 「c...」
      String name = people.name("coordinator");
      coordinator.wait.until(
          d ->
              d.findElements(By.cssSelector(".history-pane .operation-user")).stream()
                  .allMatch(e -> e.getText().equals(name)));
      var page = (org.openqa.selenium.JavascriptExecutor) coordinator.driver;
      assertThat(
              (Boolean)
                  page.executeScript(
                      "return [...document.querySelectorAll('.history-pane .operation-user')]"
                          + ".every(e => e.getBoundingClientRect().width > 60);"))
          .isTrue();
      // whom the task was given to, by name as well
      coordinator.visible(
          By.xpath("//*[contains(@class,'new-value')]/span[normalize-space()='" + name + "']"));
      String history = coordinator.text(By.cssSelector(".history-pane"));
      assertThat(history)
          .contains("コメントを修正", "入管で書類が二つ足りなかった", "このタスクを担当する")
          .doesNotContain("UpdateComment", "coordinator");
      coordinator.screenshot("s-task-history-phone");
      assertThat(coordinator.scriptErrors()).isEmpty();
    }
  }

  @Test
  void aRestrictedCasesCoordinatorIsToldWhyNoLawyerWasAsked() throws Exception {
    String caseNumber = "2026-9" + String.format("%05d", System.nanoTime() % 100000);
    caseAccess.opened(caseNumber, "13", true, "coordinator", false);
    ProcessInstance pi =
        runtimeService.startProcessInstanceByKey(
            "lawyer-escalation",
            caseNumber,
            org.camunda.bpm.engine.variable.Variables.createVariables()
                .putValue("caseNumber", caseNumber)
                .putValueTyped("problemFields", jp.bansou.FormJson.list(java.util.List.of("dv")))
                .putValue("consentSharing", false)
                .putValue("urgency", "normal"));
    CaseDriver.complete(
        engine,
        pi,
        "prepareReferral",
        null,
        Map.of(
            "consentSharing", false,
            "hasRegisteredAddress", false,
            "refugeeProcedure", false,
            "legalIssueSummary", "保護命令の申立て"));
    Task arrange =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("arrangeLawyer")
            .singleResult();

    try (Browser coordinator = Browser.japanese(base(), 390)) {
      coordinator.logIn("tasklist", "coordinator");
      coordinator.open("/camunda/app/tasklist/default/#/?task=" + arrange.getId());
      coordinator.visible(Browser.text("見られる人を制限したケースです。"));
      coordinator.screenshot("h-restricted-lawyer-referral");
      // the form's other reason (every lawyer declined or let the offer lapse) is not shown
      assertThat(coordinator.driver.findElements(Browser.text("引き受ける弁護士がいません。"))).isEmpty();
      assertThat(coordinator.scriptErrors()).isEmpty();
    }
  }

  @Test
  void aSupervisorApprovesARestrictedCasesErasureWithoutLearningItsNumber() throws Exception {
    var identity = engine.getIdentityService();
    identity.setAuthentication("coordinator", java.util.List.of("coordinators"));
    ProcessInstance erasure;
    String caseNumber;
    try {
      caseNumber =
          CaseDriver.start(engine, jp.bansou.casefile.Intake.person().with("restrictCase", true))
              .getBusinessKey();
      erasure =
          runtimeService.startProcessInstanceByKey(
              "erase-person",
              org.camunda.bpm.engine.variable.Variables.createVariables()
                  .putValue("caseToErase", caseNumber)
                  .putValue("erasureReason", "person-request")
                  .putValue("erasureNote", "本人から電話で申し出がありました"));
    } finally {
      identity.clearAuthentication();
    }
    Task approval = taskService.createTaskQuery().processInstanceId(erasure.getId()).singleResult();

    try (Browser supervisor = Browser.japanese(base(), 390)) {
      supervisor.logIn("tasklist", "supervisor");
      supervisor.open("/camunda/app/tasklist/default/#/?task=" + approval.getId());
      supervisor.visible(Browser.text("制限されたケース（番号は担当のコーディネーターにだけ見えます）"));
      supervisor.screenshot("s-erasure-approval-restricted-390");
      // the form's other fields came with it: the reason and the note of who asked
      assertThat(
              supervisor
                  .driver
                  .findElement(Browser.field("申し出た人からのひとこと"))
                  .findElement(org.openqa.selenium.By.tagName("textarea"))
                  .getDomProperty("value"))
          .isEqualTo("本人から電話で申し出がありました");
      assertThat(supervisor.driver.getPageSource()).doesNotContain(caseNumber);
      assertThat(supervisor.scriptErrors()).isEmpty();
    }
  }

  @Test
  void signingOutForgetsTheFormDraftsKeptInTheBrowser() throws Exception {
    try (Browser companion = Browser.japanese(base(), 1366)) {
      companion.logIn("tasklist", "companion");
      Object[] left = new Object[1];
      companion.act(
          driver ->
              ((org.openqa.selenium.JavascriptExecutor) driver)
                  .executeScript(
                      "localStorage.setItem('camunda-form:a-task', '{\"personName\":\"下書き\"}');"
                          + "localStorage.setItem('camForm:b-task', '{}');"
                          + "localStorage.setItem('bansou-other', 'kept');"
                          + "document.querySelector('li.logout a').click();"));
      companion.visible(By.cssSelector("input[ng-model='username']"));
      companion.act(
          driver ->
              left[0] =
                  ((org.openqa.selenium.JavascriptExecutor) driver)
                      .executeScript("return Object.keys(localStorage).sort().join(',');"));
      assertThat(left[0].toString())
          .doesNotContain("camunda-form:", "camForm:")
          .contains("bansou-other");
      assertThat(companion.scriptErrors()).isEmpty();
    }
  }

  @Test
  void aCompanionChangesTheirEmailButNotTheirName() throws Exception {
    String name = people.name("companion");
    var identity = engine.getIdentityService();
    String email = identity.createUserQuery().userId("companion").singleResult().getEmail();
    try (Browser companion = Browser.japanese(base(), 390)) {
      companion.logIn("welcome", "companion");
      companion.click(Browser.text("プロフィールを編集"));
      // the name: shown, not editable, and who changes it said; the empty last name not shown
      WebElement first = companion.visible(By.id("user-profile-firstname"));
      assertThat(first.getAttribute("value")).isEqualTo(name);
      assertThat(first.getAttribute("readonly")).isNotNull();
      companion.visible(Browser.text("名前は管理者が登録します"));
      assertThat(companion.driver.findElement(By.id("user-profile-lastname")).isDisplayed())
          .isFalse();
      // the e-mail address: one's own, and the form can now be saved
      WebElement field = companion.visible(By.id("user-profile-email"));
      field.clear();
      field.sendKeys("companion-new@demo.invalid");
      companion.screenshot("r-welcome-390-profile");
      companion.click(By.cssSelector("form[ng-submit='submitProfile()'] button[type='submit']"));
      companion.visible(Browser.text("変更を保存しました"));
      companion.screenshot("r-welcome-390-profile-saved");
      assertThat(companion.scriptErrors()).isEmpty();
      assertThat(identity.createUserQuery().userId("companion").singleResult().getEmail())
          .isEqualTo("companion-new@demo.invalid");
    } finally {
      var user = identity.createUserQuery().userId("companion").singleResult();
      user.setEmail(email);
      identity.saveUser(user);
    }
    assertThat(people.name("companion")).isEqualTo(name);
  }

  @Test
  void aCompanionIsShownThePasswordRulesAsTheyTypeAndChangesTheirPassword() throws Exception {
    var identity = engine.getIdentityService();
    String phrase = "さくらの花が咲くころ 2026";
    try (Browser companion = Browser.japanese(base(), 390)) {
      companion.logIn("welcome", "companion");
      companion.click(Browser.text("パスワードを変更"));
      companion.visible(By.id("user-password-current")).sendKeys("companion");
      WebElement newPassword = companion.visible(By.id("inputPassword"));
      newPassword.sendKeys("short-pw");
      // once checked (the field's mark turns to a cross), the rule it breaks, in Japanese, and
      // not the one it keeps; the button stays off
      companion.visible(By.cssSelector(".glyphicon-remove-circle"));
      companion.visible(Browser.text("12 文字以上"));
      assertThat(companion.driver.findElements(Browser.text("ユーザー名・名前・メールアドレスを含まない")))
          .noneMatch(WebElement::isDisplayed);
      companion.screenshot("r-welcome-390-password-rules");
      WebElement change =
          companion.driver.findElement(
              By.cssSelector("form[ng-submit='submitPassword()'] button[type='submit']"));
      assertThat(change.isEnabled()).isFalse();
      newPassword.clear();
      newPassword.sendKeys(phrase);
      companion.visible(By.id("user-password-confirmation")).sendKeys(phrase);
      companion.wait.until(d -> change.isEnabled());
      change.click();
      companion.visible(Browser.text("パスワードを変更しました"));
      companion.screenshot("r-welcome-390-password-changed");
      assertThat(companion.scriptErrors()).isEmpty();
      assertThat(identity.checkPassword("companion", phrase)).isTrue();
    } finally {
      var user = identity.createUserQuery().userId("companion").singleResult();
      user.setPassword("companion");
      jp.bansou.TestAccounts.save(identity, user);
    }
  }

  @Test
  void anAdministratorCreatesAnAccountUnderThePasswordRules() throws Exception {
    var identity = engine.getIdentityService();
    String phrase = "あたらしい仲間の合言葉 2026";
    try (Browser admin = Browser.japanese(base(), 1366)) {
      admin.logIn("admin", "demo");
      admin.open("/camunda/app/admin/default/#/user-create");
      admin.visible(By.id("inputUserId")).sendKeys("new-companion-e2e");
      WebElement password = admin.visible(By.id("inputPassword"));
      password.sendKeys("new-companion-e2e-1");
      // the id inside the password: once checked (the field's mark turns to a cross), only the
      // rule it breaks is listed, in Japanese
      admin.visible(By.cssSelector(".glyphicon-remove-circle"));
      admin.visible(Browser.text("ユーザー名・名前・メールアドレスを含まない"));
      assertThat(admin.driver.findElements(Browser.text("12 文字以上")))
          .noneMatch(WebElement::isDisplayed);
      admin.screenshot("s-admin-user-create-rules");
      WebElement create =
          admin.driver.findElement(By.cssSelector("button[ng-click='createUser()']"));
      assertThat(create.isEnabled()).isFalse();
      password.clear();
      password.sendKeys(phrase);
      admin.visible(By.id("inputPasswordRepeat")).sendKeys(phrase);
      // an empty name is asked for as 名前, never a last name (Admin's own 「姓は必須です。」 showed
      // under 姓 while 名前 was empty)
      admin.visible(Browser.text("名前は必須です。"));
      assertThat(admin.driver.findElements(Browser.text("姓は必須です。")))
          .noneMatch(WebElement::isDisplayed);
      // the whole name in one field, as onboarding keeps it; the last name left empty
      admin.visible(By.id("inputFirstname")).sendKeys("新井 ともこ");
      admin.visible(Browser.text("この欄にまとめて書きます"));
      admin.visible(By.id("inputEmail")).sendKeys("new-companion-e2e@demo.invalid");
      admin.screenshot("s-admin-user-create-name");
      admin.wait.until(d -> create.isEnabled());
      create.click();
      admin.wait.until(d -> identity.createUserQuery().userId("new-companion-e2e").count() == 1);
      assertThat(admin.scriptErrors()).isEmpty();
      assertThat(identity.checkPassword("new-companion-e2e", phrase)).isTrue();
      var created = identity.createUserQuery().userId("new-companion-e2e").singleResult();
      assertThat(created.getFirstName()).isEqualTo("新井 ともこ");
      assertThat(created.getLastName()).isEmpty();
    } finally {
      identity.deleteUser("new-companion-e2e");
    }
  }

  @Test
  void anAdministratorChangesTheEmailOfAnAccountMadeByOnboarding() throws Exception {
    var identity = engine.getIdentityService();
    var before = identity.createUserQuery().userId("companion2").singleResult();
    assertThat(before.getLastName()).isEmpty();
    String earlier = before.getEmail();
    try (Browser admin = Browser.japanese(base(), 1366)) {
      admin.logIn("admin", "demo");
      admin.open("/camunda/app/admin/default/#/users/companion2?tab=profile");
      // its last name is empty, as onboarding leaves it: before, the form could not be saved
      WebElement email = admin.visible(By.id("inputEmail"));
      email.clear();
      email.sendKeys("companion2-new@demo.invalid");
      WebElement save =
          admin.driver.findElement(By.cssSelector("button[ng-click='updateProfile()']"));
      admin.wait.until(d -> save.isEnabled());
      admin.screenshot("s-admin-user-edit-no-last-name");
      save.click();
      admin.visible(Browser.text("ユーザーのプロフィールを更新しました"));
      assertThat(admin.scriptErrors()).isEmpty();
      var after = identity.createUserQuery().userId("companion2").singleResult();
      assertThat(after.getEmail()).isEqualTo("companion2-new@demo.invalid");
      assertThat(after.getFirstName()).isEqualTo(before.getFirstName());
      assertThat(after.getLastName()).isEmpty();
    } finally {
      var user = identity.createUserQuery().userId("companion2").singleResult();
      user.setEmail(earlier);
      identity.saveUser(user);
    }
  }

  @Test
  void supervisorSeesTheRunningCaseInCockpit() throws Exception {
    ProcessInstance pi = caseOfferedTo("companion2");
    try (Browser supervisor = Browser.japanese(base(), 1366)) {
      supervisor.logIn("cockpit", "supervisor");
      supervisor.open("/camunda/app/cockpit/default/#/process-instance/" + pi.getId() + "/runtime");
      supervisor.visible(Browser.text(pi.getId()));
      supervisor.visible(Browser.text("伴走支援ケース"));
      supervisor.screenshot("c-supervisor-cockpit");
    }
  }

  @Test
  void japaneseBrowserGetsJapaneseWebapps() throws Exception {
    try (Browser browser = Browser.japanese(base(), 1366)) {
      browser.open("/camunda/app/tasklist/");
      // the translations load after the page: wait for them, re-reading the re-rendered field
      browser
          .wait
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              d ->
                  "ユーザー名"
                      .equals(
                          d.findElement(By.cssSelector("input[ng-model='username']"))
                              .getDomAttribute("placeholder")));
      assertThat(browser.visible(Browser.text("ログイン")).isDisplayed()).isTrue();
      browser.screenshot("d-1-tasklist-login-ja");
      browser.logIn("tasklist", "companion");
      browser.visible(By.linkText("プロセスを開始"));
      // no Camunda 8 migration banner for companions
      assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner")))
          .noneMatch(WebElement::isDisplayed);
      browser.screenshot("d-2-tasklist-ja");
    }
    try (Browser supervisor = Browser.japanese(base(), 1366)) {
      supervisor.logIn("cockpit", "supervisor");
      supervisor.visible(Browser.text("実行中のプロセスインスタンス"));
      supervisor.visible(Browser.text("未解決のインシデント"));
      assertThat(supervisor.driver.findElements(By.cssSelector(".ce-eol-banner")))
          .noneMatch(WebElement::isDisplayed);
      supervisor.screenshot("d-3-cockpit-ja");
    }
  }

  @Test
  void dashboardLoadsWithItsChartsAndNoScriptError() throws Exception {
    // an overdue task of a restricted case: counted, not listed, and the page says why
    ProcessInstance restricted = CaseDriver.start(engine, Intake.person());
    Task triage =
        taskService.createTaskQuery().processInstanceId(restricted.getId()).singleResult();
    taskService.setDueDate(triage.getId(), java.sql.Timestamp.valueOf("2020-01-01 00:00:00"));
    visibility.restrict(restricted.getBusinessKey(), "coordinator");
    // on a desktop and on a phone
    for (int width : new int[] {1366, 390}) {
      String shot = width == 1366 ? "f-dashboard" : "f-dashboard-phone";
      try (Browser supervisor = Browser.japanese(base(), width)) {
        supervisor.open("/dashboard");
        supervisor.visible(By.cssSelector("input[name='username']")).sendKeys("supervisor");
        supervisor
            .driver
            .findElement(By.cssSelector("input[name='password']"))
            .sendKeys("supervisor");
        supervisor.click(By.cssSelector("button[type='submit']"));
        supervisor.wait.until(d -> !"–".equals(d.findElement(By.id("open-total")).getText()));
        supervisor.visible(Browser.text("支援空白地帯"));
        assertThat(supervisor.driver.findElements(By.cssSelector("canvas"))).hasSize(5);
        assertThat(supervisor.driver.findElement(By.id("overdue")).getText())
            .doesNotContain(restricted.getBusinessKey());
        assertThat(supervisor.driver.findElement(By.id("overdue-note")).getText())
            .startsWith("全 ")
            .contains("閲覧が制限されたケースのタスク")
            .endsWith("ここには出しません。");
        supervisor.screenshot(shot);
        ((org.openqa.selenium.JavascriptExecutor) supervisor.driver)
            .executeScript(
                "arguments[0].scrollIntoView({block: 'center'})",
                supervisor.driver.findElement(By.id("overdue-note")));
        supervisor.screenshot(shot + "-overdue");
        assertThat(supervisor.scriptErrors()).isEmpty();
      }
    }
  }

  @Test
  void markupInAVariableIsShownAsTextAndRunsNoScript() throws Exception {
    String markup = "<img src=x onerror=alert(1)>";
    ProcessInstance pi = caseOfferedTo("companion");
    Task offer =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("offerCase")
            .singleResult();
    taskService.claim(offer.getId(), "companion");
    taskService.complete(offer.getId(), Map.of("offerAnswer", "accept"));
    TrackDriver.completeTracks(engine, pi.getId());
    Task proposal =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("proposeClosure")
            .singleResult();
    taskService.complete(
        proposal.getId(),
        Map.of(
            "nextStep",
            "close",
            "outcome",
            "resolved",
            "closureSummary",
            markup,
            "systemicProblem",
            false));

    try (Browser coordinator = Browser.japanese(base(), 1366)) {
      coordinator.logIn("tasklist", "coordinator");
      coordinator.click(Browser.text("コーディネーターのタスク"));
      coordinator.click(
          By.xpath(
              "//li[contains(@class,'task')][.//*[contains(text(),'"
                  + pi.getBusinessKey()
                  + "')]]//a[contains(.,'終結を承認する')]"));
      By summary = By.xpath("//textarea[contains(@id,'closureSummary') or @name='closureSummary']");
      coordinator
          .wait
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> markup.equals(coordinator.visible(summary).getDomProperty("value")));
      coordinator.screenshot("e-markup-as-text");
      boolean alerted;
      try {
        new WebDriverWait(coordinator.driver, Duration.ofSeconds(2))
            .until(ExpectedConditions.alertIsPresent());
        alerted = true;
      } catch (TimeoutException none) {
        alerted = false;
      }
      assertThat(alerted).as("a script ran").isFalse();
      assertThat(coordinator.driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
    }
  }

  // --- helpers ---

  private String base() {
    return "http://localhost:" + port;
  }

  private ProcessInstance caseOfferedTo(String companion) {
    ProcessInstance pi =
        CaseDriver.start(
            engine,
            Intake.person().with("prefecture", companion.equals("companion2") ? "27" : "13"));
    CaseDriver.complete(engine, pi, "reviewTriage", null, Map.of());
    CaseDriver.complete(engine, pi, "confirmCompanion", null, Map.of("companionId", companion));
    return pi;
  }

  /** The case whose sealed identity has this name (it is never a process variable). */
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
}
