package jp.bansou.modelsafety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.bansou.engine.Texts;
import jp.bansou.person.IdentityFields;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.scripting.ExecutableScript;
import org.camunda.bpm.engine.impl.scripting.ScriptFactory;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A deployed expression is code: this plugin lets models reach only the {@link ModelBeans}, refuses
 * scripts altogether, guards every expression while it runs ({@link GuardResolver}) and refuses at
 * deployment what {@link ModelPolicyDeployer} finds and a deployment whose forms, decisions or
 * called processes would not resolve ({@link ReferenceCheckDeployer}).
 */
@Component
public class ModelSafetyPlugin extends AbstractProcessEnginePlugin {

  private final ModelBeans beans;
  private final ApplicationContext context;

  public ModelSafetyPlugin(ApplicationContext context) {
    this.context = context;
    this.beans = new ModelBeans(context);
  }

  public ModelBeans beans() {
    return beans;
  }

  /** The rules for an expression from outside, such as a stored filter's. */
  public ExpressionPolicy expressions() {
    return new ExpressionPolicy(beans, this::identityFields);
  }

  /** The identity fields the forms deployed so far mark, besides the intake's own. */
  private Set<String> identityFields() {
    return context.getBean(IdentityFields.class).names();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBeans(beans);
    configuration.setExpressionManager(new GuardedExpressionManager(context, beans, expressions()));
    // after the engine has built each task: what it will run, whatever the XML looked like
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new RunsNoCode());
    configuration.setScriptFactory(new NoScripts());
    List<Deployer> preDeployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(0, new ModelPolicyDeployer(expressions()));
    preDeployers.add(1, new ReferenceCheckDeployer(() -> context.getBean(Texts.class)));
    configuration.setCustomPreDeployers(preDeployers);
    // expressions in ad-hoc queries stay off; stored filters may use currentUser() and are
    // created by administrators only
    configuration.setEnableExpressionsInAdhocQueries(false);
  }

  /**
   * Spring's expression manager with the guard before every other resolver, which also holds every
   * expression the engine compiles (while it parses a model, or a stored filter's) to the same
   * rules as the deployment's check: an expression that reached the engine some other way than that
   * check read it is refused before it can run.
   */
  static class GuardedExpressionManager extends SpringExpressionManager {
    private final ExpressionPolicy policy;

    GuardedExpressionManager(
        ApplicationContext context, ModelBeans beans, ExpressionPolicy policy) {
      super(context, beans);
      this.policy = policy;
    }

    @Override
    public org.camunda.bpm.engine.impl.el.Expression createExpression(String expression) {
      List<String> problems = policy.problems(expression);
      if (!problems.isEmpty()) {
        throw new org.camunda.bpm.engine.exception.NotValidException(
            "この式は使えません（" + String.join("、", problems) + "）");
      }
      return super.createExpression(expression);
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolver = new CompositeELResolver();
      resolver.add(new GuardResolver());
      resolver.add(super.createElResolver());
      return resolver;
    }
  }

  /**
   * No task runs a command, sends mail from the server or instantiates a class named in a model:
   * checked on what the engine built from the model, so no way of writing the XML passes it.
   */
  static class RunsNoCode
      extends org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener {
    /** Called once a process is parsed: every activity in it, in every sub-process. */
    @Override
    public void parseProcess(
        org.camunda.bpm.engine.impl.util.xml.Element element,
        org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity definition) {
      check(definition);
    }

    private static void check(org.camunda.bpm.engine.impl.pvm.process.ScopeImpl scope) {
      for (org.camunda.bpm.engine.impl.pvm.process.ActivityImpl activity : scope.getActivities()) {
        Object behavior = activity.getActivityBehavior();
        if (behavior instanceof org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior
            || behavior instanceof org.camunda.bpm.engine.impl.bpmn.behavior.MailActivityBehavior
            || behavior
                instanceof
                org.camunda.bpm.engine.impl.bpmn.behavior.ClassDelegateActivityBehavior) {
          throw new BpmnParseException(
              "「" + activity.getId() + "」：サーバーでコマンドやメールやクラスを動かすタスクは使えません", null);
        }
        check(activity);
      }
    }
  }

  /** No script runs in a model: the engine refuses one while parsing, with its element. */
  static class NoScripts extends ScriptFactory {
    @Override
    public ExecutableScript createScriptFromResource(String language, String resource) {
      throw refused();
    }

    @Override
    public ExecutableScript createScriptFromResource(String language, Expression resource) {
      throw refused();
    }

    @Override
    public ExecutableScript createScriptFromSource(String language, String source) {
      throw refused();
    }

    @Override
    public ExecutableScript createScriptFromSource(String language, Expression source) {
      throw refused();
    }

    private static BpmnParseException refused() {
      return new BpmnParseException("スクリプトは使えません（モデルから呼べるのは変数とモデル用の Bean だけです）", null);
    }
  }
}
