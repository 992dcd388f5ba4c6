package org.gridaid.helprequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 告知督办人案件暂缓: the supervisors with an open task see that the case waits, why and until when. */
@Component("tellSupervisorsOfHold")
class TellSupervisorsOfHold implements JavaDelegate {

  private final HelpRequestService service;

  TellSupervisorsOfHold(HelpRequestService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupervisorTasks.tell(execution, service.get(HelpRequestProcess.caseId(execution)), service.now());
  }
}
