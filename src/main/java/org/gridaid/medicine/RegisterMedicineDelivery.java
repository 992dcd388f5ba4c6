package org.gridaid.medicine;

import static org.gridaid.medicine.MedicineDeliveryProcess.StartForm.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 登记送药需求. An operator's start form in Tasklist: the delivery is stored from the form, which
 * is then removed from the process (the recipient's details live encrypted in the delivery).
 * A REST or help-request start stored the delivery before starting: nothing to do.
 */
@Component("registerMedicineDelivery")
class RegisterMedicineDelivery implements JavaDelegate {

  private static final Map<String, String> LABELS = Map.of(RECIPIENT_NAME.getName(), "收药人姓名",
      RECIPIENT_PHONE.getName(), "联系电话", RECIPIENT_ADDRESS.getName(), "送药地址",
      REQUESTED_ITEMS.getName(), "需要的药品及数量", URGENCY.getName(), "紧急程度");

  private final MedicineDeliveryService service;

  RegisterMedicineDelivery(MedicineDeliveryService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getProcessBusinessKey() != null) {
      return;
    }
    try {
      var fields = new StartFormFields(FormVariables.read(RECIPIENT_NAME, execution),
          FormVariables.read(RECIPIENT_PHONE, execution), FormVariables.read(RECIPIENT_ADDRESS, execution),
          FormVariables.read(REQUESTED_ITEMS, execution), FormVariables.read(URGENCY, execution));
      long id = service.registerFromStartForm(fields,
          EngineUsers.current(execution, INITIATOR.from(execution).getOrNull()));
      execution.removeVariables(NAMES);
      execution.setProcessBusinessKey(MedicineDeliveryProcess.businessKey(id));
      execution.setVariables(service.routing(service.get(id)));
    } catch (InvalidInputException e) {
      throw new FormRefused(e, LABELS);
    }
  }
}
