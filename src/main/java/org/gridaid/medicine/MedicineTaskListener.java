package org.gridaid.medicine;

import static org.gridaid.medicine.MedicineDeliveryProcess.Forms.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormTaskListener;

/**
 * What every task of the medicine process does ({@link FormTaskListener}): its form shows the
 * delivery when it is created.
 */
abstract class MedicineTaskListener extends FormTaskListener {

  private static final Map<String, String> FIELD_LABELS = Map.ofEntries(
      Map.entry(LINES.getName(), "药品清单"), Map.entry(PRESCRIPTION_LINES.getName(), "处方审核"),
      Map.entry(SOURCING_OUTCOME.getName(), "调配结果"), Map.entry(SOURCING_NOTE.getName(), "调配说明"),
      Map.entry(PICK_UP_NOTE.getName(), "取药备注"), Map.entry(DELIVERY_OUTCOME.getName(), "送达结果"),
      Map.entry(CONFIRMATION_CODE.getName(), "收件确认码"), Map.entry(RECEIVED_BY.getName(), "签收人"),
      Map.entry(DELIVERY_NOTE.getName(), "送达说明"), Map.entry(DELIVERED_LINES.getName(), "签收明细"),
      Map.entry(SUPERVISION_NOTE.getName(), "督办措施"));

  protected final MedicineDeliveryService service;

  MedicineTaskListener(MedicineDeliveryService service) {
    super(FIELD_LABELS, MedicineDeliveryProcess.Forms.NAMES);
    this.service = service;
  }

  @Override
  protected long caseId(String businessKey) {
    return MedicineDeliveryProcess.deliveryId(businessKey);
  }

  @Override
  protected void created(DelegateTask task, long id) {
    showDelivery(task, service.get(id));
  }

  void showDelivery(DelegateTask task, MedicineDelivery delivery) {
    MedicineDeliveryProcess.DELIVERY_SUMMARY.on(task).setLocal(DeliverySummary.of(delivery, service));
  }
}
