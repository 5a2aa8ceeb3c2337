package jp.bansou.notification;

import static jp.bansou.facts.CaseFacts.CASE_NUMBER;
import static jp.bansou.notification.Notification.*;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Queues one mail as its own {@code send-notification} instance: its sending step is an
 * asynchronous job with the retry cycle of the model, so an SMTP outage only delays it, and it is
 * queued in the same transaction as the task that caused it.
 */
final class Notifications {

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
    engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, variables);
  }
}
