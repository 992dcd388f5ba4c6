package org.gridaid.shared.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/** The engine's own history writer, minus every event about a personal variable or form field. */
final class PersonalDataFreeHistory implements HistoryEventHandler {

  private final HistoryEventHandler history = new DbHistoryEventHandler();
  private final Set<String> personal;

  PersonalDataFreeHistory(Set<String> personal) {
    this.personal = Set.copyOf(personal);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    boolean aboutPersonalData = event instanceof HistoricVariableUpdateEventEntity variable
        && personal.contains(variable.getVariableName())
        // what a form submitted is also kept as a form property, whatever variable it becomes
        || event instanceof HistoricFormPropertyEventEntity formField && personal.contains(formField.getPropertyId());
    if (!aboutPersonalData) {
      history.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
