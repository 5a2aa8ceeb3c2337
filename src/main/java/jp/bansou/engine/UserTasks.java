package jp.bansou.engine;

import java.util.ArrayList;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What our plugins do to every user task of every model as it is parsed (add a listener, say),
 * without a modeller adding anything to the diagram.
 */
public final class UserTasks {

  private UserTasks() {}

  /** Runs {@code each} on the definition of every user task parsed from now on. */
  public static void onEvery(
      ProcessEngineConfigurationImpl configuration, Consumer<TaskDefinition> each) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                each.accept(
                    ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition());
              }
            });
  }
}
