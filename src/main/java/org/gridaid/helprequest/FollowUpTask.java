package org.gridaid.helprequest;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.springframework.stereotype.Component;

/**
 * 督办 at each escalation level: created when a deadline passes, due when the level's time is
 * up (the grid leader's when the resolution deadline is); the supervisor's note is recorded and
 * does not stop the clock.
 */
@Component("followUpTask")
class FollowUpTask extends HelpRequestTaskListener {

  FollowUpTask(HelpRequestService service) {
    super(service);
  }

  @Override
  protected void created(DelegateTask task, long id) {
    EscalationLevel level = EscalationLevel.ofTask(task.getTaskDefinitionKey());
    // the grid leader's task is the escalation; above the grid the escalation clock recorded it already
    HelpRequest request = level == EscalationLevel.GRID_LEADER ? service.escalate(id, level) : service.get(id);
    // due when the next level gets the case: the grid leader's when the resolution deadline passes
    task.setDueDate(Date.from(level == EscalationLevel.GRID_LEADER ? request.resolutionDueAt() : request.nextLevelDue()));
    HelpRequestProcess.setSummary(task, request, service.now());
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    service.supervise(id, EscalationLevel.ofTask(task.getTaskDefinitionKey()), actor,
        FormVariables.read(HelpRequestProcess.Forms.SUPERVISION_NOTE, task));
  }
}
