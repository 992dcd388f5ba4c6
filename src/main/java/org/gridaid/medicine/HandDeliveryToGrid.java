package org.gridaid.medicine;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.organisation.Groups;
import org.springframework.stereotype.Component;

/** 转网格员送达: the courier found nobody home often enough; the grid's staff deliver it now. */
@Component("handDeliveryToGrid")
class HandDeliveryToGrid implements JavaDelegate {

  private final MedicineDeliveryService service;

  HandDeliveryToGrid(MedicineDeliveryService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = MedicineDeliveryProcess.deliveryId(execution);
    service.handToGrid(id);
    MedicineDeliveryProcess.COURIER.on(execution).set(null);
    MedicineDeliveryProcess.DELIVERY_GROUP.on(execution).set(Groups.grid(service.get(id).gridCode()));
    MedicineDeliveryProcess.DELIVER_DUE.on(execution)
        .set(Date.from(service.now().plus(service.settings().deliverWithin())));
  }
}
