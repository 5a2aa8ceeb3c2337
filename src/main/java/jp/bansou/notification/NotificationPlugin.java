package jp.bansou.notification;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link TaskNotifier} on every user task when a model is parsed, so that a modeller's new
 * task notifies its people without anything added to the model.
 */
@Component
public class NotificationPlugin extends AbstractProcessEnginePlugin {

  private final TaskNotifier notifier;

  public NotificationPlugin(
      MailSettings settings,
      org.springframework.beans.factory.ObjectProvider<jp.bansou.person.CaseVisibility>
          visibility) {
    // looked up when a task is created, once the engine the visibility rules need is running
    this.notifier =
        new TaskNotifier(settings, caseNumber -> visibility.getObject().isRestricted(caseNumber));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition =
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, notifier);
                definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, notifier);
              }
            });
  }
}
