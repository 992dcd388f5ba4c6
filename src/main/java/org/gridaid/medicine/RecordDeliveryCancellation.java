package org.gridaid.medicine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.shared.engine.EngineUsers;
import org.springframework.stereotype.Component;

/**
 * 记录撤销, 退回库存: the cancel event sub-process withdraws the delivery, and releases or takes
 * back its stock, in the transaction that ends its tasks.
 */
@Component("recordDeliveryCancellation")
class RecordDeliveryCancellation implements JavaDelegate {

  private final MedicineDeliveryService service;

  RecordDeliveryCancellation(MedicineDeliveryService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String actor = MedicineDeliveryProcess.CANCELLED_BY.from(execution).getOrNull();
    service.recordCancellation(MedicineDeliveryProcess.deliveryId(execution),
        MedicineDeliveryProcess.CANCEL_REASON.from(execution).getOrNull(),
        actor != null ? actor : EngineUsers.current(execution, null));
  }
}
