package org.gridaid.helprequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.shared.engine.EngineUsers;
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
    String grid = HelpRequestProcess.REROUTE_TO.from(execution).getOrNull();
    String actor = EngineUsers.current(execution, HelpRequestProcess.HANDLED_BY.from(execution).getOrNull());
    HelpRequestProcess.setRouting(execution, service.reroute(HelpRequestProcess.caseId(execution), grid, actor));
    HelpRequestProcess.RESPONDED.on(execution).set(false);
    HelpRequestProcess.REROUTE_TO.on(execution).remove();
  }
}
