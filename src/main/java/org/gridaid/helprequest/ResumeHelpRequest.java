package org.gridaid.helprequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The resident is ready (or the agreed time came): handling resumes with the time that was left. */
@Component("resumeHelpRequest")
class ResumeHelpRequest implements JavaDelegate {

  private final HelpRequestService service;

  ResumeHelpRequest(HelpRequestService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HelpRequestProcess.setRouting(execution, service.resume(HelpRequestProcess.caseId(execution)));
    HelpRequestProcess.HOLD_UNTIL.on(execution).remove();
  }
}
