package jp.bansou.statistics;

import static jp.bansou.facts.CaseFacts.CASE_NUMBER;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.bansou.engine.Trial;
import jp.bansou.engine.UserTasks;
import jp.bansou.forms.DeployedForms;
import jp.bansou.forms.FormSchema;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Puts a listener on every user task as a model is parsed: when a task of a case is completed, the
 * answers to its form's statistic questions are kept ({@link FormStatistics}). A modeller marks a
 * question in the form; nothing is added to the diagram.
 */
@Component
public class StatisticsPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public StatisticsPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener listener = this::completed;
    UserTasks.onEvery(
        configuration, task -> task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener));
  }

  private void completed(DelegateTask task) {
    if (withoutStatistics(task)) {
      return;
    }
    Optional<String> caseNumber = CASE_NUMBER.find(task);
    // a trial case (jp.bansou.engine.Trial) is counted nowhere
    if (caseNumber.isEmpty() || Trial.of(task)) {
      return;
    }
    // the task's deployed form, parsed once per deployment (no form: nothing to count)
    Optional<FormSchema> deployed = DeployedForms.ofTask(task.getId());
    if (deployed.isEmpty()) {
      return;
    }
    FormSchema form = deployed.get();
    // the statistic questions' answers only: not every variable of the case, each JSON list parsed
    Map<String, Object> answers = new HashMap<>();
    for (FormSchema.FormField field : form.fields().values()) {
      if (field.statistic() && task.hasVariable(field.key())) {
        answers.put(field.key(), task.getVariable(field.key()));
      }
    }
    if (!answers.isEmpty()) {
      context.getBean(FormStatistics.class).record(caseNumber.get(), form, answers);
    }
  }

  /**
   * When each form key was last looked up in full (nanoTime): a version deployed on another node of
   * a cluster is learned here only when this node reads it, so each key is read again at least once
   * a minute.
   */
  private final Map<String, Long> lookedUp = new java.util.concurrent.ConcurrentHashMap<>();

  private static final long LOOK_AGAIN_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

  /**
   * The task's form is named in the model ({@code camunda:formRef} without an expression), no
   * version of it deployed asks a statistic question ({@link StatisticForms}), and it was looked up
   * in full less than a minute ago.
   */
  private boolean withoutStatistics(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
      return false;
    }
    Expression formRef = entity.getTaskDefinition().getCamundaFormDefinitionKey();
    if (formRef == null) {
      return false;
    }
    String key = formRef.getExpressionText();
    if (key == null
        || key.contains("${")
        || key.contains("#{")
        || context.getBean(StatisticForms.class).mayAsk(key)) {
      return false;
    }
    long now = System.nanoTime();
    Long last = lookedUp.get(key);
    if (last != null && now - last < LOOK_AGAIN_NANOS) {
      return true;
    }
    // read in full this once: a newer version, deployed on another node, is learned on the way
    lookedUp.put(key, now);
    return false;
  }
}
