package org.gridaid.carepacks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A grid's sub-process starts: whether its packs are covered (read by 库存足够?) and its street,
 * whose office supervises what is overdue, local to the grid.
 */
@Component("carePackGridStarted")
class CarePackGridStarted implements ExecutionListener {

  private final CarePackService service;

  CarePackGridStarted(CarePackService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String grid = CarePackProcess.GRID_CODE.from(execution).get();
    CarePackProcess.STOCK_COVERED.on(execution).setLocal(
        service.grid(CarePackProcess.campaignId(execution), grid).covered());
    CarePackProcess.STREET_CODE.on(execution).setLocal(service.streetOf(grid));
  }
}
