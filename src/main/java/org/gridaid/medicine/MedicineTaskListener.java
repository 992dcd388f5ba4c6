package org.gridaid.medicine;

import static org.gridaid.medicine.MedicineDeliveryProcess.Forms.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.web.InvalidInputException;

/**
 * What every task of the medicine process does: its form shows the delivery when it is created,
 * and it hands what its form sent to the delivery when it is completed. A form the delivery
 * refuses keeps the task open, with each field at fault named in Chinese. What a form sent is
 * removed from the process once recorded, so no form opens with another round's answers.
 */
abstract class MedicineTaskListener implements TaskListener {

  private static final Map<String, String> FIELD_LABELS = Map.ofEntries(
      Map.entry(LINES.getName(), "药品清单"), Map.entry(PRESCRIPTION_LINES.getName(), "处方审核"),
      Map.entry(SOURCING_OUTCOME.getName(), "调配结果"), Map.entry(SOURCING_NOTE.getName(), "调配说明"),
      Map.entry(PICK_UP_NOTE.getName(), "取药备注"), Map.entry(DELIVERY_OUTCOME.getName(), "送达结果"),
      Map.entry(CONFIRMATION_CODE.getName(), "收件确认码"), Map.entry(RECEIVED_BY.getName(), "签收人"),
      Map.entry(DELIVERY_NOTE.getName(), "送达说明"), Map.entry(DELIVERED_LINES.getName(), "签收明细"),
      Map.entry(SUPERVISION_NOTE.getName(), "督办措施"));

  protected final MedicineDeliveryService service;

  MedicineTaskListener(MedicineDeliveryService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = MedicineDeliveryProcess.deliveryId(task.getExecution().getProcessBusinessKey());
    try {
      switch (task.getEventName()) {
        case EVENTNAME_CREATE -> created(task, id);
        case EVENTNAME_ASSIGNMENT -> assigned(task, id);
        case EVENTNAME_COMPLETE -> {
          completed(task, id, EngineUsers.current(task, task.getAssignee()));
          task.getExecution().removeVariables(MedicineDeliveryProcess.Forms.NAMES);
        }
        default -> { }
      }
    } catch (InvalidInputException e) {
      throw new FormRefused(e, FIELD_LABELS);
    }
  }

  void created(DelegateTask task, long id) {
    showDelivery(task, service.get(id));
  }

  void showDelivery(DelegateTask task, MedicineDelivery delivery) {
    MedicineDeliveryProcess.DELIVERY_SUMMARY.on(task).setLocal(DeliverySummary.of(delivery, service));
  }

  void assigned(DelegateTask task, long id) {
    // most tasks do nothing when claimed
  }

  abstract void completed(DelegateTask task, long id, String actor);
}
