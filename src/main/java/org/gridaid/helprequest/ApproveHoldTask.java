package org.gridaid.helprequest;

import static org.gridaid.helprequest.HelpRequestProcess.Forms.APPROVAL_NOTE;
import static org.gridaid.helprequest.HelpRequestProcess.Forms.APPROVE_HOLD;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 网格长审批暂缓: a case already held once waits on the clock until the grid leader agrees to
 * another hold, or sends it back to the grid worker with a reason.
 */
@Component("approveHoldTask")
class ApproveHoldTask extends HelpRequestTaskListener {

  private final HoldSettings holds;

  ApproveHoldTask(HelpRequestService service, HoldSettings holds) {
    super(service);
    this.holds = holds;
  }

  @Override
  protected void created(DelegateTask task, long id) {
    HelpRequest request = service.get(id);
    HelpRequestProcess.setSummary(task, request, service.now());
    HelpRequestProcess.HOLD_REQUEST.on(task).setLocal("暂缓至 " + FormDates.format(request.holdUntil())
        + "\n原因: " + request.holdReason()
        + "\n此前已暂缓 " + request.holdCount() + " 次, 累计 " + FormDates.duration(request.timeOnHold())
        + " (上限 " + FormDates.duration(holds.longestTotal()) + ")");
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    Boolean approved = FormVariables.readYesOrNo(APPROVE_HOLD, task);
    if (approved == null) {
      throw new InvalidInputException(APPROVE_HOLD.getName(), "is required");
    }
    String note = FormVariables.read(APPROVAL_NOTE, task);
    if (!approved && (note == null || note.isBlank())) {
      throw new InvalidInputException(APPROVAL_NOTE.getName(), "is required when the hold is refused");
    }
    if (note != null && note.length() > 500) {
      throw new InvalidInputException(APPROVAL_NOTE.getName(), "must be at most 500 characters");
    }
    HelpRequest request = service.decideHold(id, approved, note == null ? null : note.strip(), actor);
    var process = task.getExecution();
    HelpRequestProcess.HOLD_APPROVED.on(process).set(approved);
    if (approved) {
      HelpRequestProcess.HOLD_UNTIL.on(process).set(Date.from(request.holdUntil()));
    }
  }
}
