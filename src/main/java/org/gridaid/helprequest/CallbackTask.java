package org.gridaid.helprequest;

import static org.gridaid.helprequest.HelpRequestProcess.Forms.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/** 回访居民: the hotline calls the resident back; the answer closes the case or sends it on. */
@Component("callbackTask")
class CallbackTask extends HelpRequestTaskListener {

  CallbackTask(HelpRequestService service) {
    super(service);
  }

  @Override
  protected void created(DelegateTask task, long id) {
    HelpRequest request = service.get(id);
    HelpRequestProcess.setSummary(task, request, service.now());
    HelpRequestProcess.DEADLINES.on(task).setLocal("第 " + (request.callbackAttempts() + 1)
        + " 次回访, 请于 " + FormDates.format(task.getDueDate().toInstant()) + " 前完成 (最多 "
        + HelpRequest.CALLBACK_TRIES + " 次)");
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    boolean reached = Boolean.TRUE.equals(FormVariables.read(CALLBACK_REACHED, task));
    Boolean satisfied = FormVariables.readYesOrNo(RESIDENT_SATISFIED, task);
    if (reached && satisfied == null) {
      // left unanswered it would have sent the case back to the grid
      throw new InvalidInputException(RESIDENT_SATISFIED.getName(), "is required when the resident was reached");
    }
    CallbackResult result = service.recordCallback(id, reached, Boolean.TRUE.equals(satisfied),
        FormVariables.read(CALLBACK_NOTE, task), actor);
    var process = task.getExecution();
    HelpRequestProcess.CALLBACK_RESULT.on(process).set(result.name());
    if (result == CallbackResult.TRY_AGAIN) {
      // the next try comes back after a wait, and is due as long after that again
      Instant retryAt = service.now().plus(HelpRequest.CALLBACK_RETRY_AFTER);
      HelpRequestProcess.CALLBACK_RETRY_AT.on(process).set(Date.from(retryAt));
      HelpRequestProcess.CALLBACK_DUE.on(process).set(Date.from(retryAt.plus(HelpRequest.CALLBACK_RETRY_AFTER)));
    }
    if (result == CallbackResult.RETURN_TO_GRID) {
      HelpRequestProcess.RESOLUTION_DUE.on(process).set(Date.from(service.get(id).resolutionDueAt()));
    }
  }
}
