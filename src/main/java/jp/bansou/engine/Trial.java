package jp.bansou.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Trial cases (issue 15, item 7): a modeller deploys changed models and forms under the Camunda
 * tenant {@value #TENANT} and starts test cases on them; real cases never see them. The one rule:
 * <em>in a trial case, a trial version of a process, decision or form wins where one exists;
 * otherwise the live one (no tenant)</em>. A real case, a timer and every real list use the live
 * versions only. Every place our Java finds a definition by key goes through here.
 */
public final class Trial {

  /** The Camunda tenant of trial deployments and of every trial case's instances. */
  public static final String TENANT = "trial";

  /** Shown in Cockpit and Admin. */
  public static final String TENANT_NAME = "試行";

  /**
   * The one SQL fragment that keeps trial cases out of real numbers and lists: {@code "where " +
   * Trial.realCase("case_number")}. Trial cases are recorded in {@code trial_case} (V80).
   */
  public static String realCase(String column) {
    return "("
        + column
        + " is null or "
        + column
        + " not in (select business_key from trial_case))";
  }

  /** The same for a column that holds a process instance id of a trial case's own process. */
  public static String realInstance(String column) {
    return "("
        + column
        + " is null or "
        + column
        + " not in (select process_instance_id from trial_case))";
  }

  /** SQL with one parameter, a business key: 1 if it is a trial case's, else 0. */
  public static final String IS_TRIAL_CASE =
      "select count(*) from trial_case where business_key = ?";

  private static final ThreadLocal<String> ACTING_FOR = new ThreadLocal<>();

  private Trial() {}

  public static boolean is(String tenantId) {
    return TENANT.equals(tenantId);
  }

  /** Whether this execution or task belongs to a trial case. */
  public static boolean of(VariableScope scope) {
    if (scope instanceof org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return is(execution.getTenantId());
    }
    if (scope instanceof org.camunda.bpm.engine.delegate.DelegateTask task) {
      return is(task.getTenantId());
    }
    return false;
  }

  /** The tenant of this execution or task: {@value #TENANT} or {@code null} (live). */
  public static String tenant(VariableScope scope) {
    return of(scope) ? TENANT : null;
  }

  /**
   * The newest process definition of this key a case of {@code caseTenant} uses: the trial one for
   * a trial case where one exists, otherwise the live one.
   */
  public static ProcessDefinition process(
      RepositoryService repositoryService, String key, String caseTenant) {
    if (is(caseTenant)) {
      ProcessDefinition trial =
          repositoryService
              .createProcessDefinitionQuery()
              .processDefinitionKey(key)
              .tenantIdIn(TENANT)
              .latestVersion()
              .singleResult();
      if (trial != null) {
        return trial;
      }
    }
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .withoutTenantId()
        .latestVersion()
        .singleResult();
  }

  /** The live newest process definition of this key. */
  public static ProcessDefinition liveProcess(RepositoryService repositoryService, String key) {
    return process(repositoryService, key, null);
  }

  /** The newest decision definition of this key for a case of {@code caseTenant}. */
  public static DecisionDefinition decision(
      RepositoryService repositoryService, String key, String caseTenant) {
    if (is(caseTenant)) {
      DecisionDefinition trial =
          repositoryService
              .createDecisionDefinitionQuery()
              .decisionDefinitionKey(key)
              .tenantIdIn(TENANT)
              .latestVersion()
              .singleResult();
      if (trial != null) {
        return trial;
      }
    }
    return repositoryService
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey(key)
        .withoutTenantId()
        .latestVersion()
        .singleResult();
  }

  /**
   * The tenant of the case whose step runs in this thread: {@value #TENANT} while a trial case's
   * step runs (or while processes are started on its behalf), otherwise null — a dashboard, a
   * report, a real case. Lets the tables our Java reads follow the same rule as the models.
   */
  public static String current() {
    if (actingTenant() != null) {
      return actingTenant();
    }
    org.camunda.bpm.engine.impl.context.BpmnExecutionContext context =
        org.camunda.bpm.engine.impl.context.Context.getBpmnExecutionContext();
    return context != null
            && context.getExecution() != null
            && is(context.getExecution().getTenantId())
        ? TENANT
        : null;
  }

  /** The decision table of this key for the case whose step runs now (see {@link #current()}). */
  public static org.camunda.bpm.engine.dmn.DecisionEvaluationBuilder table(
      DecisionService decisionService, RepositoryService repositoryService, String key) {
    if (is(current())) {
      DecisionDefinition definition = decision(repositoryService, key, TENANT);
      if (definition != null && is(definition.getTenantId())) {
        return decisionService.evaluateDecisionTableById(definition.getId());
      }
    }
    return decisionService.evaluateDecisionTableByKey(key).decisionDefinitionWithoutTenantId();
  }

  /** Evaluates the decision table of this key the way a case of {@code caseTenant} would. */
  public static DecisionsEvaluationBuilder evaluate(
      DecisionService decisionService,
      RepositoryService repositoryService,
      String key,
      String caseTenant) {
    DecisionDefinition definition = decision(repositoryService, key, caseTenant);
    if (definition == null) {
      return decisionService.evaluateDecisionByKey(key).decisionDefinitionWithoutTenantId();
    }
    return decisionService.evaluateDecisionById(definition.getId());
  }

  /**
   * Starts the newest process of this key for a case of {@code caseTenant}; a live process started
   * for a trial case still runs as a trial instance.
   */
  public static ProcessInstance start(
      RuntimeService runtimeService,
      RepositoryService repositoryService,
      String key,
      String caseTenant,
      String businessKey,
      VariableMap variables) {
    ProcessDefinition definition = process(repositoryService, key, caseTenant);
    if (definition == null) {
      // the engine's own message: no such process
      return runtimeService
          .createProcessInstanceByKey(key)
          .processDefinitionWithoutTenantId()
          .businessKey(businessKey)
          .setVariables(variables)
          .execute();
    }
    return actingFor(
        caseTenant,
        () ->
            runtimeService
                .createProcessInstanceById(definition.getId())
                .businessKey(businessKey)
                .setVariables(variables)
                .execute());
  }

  /**
   * A message that starts a process, correlated for a case of {@code caseTenant}: to the trial
   * definition where it has one, else to the live one (as a trial instance for a trial case).
   */
  public static ProcessInstance startByMessage(
      RuntimeService runtimeService,
      RepositoryService repositoryService,
      MessageCorrelationBuilder correlation,
      String message,
      String caseTenant) {
    boolean trialDefinition =
        is(caseTenant)
            && repositoryService
                    .createProcessDefinitionQuery()
                    .messageEventSubscriptionName(message)
                    .tenantIdIn(TENANT)
                    .count()
                > 0;
    MessageCorrelationBuilder scoped =
        trialDefinition ? correlation.tenantId(TENANT) : correlation.withoutTenantId();
    return actingFor(caseTenant, scoped::correlateStartMessage);
  }

  /** Runs {@code work}, whose new process instances without a super execution join the case. */
  public static <T> T actingFor(String caseTenant, Supplier<T> work) {
    String before = ACTING_FOR.get();
    ACTING_FOR.set(is(caseTenant) ? TENANT : null);
    try {
      return work.get();
    } finally {
      if (before == null) {
        ACTING_FOR.remove();
      } else {
        ACTING_FOR.set(before);
      }
    }
  }

  /** The tenant of the case on whose behalf new process instances are being started, if any. */
  public static String actingTenant() {
    return ACTING_FOR.get();
  }
}
