package jp.bansou.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.Intake;
import jp.bansou.companion.CompanionOnboardingProcessTest;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Mail through a real SMTP server (GreenMail): who receives what, in which language, with no
 * identifiers, and exactly once even across an SMTP outage.
 */
@CaseEngineTest
@TestPropertySource(
    properties = {
      "spring.mail.host=localhost",
      "spring.mail.port=3025",
      "spring.datasource.url=jdbc:h2:mem:bansou-mail;DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true"
    })
class NotificationMailTest {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired FormService formService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  @BeforeEach
  void clean() {
    identityService.setUserInfo("companion", "mailLanguage", "ja");
    identityService.setUserInfo("companion2", "mailLanguage", "en");
    sendQueuedMails(); // whatever earlier tests left queued
    smtp.reset();
  }

  @Test
  void offeredCompanionIsToldInJapaneseWithCaseNumberTaskAndLinkButNoIdentifiers()
      throws Exception {
    Intake person = Intake.person().with("municipality", "豊島区");
    ProcessInstance pi = start(person);
    work(pi, "reviewTriage", Map.of());
    work(pi, "confirmCompanion", Map.of("companionId", "companion"));

    sendQueuedMails();

    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(recipients(mails)).containsExactly("companion@demo.invalid");
    String subject = mails[0].getSubject();
    assertThat(subject).contains("ケースを引き受けるか答える", pi.getBusinessKey());
    assertThat(body(mails[0]))
        .contains(pi.getBusinessKey(), "/camunda/app/tasklist/default/#/?task=", "自分のタスク");
    assertNoIdentifiers(mails, person);
  }

  @Test
  void englishReaderIsToldInEnglish() throws Exception {
    ProcessInstance pi = start(Intake.person().with("prefecture", "27"));
    work(pi, "reviewTriage", Map.of());
    work(pi, "confirmCompanion", Map.of("companionId", "companion2"));

    sendQueuedMails();

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("companion2@demo.invalid");
    assertThat(mail.getSubject()).startsWith("[Bansou] A task is assigned to you");
  }

  @Test
  void escalationReachesTheSupervisors() throws Exception {
    ProcessInstance pi = start(Intake.person().with("violence", true));
    Job overdue =
        managementService
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId("triageOverdue")
            .singleResult();
    managementService.executeJob(overdue.getId());

    sendQueuedMails();

    assertThat(recipients(smtp.getReceivedMessages())).containsExactly("supervisor@demo.invalid");
    assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("トリアージの遅れに対応する");
  }

  @Test
  void smtpOutageDelaysMailsButEachArrivesExactlyOnce() throws Exception {
    ProcessInstance first = start(Intake.person());
    ProcessInstance second = start(Intake.person().with("prefecture", "27"));
    smtp.stop();
    work(first, "reviewTriage", Map.of());
    work(first, "confirmCompanion", Map.of("companionId", "companion"));
    work(second, "reviewTriage", Map.of());
    work(second, "confirmCompanion", Map.of("companionId", "companion2"));

    List<Job> queued = notificationJobs();
    assertThat(queued).hasSize(2);
    for (Job job : queued) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId()))
          .isInstanceOf(Exception.class);
    }
    assertThat(notificationJobs()).allSatisfy(j -> assertThat(j.getRetries()).isEqualTo(4));

    smtp.start();
    sendQueuedMails();
    sendQueuedMails(); // nothing is left to send twice

    assertThat(recipients(smtp.getReceivedMessages()))
        .containsExactlyInAnyOrder("companion@demo.invalid", "companion2@demo.invalid");
    assertThat(notificationJobs()).isEmpty();
  }

  @Test
  void afterTheLastRetryAnIncidentKeepsTheMailUntilSomeoneRetriesIt() throws Exception {
    ProcessInstance pi = start(Intake.person());
    smtp.stop();
    work(pi, "reviewTriage", Map.of());
    work(pi, "confirmCompanion", Map.of("companionId", "companion"));
    Job job = notificationJobs().get(0);

    for (int attempt = 0; attempt < 5; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId()))
          .isInstanceOf(Exception.class);
    }

    assertThat(runtimeService.createIncidentQuery().configuration(job.getId()).count())
        .isEqualTo(1);
    smtp.start();
    managementService.setJobRetries(job.getId(), 1); // what an operator does in Cockpit
    managementService.executeJob(job.getId());
    assertThat(recipients(smtp.getReceivedMessages())).containsExactly("companion@demo.invalid");
  }

  @Test
  void coordinatorWhoOptedInGetsTheDailyDigest() throws Exception {
    ProcessInstance pi = start(Intake.person());
    // what PUT /api/me/notification-settings stores (tested in DashboardTest)
    identityService.setUserInfo("coordinator", "dailyDigest", "true");
    assertThat(smtp.getReceivedMessages()).isEmpty(); // no task-by-task mail for coordinators

    Job digestTimer =
        managementService
            .createJobQuery()
            .processDefinitionKey("daily-digest")
            .timers()
            .singleResult();
    managementService.executeJob(digestTimer.getId());
    sendQueuedMails();

    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(recipients(mails)).containsExactly("coordinator@demo.invalid");
    assertThat(mails[0].getSubject()).contains("毎日のまとめ");
    assertThat(body(mails[0])).contains(pi.getBusinessKey(), "トリアージを確認する");
  }

  @Test
  void newCompanionReceivesAWorkingInitialPassword() throws Exception {
    String userId = "mailtest-" + System.nanoTime();
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("companion-onboarding")
            .latestVersion()
            .singleResult()
            .getId();
    ProcessInstance pi =
        formService.submitStartForm(definition, CompanionOnboardingProcessTest.application(userId));
    Task review = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.complete(review.getId(), Map.of("reviewDecision", "accept"));

    Job welcome = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
    managementService.executeJob(welcome.getId());

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(userId + "@example.invalid");
    assertThat(mail.getSubject()).startsWith("[Bansou] Welcome");
    Matcher password = Pattern.compile("Initial password: (\\S+)").matcher(body(mail));
    assertThat(password.find()).isTrue();
    assertThat(identityService.checkPassword(userId, password.group(1))).isTrue();
  }

  // --- helpers ---

  private ProcessInstance start(Intake intake) {
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("accompaniment-case")
            .latestVersion()
            .singleResult()
            .getId();
    return formService.submitStartForm(definition, intake.variables());
  }

  private void work(ProcessInstance pi, String key, Map<String, Object> variables) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(key)
            .singleResult();
    taskService.complete(task.getId(), variables);
  }

  private List<Job> notificationJobs() {
    return managementService.createJobQuery().processDefinitionKey("send-notification").list();
  }

  private void sendQueuedMails() {
    for (Job job : notificationJobs()) {
      if (job.getRetries() > 0) {
        managementService.executeJob(job.getId());
      }
    }
  }

  private static List<String> recipients(MimeMessage[] mails) throws Exception {
    List<String> result = new java.util.ArrayList<>();
    for (MimeMessage mail : mails) {
      Arrays.stream(mail.getAllRecipients()).map(Object::toString).forEach(result::add);
    }
    return result;
  }

  /** The decoded text of a plain-text mail. */
  private static String body(MimeMessage mail) throws Exception {
    return (String) mail.getContent();
  }

  private static void assertNoIdentifiers(MimeMessage[] mails, Intake person) throws Exception {
    for (MimeMessage mail : mails) {
      String all = mail.getSubject() + "\n" + body(mail);
      assertThat(all)
          .doesNotContain(person.personName(), person.phone(), person.email(), "豊島区", "新宿区")
          .doesNotContain("technical-intern", "技能実習", (String) person.variables().get("birthDate"));
    }
  }
}
