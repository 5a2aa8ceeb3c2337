package jp.bansou.notification;

import static jp.bansou.facts.CaseFacts.CASE_NUMBER;
import static jp.bansou.notification.Notification.*;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Queues one mail as its own {@code send-notification} instance, in the same transaction as what
 * caused it: the instance is the mail's outbox entry. Its step メールを送る is an external task that
 * {@link MailWorker} serves outside any database transaction, with the retry cycle of the model, so
 * an SMTP outage only delays it.
 */
public final class Notifications {

  private Notifications() {}

  static void request(
      ProcessEngineServices engine,
      String recipient,
      String kind,
      String taskId,
      String taskName,
      String caseNumber) {
    VariableMap variables = Variables.createVariables();
    RECIPIENT.put(variables, recipient);
    KIND.put(variables, kind);
    TASK_ID.put(variables, taskId);
    TASK_NAME.put(variables, taskName);
    CASE_NUMBER.put(variables, caseNumber);
    engine
        .getRuntimeService()
        .createProcessInstanceByKey(PROCESS_KEY)
        .processDefinitionWithoutTenantId()
        .setVariables(variables)
        .execute();
  }

  /**
   * Queues a new account's welcome mail. Its initial password is set only when the mail is sent
   * (again at each attempt), so it is never stored anywhere but as the account's password hash.
   */
  public static void welcome(ProcessEngineServices engine, String userId) {
    request(engine, userId, WELCOME, null, null, null);
  }
}
