package org.gridaid.carepacks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.shared.engine.EngineUsers;
import org.springframework.stereotype.Component;

/** 网格发放完成: what was not delivered goes back to stock. */
@Component("completeCarePackGrid")
class CompleteCarePackGrid implements JavaDelegate {

  private final CarePackService service;

  CompleteCarePackGrid(CarePackService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.completeGrid(CarePackProcess.campaignId(execution), CarePackProcess.GRID_CODE.from(execution).get(),
        EngineUsers.SYSTEM);
  }
}
