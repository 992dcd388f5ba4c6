package org.gridaid.medicine;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.organisation.Groups;
import org.springframework.stereotype.Component;

/**
 * 就近预留库存: every line reserved, the job goes to the street's volunteers, with the
 * cold-chain clock running from now; otherwise the pharmacy and warehouse source what is short.
 */
@Component("reserveMedicine")
class ReserveMedicine implements JavaDelegate {

  private final MedicineDeliveryService service;

  ReserveMedicine(MedicineDeliveryService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = MedicineDeliveryProcess.deliveryId(execution);
    boolean reserved = service.reserve(id);
    MedicineDeliveryProcess.STOCK_RESERVED.on(execution).set(reserved);
    var settings = service.settings();
    var now = service.now();
    if (!reserved) {
      MedicineDeliveryProcess.SOURCING_DUE.on(execution).set(Date.from(now.plus(settings.sourcingWithin())));
      return;
    }
    MedicineDelivery delivery = service.get(id);
    MedicineDeliveryProcess.COLD_CHAIN.on(execution).set(delivery.coldChain());
    MedicineDeliveryProcess.COLD_CHAIN_DEADLINE.on(execution)
        .set(Date.from(delivery.reservedAt().plus(settings.coldChainWithin())));
    MedicineDeliveryProcess.PICK_UP_DUE.on(execution).set(Date.from(now.plus(settings.claimWithin())));
    MedicineDeliveryProcess.DELIVERY_GROUP.on(execution).set(Groups.volunteers(delivery.streetCode()));
  }
}
