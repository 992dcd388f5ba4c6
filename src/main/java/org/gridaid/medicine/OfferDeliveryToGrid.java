package org.gridaid.medicine;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.organisation.Groups;
import org.gridaid.shared.engine.OwnTasks;
import org.springframework.stereotype.Component;

/**
 * 转网格员接单: none of the street's volunteers claimed the job in time, so the staff of the
 * recipient's grid see it too (the volunteers still do). A job claimed meanwhile stays as it is.
 */
@Component("offerDeliveryToGrid")
class OfferDeliveryToGrid implements JavaDelegate {

  private final MedicineDeliveryService service;

  OfferDeliveryToGrid(MedicineDeliveryService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = MedicineDeliveryProcess.deliveryId(execution);
    MedicineDelivery delivery = service.get(id);
    if (delivery.status() != DeliveryStatus.RESERVED) {
      return;
    }
    OwnTasks.update(execution, List.of(MedicineDeliveryProcess.TASK_PICK_UP),
        (tasks, task) -> tasks.addCandidateGroup(task.getId(), Groups.grid(delivery.gridCode())));
    service.offeredToGrid(id);
  }
}
