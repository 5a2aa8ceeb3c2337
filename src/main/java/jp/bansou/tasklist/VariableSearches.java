package jp.bansou.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jp.bansou.engine.EngineSessions;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.QueryEntityRelationCondition;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.QueryVariableValue;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryProperty;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A search is no way around what a task shows. A task list filtered on a variable's value says, by
 * the tasks it returns, what that value is on each of them ({@code
 * /task?processVariables=suicideRisk_eq_true}, a {@code like} on the referrer's note letter by
 * letter, a list sorted by it), whoever may read only the task's form ({@code
 * jp.bansou.forms.TaskReads}). So a logged-in person's task search, open or finished, saved filter
 * or not, may filter and sort on what every task's row shows ({@link
 * TaskListColumns#SHOWN_ON_EVERY_TASK}: the case number above all), and is refused with a Japanese
 * message on any other variable. The engine and our own code search as before.
 */
@Component
public class VariableSearches extends AbstractProcessEnginePlugin {

  private static final Set<String> SEARCHABLE =
      TaskListColumns.SHOWN_ON_EVERY_TASK.stream()
          .map(name -> name.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());

  private final Texts texts;

  public VariableSearches(Texts texts) {
    this.texts = texts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, TaskManager.class, Tasks::new);
    EngineSessions.replace(configuration, HistoricTaskInstanceManager.class, FinishedTasks::new);
  }

  /** Refuses the search when it names a variable other than those every row shows. */
  void check(List<? extends QueryVariableValue> variables, List<QueryOrderingProperty> orderings) {
    CommandContext context = Context.getCommandContext();
    if (context == null
        || context.getAuthentication() == null
        || !context.isAuthorizationCheckEnabled()) {
      return;
    }
    List<String> names = new ArrayList<>();
    variables.forEach(variable -> names.add(variable.getName()));
    for (QueryOrderingProperty ordering :
        orderings == null ? List.<QueryOrderingProperty>of() : orderings) {
      if (ordering.getRelationConditions() != null) {
        for (QueryEntityRelationCondition condition : ordering.getRelationConditions()) {
          if (VariableInstanceQueryProperty.VARIABLE_NAME.equals(condition.getProperty())) {
            names.add(String.valueOf(condition.getScalarValue()));
          }
        }
      }
    }
    for (String name : names) {
      if (name == null || !SEARCHABLE.contains(name.toLowerCase(Locale.ROOT))) {
        throw new Refusal(texts.get("tasklist.refused.variableSearch", String.valueOf(name)));
      }
    }
  }

  /** Open tasks. */
  class Tasks extends TaskManager {

    @Override
    public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
      checkAll(query);
      return super.findTasksByQueryCriteria(query);
    }

    @Override
    public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
      checkAll(query);
      return super.findTaskCountByQueryCriteria(query);
    }

    private void checkAll(TaskQueryImpl query) {
      check(query.getVariables(), query.getOrderingProperties());
      for (TaskQueryImpl or : query.getQueries()) {
        check(or.getVariables(), or.getOrderingProperties());
      }
    }
  }

  /** Finished (and open) tasks as history keeps them. */
  class FinishedTasks extends HistoricTaskInstanceManager {

    @Override
    public List<HistoricTaskInstance> findHistoricTaskInstancesByQueryCriteria(
        HistoricTaskInstanceQueryImpl query, Page page) {
      checkAll(query);
      return super.findHistoricTaskInstancesByQueryCriteria(query, page);
    }

    @Override
    public long findHistoricTaskInstanceCountByQueryCriteria(HistoricTaskInstanceQueryImpl query) {
      checkAll(query);
      return super.findHistoricTaskInstanceCountByQueryCriteria(query);
    }

    private void checkAll(HistoricTaskInstanceQueryImpl query) {
      check(query.getVariables(), query.getOrderingProperties());
      for (HistoricTaskInstanceQueryImpl or : query.getQueries()) {
        check(or.getVariables(), or.getOrderingProperties());
      }
    }
  }
}
