package jp.bansou.notification;

import static jp.bansou.notification.NotificationVariables.*;

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
      Object caseNumber) {
    VariableMap variables =
        Variables.createVariables()
            .putValue(RECIPIENT, recipient)
            .putValue(KIND, kind)
            .putValue(TASK_ID, taskId)
            .putValue(TASK_NAME, taskName)
            .putValue(CASE_NUMBER, caseNumber == null ? null : caseNumber.toString());
    engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, variables);
  }
}
