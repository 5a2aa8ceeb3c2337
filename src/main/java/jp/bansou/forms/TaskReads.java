package jp.bansou.forms;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import jp.bansou.tasklist.TaskListColumns;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * A task is read as its form shows it. Whoever may read a task may, by the engine's rules, read
 * every variable of its process through it ({@code /task/{id}/variables}, {@code
 * /task/{id}/form-variables}, which Tasklist loads whole for every form, a task list {@code
 * withTaskVariablesInReturn}): a companion merely offered a case would read the referrer's note and
 * the intake's risk flags, an interpreter offered a visit the whole case. Here a logged-in person
 * reading through a task gets only what the task's form reads ({@link FormSchema#reads}), the
 * task's own variables, and what every task's row shows ({@link
 * TaskListColumns#SHOWN_ON_EVERY_TASK}); any other variable is answered as one the task does not
 * have. Someone who may read the case reads it through the case ({@code /process-instance}), as
 * before; the engine itself and our own code without a logged-in person read as before.
 *
 * <p>Where a modeller wants a task to show something more, they put it on the task's form.
 */
@Component
public class TaskReads extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new Tasks());
    configuration.setFormService(new Forms());
  }

  /** The variables of {@code read} that the person may read through the task. */
  static VariableMap shown(CommandContext context, String taskId, VariableMap read) {
    if (!guarded(context)) {
      return read;
    }
    Set<String> readable = readable(context, taskId);
    VariableMap shown = Variables.createVariables();
    for (String name : read.keySet()) {
      if (readable.contains(name)) {
        shown.putValueTyped(name, read.getValueTyped(name));
      }
    }
    return shown;
  }

  static boolean shown(CommandContext context, String taskId, String name) {
    // what every row shows (the case number, asked for by the dashboard and the mails for each
    // task they list) needs no look at the task's form
    return !guarded(context)
        || TaskListColumns.SHOWN_ON_EVERY_TASK.contains(name)
        || readable(context, taskId).contains(name);
  }

  private static boolean guarded(CommandContext context) {
    return context.getAuthentication() != null && context.isAuthorizationCheckEnabled();
  }

  private static Set<String> readable(CommandContext context, String taskId) {
    Set<String> readable = new HashSet<>(TaskListColumns.SHOWN_ON_EVERY_TASK);
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task != null) {
      readable.addAll(task.getVariableNamesLocal());
      DeployedForms.ofTask(taskId).ifPresent(form -> readable.addAll(form.reads()));
    }
    return readable;
  }

  /**
   * Reads one variable through a task: the engine's answer if the person may read it, else none.
   */
  private static <T> T one(CommandExecutor engine, String taskId, String name, Command<T> read) {
    return engine.execute(
        context -> {
          T value = read.execute(context);
          return shown(context, taskId, name) ? value : null;
        });
  }

  /** Reads variables through a task: those of the engine's answer the person may read. */
  private static VariableMap some(
      CommandExecutor engine, String taskId, Command<VariableMap> read) {
    return engine.execute(context -> shown(context, taskId, read.execute(context)));
  }

  /** The engine's task service, reading through a task what its form shows. */
  static class Tasks extends TaskServiceImpl {

    @Override
    public VariableMap getVariablesTyped(String taskId, boolean deserializeValues) {
      return getVariablesTyped(taskId, null, deserializeValues);
    }

    @Override
    public VariableMap getVariablesTyped(
        String taskId, Collection<String> variableNames, boolean deserializeValues) {
      return some(
          commandExecutor,
          taskId,
          new GetTaskVariablesCmd(taskId, variableNames, false, deserializeValues));
    }

    @Override
    public Object getVariable(String taskId, String variableName) {
      return one(
          commandExecutor,
          taskId,
          variableName,
          new GetTaskVariableCmd(taskId, variableName, false));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T extends TypedValue> T getVariableTyped(
        String taskId, String variableName, boolean isLocal, boolean deserializeValue) {
      return isLocal
          ? super.getVariableTyped(taskId, variableName, true, deserializeValue)
          : (T)
              one(
                  commandExecutor,
                  taskId,
                  variableName,
                  new GetTaskVariableCmdTyped(taskId, variableName, false, deserializeValue));
    }
  }

  /** The engine's form service, giving a task's form the variables it reads. */
  static class Forms extends FormServiceImpl {

    @Override
    public VariableMap getTaskFormVariables(
        String taskId, Collection<String> formVariables, boolean deserializeObjectValues) {
      return some(
          commandExecutor,
          taskId,
          new GetTaskFormVariablesCmd(taskId, formVariables, deserializeObjectValues));
    }
  }
}
