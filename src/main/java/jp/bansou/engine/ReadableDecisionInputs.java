package jp.bansou.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.producer.DefaultDmnHistoryEventProducer;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * A DMN table's input that is a list ({@code problemFields} of {@code case-triage}) is kept in the
 * decision history as JSON, which Cockpit shows and the REST API reads back. The FEEL engine hands
 * a list over as a Scala wrapper ({@code camundajar...JavaCollectionWrappers$SeqWrapper}); kept as
 * it was, it became an Object of that class, which no one can deserialize: {@code
 * /history/decision-instance?includeInputs=true} answered with an error message instead of the
 * value, and Cockpit showed {@code [Object]}. What the table decides is unchanged.
 */
@Component
public class ReadableDecisionInputs extends AbstractProcessEnginePlugin {

  private final EngineClock clock;

  public ReadableDecisionInputs(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDmnHistoryEventProducer(new Producer());
  }

  class Producer extends DefaultDmnHistoryEventProducer {

    /** As the engine's, with a list or a context as JSON. */
    @Override
    protected List<HistoricDecisionInputInstance> createHistoricDecisionInputInstances(
        DmnDecisionTableEvaluationEvent evaluationEvent,
        String rootProcessInstanceId,
        Date removalTime) {
      List<HistoricDecisionInputInstance> inputInstances = new ArrayList<>();
      for (DmnEvaluatedInput inputClause : evaluationEvent.getInputs()) {
        HistoricDecisionInputInstanceEntity inputInstance =
            new HistoricDecisionInputInstanceEntity(rootProcessInstanceId, removalTime);
        inputInstance.setClauseId(inputClause.getId());
        inputInstance.setClauseName(inputClause.getName());
        inputInstance.setCreateTime(Date.from(clock.instant()));
        inputInstance.setValue(readable(inputClause.getValue()));
        inputInstances.add(inputInstance);
      }
      return inputInstances;
    }
  }

  static TypedValue readable(TypedValue value) {
    Object plain = value == null ? null : value.getValue();
    if (plain instanceof Collection<?> || plain instanceof Map<?, ?>) {
      return SpinValues.jsonValue(Spin.JSON(plain)).create();
    }
    return Variables.untypedValue(value);
  }
}
