package jp.bansou.trial;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import jp.bansou.engine.Trial;
import jp.bansou.engine.Var;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Puts the trial rule ({@link Trial}) into the engine: every instance of a trial case carries the
 * tenant {@value Trial#TENANT} (a live process called or started for it too), and every call
 * activity, business rule task and Camunda Form of a case finds the trial version where the case is
 * a trial one and one exists, otherwise the live one. Forms are handed out bound to the deployment
 * of the version chosen, so no reader ever meets "several tenants" for one form key.
 */
@Component
public class TrialPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public TrialPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new TrialTenants());
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(
        new TrialParseListener(
            new LiveStartGuard(() -> context.getBean(Texts.class)),
            () -> context.getBean(TrialCases.class)));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** The tenant of a new instance whose definition has none: that of the case it serves. */
  static class TrialTenants implements TenantIdProvider {
    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
      DelegateExecution superExecution = ctx.getSuperExecution();
      if (superExecution != null) {
        return Trial.is(superExecution.getTenantId()) ? Trial.TENANT : null;
      }
      return Trial.actingTenant();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
      return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(
        TenantIdProviderHistoricDecisionInstanceContext ctx) {
      DelegateExecution execution = ctx.getExecution();
      if (execution != null) {
        return Trial.is(execution.getTenantId()) ? Trial.TENANT : null;
      }
      return Trial.actingTenant();
    }
  }

  /** What kind of definition a callable element calls. */
  enum Called {
    PROCESS,
    DECISION
  }

  /** The tenant in which a callable element of a case finds its definition, by the rule. */
  record CalledTenant(BaseCallableElement element, Called called)
      implements ParameterValueProvider {
    @Override
    public Object getValue(VariableScope scope) {
      if (!Trial.of(scope)) {
        return null;
      }
      String key = element.getDefinitionKey(scope);
      CommandContext context = Context.getCommandContext();
      Object trial =
          switch (called) {
            case PROCESS ->
                context
                    .getProcessDefinitionManager()
                    .findLatestDefinitionByKeyAndTenantId(key, Trial.TENANT);
            case DECISION ->
                context
                    .getDecisionDefinitionManager()
                    .findLatestDefinitionByKeyAndTenantId(key, Trial.TENANT);
          };
      return trial == null ? null : Trial.TENANT;
    }

    @Override
    public boolean isDynamic() {
      return true;
    }
  }

  /** The form of this key a case of {@code tenant} shows: bound to its deployment. */
  static void bind(FormDataImpl data, String tenant) {
    CamundaFormRef ref = data == null ? null : data.getCamundaFormRef();
    if (ref == null
        || ref.getKey() == null
        || !DefaultFormHandler.FORM_REF_BINDING_LATEST.equals(ref.getBinding())) {
      return;
    }
    var forms = Context.getCommandContext().getCamundaFormDefinitionManager();
    var chosen =
        Trial.is(tenant)
            ? forms.findLatestDefinitionByKeyAndTenantId(ref.getKey(), Trial.TENANT)
            : null;
    if (chosen == null) {
      chosen = forms.findLatestDefinitionByKeyAndTenantId(ref.getKey(), null);
    }
    if (chosen == null) {
      return;
    }
    data.setCamundaFormRef(
        new CamundaFormRefImpl(ref.getKey(), DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT));
    data.setDeploymentId(chosen.getDeploymentId());
  }

  /**
   * Modellers may start any definition the tenant check shows them, for trial cases: a live one
   * only where its model names one of their groups as starters.
   */
  record LiveStartGuard(Supplier<Texts> texts) implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      ExecutionEntity instance = (ExecutionEntity) execution;
      if (Trial.is(instance.getTenantId())) {
        rememberModeller(instance);
        return;
      }
      if (instance.getSuperExecution() != null) {
        return;
      }
      Authentication who =
          execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (who == null
          || who.getGroupIds() == null
          || !who.getGroupIds().contains(Role.MODELLERS.groupId())) {
        return;
      }
      ProcessDefinitionEntity definition = instance.getProcessDefinition();
      for (Expression starters : definition.getCandidateStarterGroupIdExpressions()) {
        if (who.getGroupIds().contains(starters.getExpressionText().strip())) {
          return;
        }
      }
      throw new Refusal(texts.get().get("trial.refused.liveStart", definition.getKey()));
    }
  }

  /** The variable that names the modeller a trial case belongs to. */
  static final Var<String> MODELLER = Var.text("trialModeller");

  /** A trial instance belongs to the modeller who started the case (or its caller's modeller). */
  static void rememberModeller(ExecutionEntity instance) {
    String modeller =
        instance.getSuperExecution() != null
            ? MODELLER.orElse(instance.getSuperExecution(), null)
            : null;
    if (modeller == null) {
      Authentication who =
          instance.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      modeller = who == null ? null : who.getUserId();
    }
    if (modeller != null) {
      MODELLER.set(instance, modeller);
    }
  }

  /**
   * Every task of a trial case goes to the modeller who started it and is offered to nobody else,
   * so no companion, coordinator or group ever meets it.
   */
  record ToTheModeller(Supplier<TrialCases> cases) implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      if (!Trial.of(task)) {
        return;
      }
      cases.get().record(task.getExecution(), MODELLER.orElse(task.getExecution(), null));
      // the task's candidates are not in the database yet: dropped from the task itself
      List<IdentityLinkEntity> links = ((TaskEntity) task).getIdentityLinks();
      for (IdentityLinkEntity link : new ArrayList<>(links)) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          link.delete();
          links.remove(link);
        }
      }
      String modeller = MODELLER.orElse(task.getExecution(), null);
      if (modeller != null && !modeller.equals(task.getAssignee())) {
        task.setAssignee(modeller);
      }
    }
  }

  /** A trial instance that ends is recorded too (one that never waited for a person). */
  record RecordAtEnd(Supplier<TrialCases> cases) implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (Trial.of(execution)) {
        cases.get().record(execution, MODELLER.orElse(execution, null));
      }
    }
  }

  static class TrialParseListener extends AbstractBpmnParseListener {

    private final LiveStartGuard guard;
    private final ToTheModeller toTheModeller;
    private final RecordAtEnd recordAtEnd;

    TrialParseListener(LiveStartGuard guard, Supplier<TrialCases> cases) {
      this.guard = guard;
      this.toTheModeller = new ToTheModeller(cases);
      this.recordAtEnd = new RecordAtEnd(cases);
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof CallableElementActivityBehavior behavior
          && behavior.getCallableElement() != null
          && behavior.getCallableElement().getTenantIdProvider() == null) {
        behavior
            .getCallableElement()
            .setTenantIdProvider(new CalledTenant(behavior.getCallableElement(), Called.PROCESS));
      }
    }

    @Override
    public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof DmnBusinessRuleTaskActivityBehavior behavior) {
        BaseCallableElement callable = callableElementOf(behavior);
        if (callable != null && callable.getTenantIdProvider() == null) {
          callable.setTenantIdProvider(new CalledTenant(callable, Called.DECISION));
        }
      }
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        TaskDefinition definition = behavior.getTaskDefinition();
        if (!(definition.getTaskFormHandler() instanceof TrialTaskForm)) {
          definition.setTaskFormHandler(new TrialTaskForm(definition.getTaskFormHandler()));
        }
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, toTheModeller);
      }
    }

    @Override
    public void parseProcess(Element element, ProcessDefinitionEntity definition) {
      StartFormHandler handler = definition.getStartFormHandler();
      if (handler != null && !(handler instanceof TrialStartForm)) {
        definition.setStartFormHandler(new TrialStartForm(handler));
      }
      definition.addListener(ExecutionListener.EVENTNAME_START, guard);
      definition.addListener(ExecutionListener.EVENTNAME_END, recordAtEnd);
    }
  }

  /** The business rule task's callable element: the engine keeps it in a protected field. */
  static BaseCallableElement callableElementOf(DmnBusinessRuleTaskActivityBehavior behavior) {
    try {
      Field field = DmnBusinessRuleTaskActivityBehavior.class.getDeclaredField("callableElement");
      field.setAccessible(true);
      return (BaseCallableElement) field.get(behavior);
    } catch (ReflectiveOperationException engineChanged) {
      throw new IllegalStateException(
          "Camunda's DmnBusinessRuleTaskActivityBehavior changed: trial rule cannot apply",
          engineChanged);
    }
  }

  /** A task's form, by the rule, from the task's tenant. */
  record TrialTaskForm(TaskFormHandler delegate) implements TaskFormHandler {
    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      TaskFormData data = delegate.createTaskForm(task);
      if (data instanceof FormDataImpl impl) {
        bind(impl, task.getTenantId());
      }
      return data;
    }

    @Override
    public void parseConfiguration(
        Element activityElement,
        DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition,
        BpmnParse bpmnParse) {
      delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
      delegate.submitFormVariables(properties, variableScope);
    }
  }

  /** A start form, by the rule, from the definition's tenant. */
  record TrialStartForm(StartFormHandler delegate) implements StartFormHandler {
    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity definition) {
      StartFormData data = delegate.createStartFormData(definition);
      if (data instanceof FormDataImpl impl) {
        bind(impl, definition.getTenantId());
      }
      return data;
    }

    @Override
    public void parseConfiguration(
        Element activityElement,
        DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition,
        BpmnParse bpmnParse) {
      delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
      delegate.submitFormVariables(properties, variableScope);
    }
  }
}
