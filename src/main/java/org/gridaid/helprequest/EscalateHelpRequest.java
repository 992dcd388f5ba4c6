package org.gridaid.helprequest;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * 升级到社区 / 街道 / 区指挥部: the escalation clock records the level when it throws the
 * escalation, before the level's 督办 task exists, and sets when that level's time is up: the
 * timer the clock waits on next reads it in the same step.
 */
@Component("escalateHelpRequest")
class EscalateHelpRequest implements ExecutionListener {

  private final HelpRequestService service;

  EscalateHelpRequest(HelpRequestService service) {
    this.service = service;
  }

  /** The start listener of each escalation event: the event says which level. */
  @Override
  public void notify(DelegateExecution execution) {
    EscalationLevel level = EscalationLevel.ofEscalationEvent(execution.getCurrentActivityId());
    HelpRequest request = service.escalate(HelpRequestProcess.caseId(execution), level);
    if (request.nextLevelDueOrNull() != null) {
      HelpRequestProcess.NEXT_LEVEL_DUE.on(execution).set(Date.from(request.nextLevelDueOrNull()));
    }
  }
}
