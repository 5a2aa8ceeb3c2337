package jp.bansou.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history as at level FULL (process, activity, task, variable and decision instances,
 * identity links, incidents, the user operation log, job logs), without the details table {@code
 * ACT_HI_DETAIL}: one row per change of a variable (with a copy of each serialized value in {@code
 * ACT_GE_BYTEARRAY}) and one per submitted form field. Nothing here reads them, the community
 * Cockpit does not show them, and each variable's latest value stays in {@code ACT_HI_VARINST},
 * which Cockpit shows and erasure clears. On by default; {@code bansou.history.details=true} writes
 * them again (issue 21: measured in src/benchmark/RESULTS.md).
 */
public class HistoryWithoutDetails extends DbHistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricFormPropertyEventEntity)) {
      super.handleEvent(event);
    }
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return false;
  }
}
