package org.gridaid.helprequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The resident is ready (or the agreed time came): handling resumes with the time that was left,
 * and the supervisors with an open task see the case on the clock again.
 */
@Component("resumeHelpRequest")
class ResumeHelpRequest implements JavaDelegate {

  private final HelpRequestService service;

  ResumeHelpRequest(HelpRequestService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = HelpRequestProcess.caseId(execution);
    HelpRequestProcess.setRouting(execution, service.resume(id));
    HelpRequestProcess.HOLD_UNTIL.on(execution).remove();
    SupervisorTasks.tell(execution, service.get(id), service.now());
  }
}
