package jp.bansou.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bansou.CaseEngineTest;
import jp.bansou.casefile.Intake;
import jp.bansou.companion.CompanionOnboardingProcessTest;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Mail through a real SMTP server (GreenMail): who receives what, in which language, with no
 * identifiers, and exactly once even across an SMTP outage, with the Message-ID of its
 * notification. The fault suite (jp.bansou.faults) adds a hung server, database restarts and killed
 * nodes on PostgreSQL.
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
  @Autowired ExternalTaskService externalTaskService;
  @Autowired MailWorker mailWorker;
  @Autowired JdbcTemplate jdbc;
  @Autowired jp.bansou.person.CaseVisibility visibility;

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

  /**
   * A restricted (DV) case's notifications keep no case number: the outbox, which supervisors read
   * in Cockpit, and the mail name the task, not the case.
   */
  @Test
  void aRestrictedCasesMailAndOutboxNameNoCase() throws Exception {
    identityService.setAuthentication("coordinator", java.util.List.of("coordinators"));
    ProcessInstance pi;
    try {
      pi = start(Intake.person().with("restrictCase", true));
    } finally {
      identityService.clearAuthentication();
    }
    work(pi, "reviewTriage", Map.of());
    work(pi, "confirmCompanion", Map.of("companionId", "companion"));
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("send-notification")
                .variableValueEquals("recipientId", "companion")
                .count())
        .as("the offer is queued")
        .isPositive();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("send-notification")
                .variableValueEquals("caseNumber", pi.getBusinessKey())
                .count())
        .isZero();

    assertTheCompanionsMailNamesNoCase(pi.getBusinessKey());
  }

  /** A case restricted after its mail was queued: the mail, written when it is sent, names none. */
  @Test
  void aCaseRestrictedBeforeItsMailIsSentIsNotNamedInIt() throws Exception {
    ProcessInstance pi = start(Intake.person());
    work(pi, "reviewTriage", Map.of());
    work(pi, "confirmCompanion", Map.of("companionId", "companion"));
    visibility.restrict(pi.getBusinessKey(), "coordinator");

    assertTheCompanionsMailNamesNoCase(pi.getBusinessKey());
  }

  private void assertTheCompanionsMailNamesNoCase(String caseNumber) throws Exception {
    sendQueuedMails();
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(recipients(mails)).contains("companion@demo.invalid");
    for (MimeMessage mail : mails) {
      assertThat(mail.getSubject() + body(mail)).doesNotContain(caseNumber);
    }
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

    createQueuedMailTasks();
    assertThat(mailTasks()).hasSize(2);
    // the first mail finds the server away; the worker pauses instead of failing the second too
    assertThat(mailWorker.sendDue()).isEqualTo(1);
    assertThat(mailTasks()).extracting(ExternalTask::getRetries).containsExactlyInAnyOrder(4, null);
    assertThat(mailTasks())
        .filteredOn(t -> t.getRetries() != null)
        .allSatisfy(t -> assertThat(t.getErrorMessage()).startsWith(MailWorker.OUTAGE));

    smtp.start();
    try {
      later(MailWorker.FIRST_PAUSE.plusSeconds(1));
      // the next mail goes through, and the one that failed for the outage goes at once after it,
      // not at its retry time ten minutes later
      mailWorker.sendDue();
    } finally {
      ClockUtil.reset();
    }
    sendQueuedMails(); // nothing is left to send twice

    assertThat(recipients(smtp.getReceivedMessages()))
        .containsExactlyInAnyOrder("companion@demo.invalid", "companion2@demo.invalid");
    assertThat(mailTasks()).isEmpty();
  }

  @Test
  void afterTheLastRetryAnIncidentKeepsTheMailUntilSomeoneRetriesIt() throws Exception {
    ProcessInstance pi = start(Intake.person());
    smtp.stop();
    work(pi, "reviewTriage", Map.of());
    work(pi, "confirmCompanion", Map.of("companionId", "companion"));
    createQueuedMailTasks();
    ExternalTask mail = mailTasks().get(0);

    try {
      // the model's cycle R5/PT10M: five attempts, ten minutes apart
      for (int attempt = 0; attempt < 5; attempt++) {
        assertThat(mailWorker.sendDue()).isEqualTo(1);
        later(Duration.ofMinutes(10).plusSeconds(1));
      }
      assertThat(mailWorker.sendDue()).isZero();
      assertThat(runtimeService.createIncidentQuery().configuration(mail.getId()).count())
          .isEqualTo(1);

      smtp.start();
      externalTaskService.setRetries(mail.getId(), 1); // what an operator does in Cockpit
      // due at once, not at an old due date: it goes as soon as the worker's pause for the
      // outage (at most a minute) is over
      later(MailWorker.LONGEST_PAUSE);
      assertThat(mailWorker.sendDue()).isEqualTo(1);
    } finally {
      ClockUtil.reset();
    }
    assertThat(recipients(smtp.getReceivedMessages())).containsExactly("companion@demo.invalid");
  }

  @Test
  void eachMailCarriesTheStableMessageIdOfItsNotification() throws Exception {
    ProcessInstance pi = start(Intake.person());
    work(pi, "reviewTriage", Map.of());
    work(pi, "confirmCompanion", Map.of("companionId", "companion"));
    createQueuedMailTasks();
    String notification = mailTasks().get(0).getProcessInstanceId();

    sendQueuedMails();

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getMessageID()).isEqualTo("<" + notification + "@localhost>");
    assertThat(delivery(notification)).containsEntry("STATE", "sent").containsEntry("ATTEMPTS", 1);
  }

  @Test
  void aMailDeliveredByAnAttemptThatCouldNotFinishIsNotSentAgain() throws Exception {
    ProcessInstance pi = start(Intake.person());
    work(pi, "reviewTriage", Map.of());
    work(pi, "confirmCompanion", Map.of("companionId", "companion"));
    createQueuedMailTasks();
    String notification = mailTasks().get(0).getProcessInstanceId();
    // a node handed it to the server and recorded that, but lost its lock on the step meanwhile
    jdbc.update(
        "insert into mail_delivery (notification_id, message_id, state, attempts,"
            + " uncertain_attempts, last_attempt_at, accepted_at)"
            + " values (?, ?, 'sent', 1, 0, current_timestamp, current_timestamp)",
        notification,
        "<" + notification + "@localhost>");

    assertThat(mailWorker.sendDue()).isEqualTo(1);

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(mailTasks()).isEmpty();
  }

  @Test
  void anAttemptWhoseOutcomeWasNeverRecordedIsSentAgainWithTheSameMessageIdAndCounted()
      throws Exception {
    ProcessInstance pi = start(Intake.person());
    work(pi, "reviewTriage", Map.of());
    work(pi, "confirmCompanion", Map.of("companionId", "companion"));
    createQueuedMailTasks();
    String notification = mailTasks().get(0).getProcessInstanceId();
    // a node began an attempt and died before recording its outcome: it may have been delivered
    jdbc.update(
        "insert into mail_delivery (notification_id, message_id, state, attempts,"
            + " uncertain_attempts, last_attempt_at) values (?, ?, 'sending', 1, 0,"
            + " current_timestamp)",
        notification,
        "<" + notification + "@localhost>");
    long resentBefore = mailWorker.stats().resentUncertain();

    sendQueuedMails();

    assertThat(smtp.getReceivedMessages()[0].getMessageID())
        .isEqualTo("<" + notification + "@localhost>");
    assertThat(delivery(notification))
        .containsEntry("STATE", "sent")
        .containsEntry("ATTEMPTS", 2)
        .containsEntry("UNCERTAIN_ATTEMPTS", 1);
    assertThat(mailWorker.stats().resentUncertain()).isEqualTo(resentBefore + 1);
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
    sendQueuedMails();

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

  /** The engine's step before メールを送る (asynchronous, so the caller's transaction stays small). */
  private void createQueuedMailTasks() {
    for (Job job :
        managementService.createJobQuery().processDefinitionKey("send-notification").list()) {
      managementService.executeJob(job.getId());
    }
  }

  private List<ExternalTask> mailTasks() {
    return externalTaskService.createExternalTaskQuery().topicName("mail").list();
  }

  /** What the job executor and the mail worker do on a running node. */
  private void sendQueuedMails() {
    createQueuedMailTasks();
    mailWorker.sendDue();
  }

  private Map<String, Object> delivery(String notification) {
    return jdbc.queryForMap(
        "select state, attempts, uncertain_attempts from mail_delivery where notification_id = ?",
        notification);
  }

  /** Moves the engine's clock (and so the worker's) forward. */
  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
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
