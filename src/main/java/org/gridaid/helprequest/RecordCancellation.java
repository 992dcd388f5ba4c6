package org.gridaid.helprequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.shared.engine.EngineUsers;
import org.springframework.stereotype.Component;

/**
 * 记录撤销: the cancel event sub-process withdraws the case in the transaction that ends its
 * tasks, with the reason and actor the cancellation message brought.
 */
@Component("recordCancellation")
class RecordCancellation implements JavaDelegate {

  private final HelpRequestService service;

  RecordCancellation(HelpRequestService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String actor = HelpRequestProcess.CANCELLED_BY.from(execution).getOrNull();
    service.recordCancellation(HelpRequestProcess.caseId(execution),
        HelpRequestProcess.CANCEL_REASON.from(execution).getOrNull(),
        actor != null ? actor : EngineUsers.current(execution, null));
  }
}
