package jp.bansou.engine;

import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history as at level FULL, except that no value is kept twice: a variable's history
 * row (ACT_HI_VARINST) holds the value it had last, and ACT_HI_DETAIL gets no row for each value a
 * variable ever had (with, for a JSON list, a copy in ACT_GE_BYTEARRAY), nor for each value a form
 * submitted.
 *
 * <p>Nothing reads those rows: Tasklist and the community Cockpit show no variable's past, and our
 * statistics, exports and dashboard keep their own tables. Kept, they were every draft of every
 * note of a case until five years after its end, and the largest share of what a case wrote to the
 * engine's history: 191 of the 540 rows one benchmark lifecycle inserted (issue 21). Who did what
 * stays in the user operation log, which FULL keeps; of a comment's edit only that it was edited,
 * not its text before and after.
 */
public class LastValueHistory extends DbHistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent historyEvent) {
    if (historyEvent instanceof UserOperationLogEntryEventEntity entry
        && UserOperationLogEntry.OPERATION_TYPE_UPDATE_COMMENT.equals(entry.getOperationType())) {
      // the engine logs a comment's text before and after an edit: a comment is edited to take
      // something out (a shelter's address), which stayed in every reader's history of the task,
      // and after a delete too. The comment keeps its text; the log says only that it was edited
      entry.setOrgValue(null);
      entry.setNewValue(null);
    }
    if (!(historyEvent instanceof HistoricFormPropertyEventEntity)) {
      super.handleEvent(historyEvent);
    }
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
    return false;
  }
}
