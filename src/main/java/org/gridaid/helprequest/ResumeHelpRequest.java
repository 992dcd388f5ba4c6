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
    long id = CaseVariables.caseId(execution.getProcessBusinessKey());
    CaseVariables.setRouting(execution, service.resume(id));
    execution.removeVariable(HelpRequestProcess.RESUME_AT);
  }
}
