package jp.bansou.person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts {@link CaseVisibility} into every model as it is parsed, so that a modeller's new process or
 * task is protected without anything added to it: each process of a case is readable only as the
 * case is, and the group candidates of a task of a restricted case are replaced by its named
 * coordinator before any grant is made. Also swaps in {@link RevokingAuthorizationProvider}.
 */
@Component
public class VisibilityPlugin extends AbstractProcessEnginePlugin {

  private final CaseVisibility visibility;

  public VisibilityPlugin(@Lazy CaseVisibility visibility) {
    this.visibility = visibility;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new RevokingAuthorizationProvider());
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new Listener());
  }

  class Listener extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      processDefinition.addListener(
          ExecutionListener.EVENTNAME_START,
          (ExecutionListener) execution -> visibility.processStarted(execution));
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      TaskDefinition task =
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      List<Expression> groups = new ArrayList<>(task.getCandidateGroupIdExpressions());
      if (groups.isEmpty()) {
        return;
      }
      task.getCandidateGroupIdExpressions().clear();
      groups.forEach(g -> task.addCandidateGroupIdExpression(new UnlessRestricted(g)));
      task.addCandidateUserIdExpression(new NamedCoordinatorIfRestricted());
      // meant for one person now: assigned, so that there is nothing to claim
      task.addTaskListener(
          TaskListener.EVENTNAME_CREATE,
          (TaskListener)
              created -> {
                if (created.getAssignee() == null) {
                  visibility.restrictedCoordinator(created).ifPresent(created::setAssignee);
                }
              });
    }
  }

  /** The model's candidate groups, or none when the task's case is restricted. */
  class UnlessRestricted extends ComputedExpression {
    private final Expression groups;

    UnlessRestricted(Expression groups) {
      this.groups = groups;
    }

    @Override
    public Object getValue(VariableScope scope) {
      return visibility.groupsMaySee(scope) ? groups.getValue(scope) : List.of();
    }

    @Override
    public String getExpressionText() {
      return groups.getExpressionText();
    }
  }

  /** The restricted case's named coordinator, who takes the tasks meant for a group. */
  class NamedCoordinatorIfRestricted extends ComputedExpression {
    @Override
    public Object getValue(VariableScope scope) {
      Collection<String> users = new ArrayList<>();
      visibility.restrictedCoordinator(scope).ifPresent(users::add);
      return users;
    }

    @Override
    public String getExpressionText() {
      return "restricted case: its named coordinator";
    }
  }

  /** An expression computed in Java, which a model cannot set. */
  abstract static class ComputedExpression implements Expression {
    @Override
    public void setValue(Object value, VariableScope scope) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isLiteralText() {
      return false;
    }
  }
}
