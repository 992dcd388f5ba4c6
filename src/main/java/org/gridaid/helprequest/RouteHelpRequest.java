package org.gridaid.helprequest;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies the triage result and finds the grid of the address (or leaves it to an operator). */
@Component("routeHelpRequest")
class RouteHelpRequest implements JavaDelegate {

  private final HelpRequestService service;

  RouteHelpRequest(HelpRequestService service) {
    this.service = service;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    long id = CaseVariables.caseId(execution.getProcessBusinessKey());
    var triage = HelpRequestService.Triage.of((Map<String, Object>) execution.getVariable(HelpRequestProcess.TRIAGE));
    execution.removeVariable(HelpRequestProcess.TRIAGE);
    CaseVariables.setRouting(execution, service.route(id, triage));
    execution.setVariable(HelpRequestProcess.RESPONDED, false);
  }
}
