package jp.bansou.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * A task's deployed Camunda Form, as {@code FormService.getDeployedTaskForm} finds it (the same
 * permission check, the same form version: the trial rule binds a {@code latest} reference to the
 * deployment of the newest version on every call), parsed once per deployed form. A form in a
 * deployment never changes, so the parsed form is kept by deployment and form key: a newly deployed
 * version has a deployment of its own and is read at its first use. Saves reading and parsing the
 * form's JSON at every submission and completion (two statements and a parse each).
 */
public final class DeployedForms {

  /**
   * Parsed forms by engine, then by deployment id and form key (a few hundred at most in a
   * network's lifetime); by engine, because tests run engines on databases of their own in one JVM.
   */
  private static final Map<Object, Map<String, FormSchema>> PARSED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private DeployedForms() {}

  /** The task's form, from inside a running engine command (a listener or a delegate). */
  public static Optional<FormSchema> ofTask(String taskId) {
    return ofTask(Context.getCommandContext(), taskId);
  }

  /** The task's form, in a command of its own (outside the engine, e.g. a servlet filter). */
  public static Optional<FormSchema> ofTask(CommandExecutor engine, String taskId) {
    return engine.execute(context -> ofTask(context, taskId));
  }

  private static Optional<FormSchema> ofTask(CommandContext context, String taskId) {
    try {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return Optional.empty();
      }
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkReadTask(task);
      }
      TaskFormData data = context.runWithoutAuthorization(new GetTaskFormCmd(taskId));
      CamundaFormRef ref = data.getCamundaFormRef();
      if (data.getFormKey() == null
          && ref != null
          && ref.getKey() != null
          && DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT.equals(ref.getBinding())
          && data.getDeploymentId() != null) {
        return Optional.of(
            PARSED
                .computeIfAbsent(
                    context.getProcessEngineConfiguration(), engine -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                    data.getDeploymentId() + "\n" + ref.getKey(),
                    key -> read(context, ref, data.getDeploymentId())));
      }
      // a form key, or a reference the trial rule left unbound: the engine's way, every time
      return Optional.of(parse(new GetDeployedTaskFormCmd(taskId).execute(context)));
    } catch (RuntimeException noCamundaForm) {
      return Optional.empty();
    }
  }

  private static FormSchema read(CommandContext context, CamundaFormRef ref, String deploymentId) {
    CamundaFormDefinition definition =
        context.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId));
    if (definition == null) {
      throw new IllegalStateException("No deployed form " + ref.getKey());
    }
    return parse(
        context.runWithoutAuthorization(
            new GetDeploymentResourceCmd(
                definition.getDeploymentId(), definition.getResourceName())));
  }

  private static FormSchema parse(InputStream in) {
    try (in) {
      return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
