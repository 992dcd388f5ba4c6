package org.gridaid.medicine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.springframework.stereotype.Component;

/**
 * The street office's tasks when a deadline passed: the pharmacy's list or check (药房处理超时督办),
 * sourcing (调配超时督办), the way to the door (配送超时督办) and cold-chain medicine not at the door
 * in time (冷链药品超时预警). Each is on the delivery's timeline when it comes; the office's note
 * when it acted.
 */
@Component("superviseDeliveryTask")
class SuperviseDeliveryTask extends MedicineTaskListener {

  SuperviseDeliveryTask(MedicineDeliveryService service) {
    super(service);
  }

  @Override
  protected void created(DelegateTask task, long id) {
    service.streetAlerted(id, switch (task.getTaskDefinitionKey()) {
      case MedicineDeliveryProcess.TASK_PHARMACY_FOLLOW_UP -> DeliveryEventType.PHARMACY_OVERDUE;
      case MedicineDeliveryProcess.TASK_SOURCING_FOLLOW_UP -> DeliveryEventType.SOURCING_OVERDUE;
      case MedicineDeliveryProcess.TASK_DELIVERY_FOLLOW_UP -> DeliveryEventType.DELIVERY_LATE;
      default -> DeliveryEventType.COLD_CHAIN_LATE;
    });
    super.created(task, id);
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    service.supervised(id, FormVariables.read(MedicineDeliveryProcess.Forms.SUPERVISION_NOTE, task), actor);
  }
}
