package jp.bansou.forms;

import java.util.ArrayList;
import java.util.List;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.facts.CaseFacts;
import jp.bansou.person.IdentifierCheck;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A comment on a task or a case is free text that everyone who sees the task reads and that the
 * engine keeps in its history: one that carries the person's name, phone or e-mail is refused, with
 * a Japanese message naming what was found, as a note in a form is.
 *
 * <p>The check runs inside the engine's command, after the engine has found the task or case and
 * checked that the caller may comment on it, and before anything is written: whoever calls, through
 * Tasklist, {@code /engine-rest} or Java. A caller who may not comment learns nothing about the
 * person from the answer, and a companion's comment is checked like a coordinator's (the case is
 * read here without the caller's permissions, which a companion offered a task does not have). A
 * refusal for someone who may not see the person goes into the case's reads ({@link
 * IdentifierCheck#writtenBy}).
 */
@Component
public class CommentCheckPlugin extends AbstractProcessEnginePlugin {

  /** Longer than a note to the others on a case needs: a longer text is refused. */
  static final int MAX_LENGTH = 2000;

  private final ApplicationContext context;

  public CommentCheckPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandInterceptor check = new CommentCheck(context);
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(check);
  }

  /** The case number a finished instance had (a closed case, a track that ended). */
  static Object caseNumberInHistory(CommandContext command, String instanceId) {
    command.disableAuthorizationCheck();
    try {
      HistoricVariableInstance caseNumber =
          command
              .getProcessEngineConfiguration()
              .getHistoryService()
              .createHistoricVariableInstanceQuery()
              .processInstanceId(instanceId)
              .variableName(CaseFacts.CASE_NUMBER.name())
              .disableCustomObjectDeserialization()
              .singleResult();
      return caseNumber == null ? null : caseNumber.getValue();
    } finally {
      command.enableAuthorizationCheck();
    }
  }

  static final class CommentCheck extends CommandInterceptor {

    private final ApplicationContext context;

    CommentCheck(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd) {
        // the comment the command wrote, still only in the command's cache: a refusal here means
        // it is never flushed
        List<CommentEntity> comments =
            Context.getCommandContext()
                .getDbEntityManager()
                .getCachedEntitiesByType(CommentEntity.class);
        comments.forEach(this::check);
      }
      return result;
    }

    private void check(CommentEntity comment) {
      Texts texts = context.getBean(Texts.class);
      String message = comment.getFullMessage();
      if (message == null) {
        return;
      }
      if (message.length() > MAX_LENGTH) {
        throw new Refusal(texts.get("comment.refused.tooLong", MAX_LENGTH));
      }
      // a task's comment names its task only
      CommandContext command = Context.getCommandContext();
      String instanceId = comment.getProcessInstanceId();
      if (comment.getTaskId() != null) {
        String taskCase;
        TaskEntity task = command.getTaskManager().findTaskById(comment.getTaskId());
        if (task != null) {
          taskCase = task.getProcessInstanceId();
        } else {
          // a task already done: its comments are read with its history
          HistoricTaskInstanceEntity done =
              command
                  .getHistoricTaskInstanceManager()
                  .findHistoricTaskInstanceById(comment.getTaskId());
          taskCase = done == null ? null : done.getProcessInstanceId();
        }
        if (instanceId != null && !instanceId.equals(taskCase)) {
          // the engine files a task's comment under whatever case the caller names, one they
          // may not see included, and the check below would then answer about that case's person
          throw new Refusal(texts.get("comment.refused.otherCase"));
        }
        instanceId = taskCase;
      }
      if (instanceId == null) {
        return; // a task of no case
      }
      ExecutionEntity instance = command.getExecutionManager().findExecutionById(instanceId);
      Object caseNumber =
          instance != null
              ? instance.getVariable(CaseFacts.CASE_NUMBER.name())
              : caseNumberInHistory(command, instanceId);
      if (caseNumber == null) {
        return;
      }
      IdentifierCheck identifiers = context.getBean(IdentifierCheck.class);
      List<String> found =
          identifiers.writtenBy(
              command.getAuthenticatedUserId(),
              caseNumber.toString(),
              texts.get("person.reads.aComment"),
              message);
      if (!found.isEmpty()) {
        throw new Refusal(
            texts.get(
                "comment.refused.identifier",
                String.join("、", found),
                identifiers.insteadOf(found)));
      }
    }
  }
}
