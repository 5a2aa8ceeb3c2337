package jp.bansou.person;

import java.util.List;
import jp.bansou.engine.LastValueHistory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps identity out of the engine's tables. The engine writes every variable and every submitted
 * form value into its history (ACT_HI_VARINST, ACT_HI_DETAIL), even one removed in the same
 * transaction: history events of identity fields are dropped before they reach the database. The
 * intake's registration step seals the values in the {@link IdentityVault} and removes them from
 * the process before anything is written, so the runtime tables never hold them either.
 */
@Component
public class PersonPlugin extends AbstractProcessEnginePlugin {

  private final IdentityFields fields;

  public PersonPlugin(IdentityFields fields) {
    this.fields = fields;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new IdentityHistoryFilter(new LastValueHistory()));
  }

  /** Drops the history events that carry an identity field's value. */
  class IdentityHistoryFilter implements HistoryEventHandler {

    private final HistoryEventHandler next;

    IdentityHistoryFilter(HistoryEventHandler next) {
      this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!carriesIdentity(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      next.handleEvents(events.stream().filter(e -> !carriesIdentity(e)).toList());
    }

    private boolean carriesIdentity(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        return fields.contains(variable.getVariableName());
      }
      if (event instanceof HistoricFormPropertyEventEntity formValue) {
        return fields.contains(formValue.getPropertyId());
      }
      return false;
    }
  }
}
