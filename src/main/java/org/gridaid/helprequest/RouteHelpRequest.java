package org.gridaid.helprequest;

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
  public void execute(DelegateExecution execution) {
    Triage triage = Triage.of(HelpRequestProcess.TRIAGE.from(execution).get());
    HelpRequestProcess.TRIAGE.on(execution).remove();
    HelpRequestProcess.setRouting(execution, service.route(HelpRequestProcess.caseId(execution), triage));
    HelpRequestProcess.RESPONDED.on(execution).set(false);
  }
}
