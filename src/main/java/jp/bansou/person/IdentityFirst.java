package jp.bansou.person;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Nothing runs while the person's identity is still a process variable, except what handles it.
 *
 * <p>An intake submits the person's name, contact and story as process variables, and {@code
 * ${registerCase}} seals them in the {@link IdentityVault} and removes them. A model that put
 * anything before that step could pass them on without naming them in an expression: a call
 * activity's {@code <camunda:in variables="all"/>} or {@code <camunda:in source="personName" …/>}
 * into a process of the modeller's own, with a task for themselves. So every activity of every
 * model, as it starts, is refused while an identity field ({@link IdentityFields}) is still a
 * variable of its execution: the steps that handle it ({@link #HANDLERS}) and those that only
 * choose the way on ({@link #CHOOSING}) excepted. The intake is then refused as a whole and nothing
 * of it is kept; the coordinator is told the model is wrong.
 */
@Component
public class IdentityFirst extends AbstractProcessEnginePlugin {

  private static final org.camunda.bpm.engine.impl.util.xml.Namespace CAMUNDA =
      org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;

  /**
   * The steps that take the identity in hand: the intake's registration, and a consultation event's
   * walk-in, which opens a case with it or records the consultation without it ({@code
   * jp.bansou.outreach.WalkInSteps}).
   */
  static final Set<String> HANDLERS =
      Set.of(
          "${registerCase}", "${walkIns.openCase(execution)}", "${walkIns.recordOnce(execution)}");

  /** What only chooses the way on (its conditions are expressions, held to the model rules). */
  static final Set<String> CHOOSING =
      Set.of("startEvent", "exclusiveGateway", "inclusiveGateway", "parallelGateway");

  private final IdentityFields fields;
  private final Texts texts;

  public IdentityFirst(IdentityFields fields, Texts texts) {
    this.fields = fields;
    this.texts = texts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    ExecutionListener check = this::check;
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseProcess(Element process, ProcessDefinitionEntity definition) {
                Set<String> registering = new HashSet<>();
                registrations(process, registering);
                guard(definition, registering, check);
              }
            });
  }

  /** The ids of the model's steps that handle the identity. */
  private static void registrations(Element element, Set<String> ids) {
    if ("serviceTask".equals(element.getTagName())
        && (handles(element.attributeNS(CAMUNDA, "delegateExpression"))
            || handles(element.attributeNS(CAMUNDA, "expression")))) {
      ids.add(element.attribute("id"));
    }
    for (Element child : element.elements()) {
      registrations(child, ids);
    }
  }

  private static boolean handles(String expression) {
    return expression != null && HANDLERS.contains(expression.strip());
  }

  private static void guard(ScopeImpl scope, Set<String> registering, ExecutionListener check) {
    for (ActivityImpl activity : List.copyOf(scope.getActivities())) {
      Object type = activity.getProperty("type");
      if (!(type instanceof String kind && CHOOSING.contains(kind))
          && !registering.contains(activity.getId())) {
        activity.addListener(ExecutionListener.EVENTNAME_START, check, 0);
      }
      guard(activity, registering, check);
    }
  }

  private void check(DelegateExecution execution) {
    for (String name : fields.names()) {
      if (execution.hasVariable(name)) {
        throw new Refusal(texts.get("intake.refused.beforeRegistration"));
      }
    }
  }
}
