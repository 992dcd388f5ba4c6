package org.gridaid.medicine;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.organisation.Groups;
import org.gridaid.shared.engine.EngineUsers;
import org.springframework.stereotype.Component;

/**
 * 接单取药: offered to the street's volunteers (and after a while the grid's staff); claiming it
 * in Tasklist is 接单, completing it means the medicine is picked up and issued from stock. The
 * courier then delivers it (送达确认 is theirs).
 */
@Component("pickUpTask")
class PickUpTask extends MedicineTaskListener {

  PickUpTask(MedicineDeliveryService service) {
    super(service);
  }

  @Override
  protected void assigned(DelegateTask task, long id) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      service.unclaim(id, EngineUsers.current(task, null));
    } else {
      service.claim(id, assignee);
    }
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    MedicineDelivery delivery = service.pickUp(id, actor);
    var process = task.getExecution();
    MedicineDeliveryProcess.COURIER.on(process).set(actor);
    MedicineDeliveryProcess.DELIVERY_GROUP.on(process).set(Groups.volunteers(delivery.streetCode()));
    MedicineDeliveryProcess.DELIVER_DUE.on(process)
        .set(Date.from(service.now().plus(service.settings().deliverWithin())));
  }
}
