package jp.bansou.tasklist;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.bansou.engine.UserTasks;
import jp.bansou.engine.Var;
import jp.bansou.facts.CaseFacts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * What each row of a Tasklist list shows besides the task's name and due date: the case number, the
 * urgency and, for a visit, its day. Tasklist reads a filter's columns from the variables it may
 * read, and a companion may read their task, not the whole case: so when any task of any model is
 * created, the facts are copied onto it under names of their own ({@code list…}), which no form
 * writes and which therefore never hide the case's own variables.
 */
@Component
public class TaskListColumns extends AbstractProcessEnginePlugin implements TaskListener {

  /** One column: the task variable Tasklist shows, the case fact it copies, its label's text. */
  public record Column(String name, Var<?> source, String labelKey) {}

  public static final List<Column> COLUMNS =
      List.of(
          new Column("listCaseNumber", CaseFacts.CASE_NUMBER, "filter.column.caseNumber"),
          new Column("listVisitDate", CaseFacts.VISIT_DATE, "filter.column.visitDate"),
          new Column("listUrgency", CaseFacts.URGENCY_LABEL, "filter.column.urgency"));

  /**
   * What every task of a case shows to whoever holds it, in its row: the columns, the facts they
   * copy, and the urgency its label names. A task's holder may read these through any task ({@code
   * jp.bansou.forms.TaskReads}) and search or sort tasks by them ({@link VariableSearches}), and by
   * no other variable.
   */
  public static final Set<String> SHOWN_ON_EVERY_TASK =
      Stream.concat(
              Stream.of(CaseFacts.URGENCY.name()),
              COLUMNS.stream().flatMap(c -> Stream.of(c.name(), c.source().name())))
          .collect(Collectors.toUnmodifiableSet());

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener copier = this;
    UserTasks.onEvery(
        configuration, task -> task.addTaskListener(TaskListener.EVENTNAME_CREATE, copier));
  }

  @Override
  public void notify(DelegateTask task) {
    for (Column column : COLUMNS) {
      column
          .source()
          .find(task)
          .map(TaskListColumns::shown)
          .filter(text -> !text.isBlank())
          .ifPresent(text -> task.setVariableLocal(column.name(), text));
    }
  }

  private static String shown(Object value) {
    return value instanceof LocalDate date ? SHOWN.format(date) : String.valueOf(value);
  }
}
