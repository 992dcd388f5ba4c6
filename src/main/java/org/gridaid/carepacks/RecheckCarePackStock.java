package org.gridaid.carepacks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 重新核对库存: after the warehouse's task, the grid's packs are reserved if the stock is there now. */
@Component("recheckCarePackStock")
class RecheckCarePackStock implements JavaDelegate {

  private final CarePackService service;

  RecheckCarePackStock(CarePackService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean covered = service.recheckStock(CarePackProcess.campaignId(execution),
        CarePackProcess.GRID_CODE.from(execution).get());
    CarePackProcess.STOCK_COVERED.on(execution).setLocal(covered);
  }
}
