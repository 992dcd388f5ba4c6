package org.gridaid.helprequest;

import static org.gridaid.helprequest.HelpRequestProcess.Forms.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.springframework.stereotype.Component;

/**
 * 网格员处置: claiming it is the grid's first response; completing it records the outcome and
 * sets what the process routes by next (the call-back, the hold's end, another grid).
 */
@Component("handleRequestTask")
class HandleRequestTask extends HelpRequestTaskListener {

  private final GridChoices grids;

  HandleRequestTask(HelpRequestService service, GridChoices grids) {
    super(service);
    this.grids = grids;
  }

  @Override
  protected void created(DelegateTask task, long id) {
    super.created(task, id);
    grids.offer(task);
  }

  /** Only the worker who takes the case responds: someone assigning it to another is not their response. */
  @Override
  protected void assigned(DelegateTask task, long id) {
    String assignee = task.getAssignee();
    if (assignee != null && assignee.equals(EngineUsers.current(task, assignee)) && service.respond(id, assignee)) {
      HelpRequestProcess.RESPONDED.on(task.getExecution()).set(true);
    }
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    var form = new HandlingForm(FormVariables.read(OUTCOME, task), FormVariables.read(ACTION_TAKEN, task),
        FormVariables.read(TRANSFERRED_TO, task), FormVariables.read(HOLD_REASON, task),
        FormVariables.read(RESUME_AT, task), FormVariables.read(NEW_GRID_CODE, task));
    HelpRequest request = service.recordHandling(id, form, actor);
    HandlingOutcome outcome = EnumCodeValidator.find(HandlingOutcome.class, form.outcome());
    var process = task.getExecution();
    // the gateway after the handling reads the outcome in its one spelling
    HelpRequestProcess.HANDLING_OUTCOME.on(process).set(outcome.name());
    if (outcome == HandlingOutcome.REROUTE) {
      HelpRequestProcess.REROUTE_TO.on(process).set(form.newGridCode().strip());
    }
    HelpRequestProcess.RESPONDED.on(process).set(true);
    HelpRequestProcess.HANDLED_BY.on(process).set(actor);
    // a second hold waits for the grid leader; the first starts at once
    HelpRequestProcess.HOLD_NEEDS_APPROVAL.on(process).set(request.holdAwaitingApproval());
    if (request.status() == HelpRequestStatus.ON_HOLD) {
      HelpRequestProcess.HOLD_UNTIL.on(process).set(Date.from(request.holdUntil()));
    }
    if (outcome.finishesHandling()) {
      HelpRequestProcess.CALLBACK_DUE.on(process).set(Date.from(service.now().plus(HelpRequest.CALLBACK_WITHIN)));
    }
  }
}
