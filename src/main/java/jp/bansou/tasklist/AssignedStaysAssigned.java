package jp.bansou.tasklist;

import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.engine.UserTasks;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A task the model gives to one person ({@code camunda:assignee}) cannot be left without anyone:
 * Tasklist offers no way to give it back, and a call to {@code /engine-rest} that unclaims it or
 * removes its assignee is refused, because nobody else would ever see it (nobody is a candidate)
 * and its case would wait unseen. Handing it to someone else stays possible for those allowed to.
 */
@Component
public class AssignedStaysAssigned extends AbstractProcessEnginePlugin {

  private final Texts texts;

  public AssignedStaysAssigned(Texts texts) {
    this.texts = texts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener listener = this::updated;
    UserTasks.onEvery(
        configuration,
        task -> {
          if (task.getAssigneeExpression() != null) {
            task.addTaskListener(TaskListener.EVENTNAME_UPDATE, listener);
          }
        });
  }

  private void updated(DelegateTask task) {
    if (task.getAssignee() != null || !(task instanceof TaskEntity entity)) {
      return;
    }
    PropertyChange change = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
    if (change != null && change.getOrgValue() != null) {
      throw new Refusal(texts.get("task.refused.unassign"));
    }
  }
}
