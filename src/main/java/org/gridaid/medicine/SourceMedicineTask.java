package org.gridaid.medicine;

import static org.gridaid.medicine.MedicineDeliveryProcess.Forms.SOURCING_NOTE;
import static org.gridaid.medicine.MedicineDeliveryProcess.Forms.SOURCING_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 药品调配: nothing near the recipient has enough. The pharmacy or the warehouse gets it into a
 * site (a receipt in the stock ledger) and says 已到货, which tries the reservation again; or it
 * says why it cannot be had, which ends the delivery.
 */
@Component("sourceMedicineTask")
class SourceMedicineTask extends MedicineTaskListener {

  static final String STOCKED = "STOCKED";
  static final String UNAVAILABLE = "UNAVAILABLE";

  SourceMedicineTask(MedicineDeliveryService service) {
    super(service);
  }

  @Override
  protected void created(DelegateTask task, long id) {
    super.created(task, id);
    MedicineDeliveryProcess.SHORTAGE.on(task).setLocal(service.shortage(id));
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    String outcome = FormVariables.read(SOURCING_OUTCOME, task);
    if (!STOCKED.equals(outcome) && !UNAVAILABLE.equals(outcome)) {
      throw new InvalidInputException(SOURCING_OUTCOME.getName(), "must be STOCKED or UNAVAILABLE");
    }
    service.sourced(id, STOCKED.equals(outcome), FormVariables.read(SOURCING_NOTE, task), actor);
    MedicineDeliveryProcess.SOURCING_RESULT.on(task.getExecution()).set(outcome);
  }
}
