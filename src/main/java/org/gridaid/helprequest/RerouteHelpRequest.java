package org.gridaid.helprequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The grid worker named the right grid: it gets the case with the deadlines counted from intake. */
@Component("rerouteHelpRequest")
class RerouteHelpRequest implements JavaDelegate {

  private final HelpRequestService service;

  RerouteHelpRequest(HelpRequestService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = CaseVariables.caseId(execution.getProcessBusinessKey());
    String grid = (String) execution.getVariable(HelpRequestProcess.Forms.NEW_GRID_CODE);
    String actor = (String) execution.getVariable(HelpRequestProcess.HANDLED_BY);
    CaseVariables.setRouting(execution, service.reroute(id, grid, CaseVariables.actor(actor)));
    execution.setVariable(HelpRequestProcess.RESPONDED, false);
    execution.removeVariable(HelpRequestProcess.Forms.NEW_GRID_CODE);
  }
}
