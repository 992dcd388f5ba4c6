package org.gridaid.medicine;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.gridaid.medicine.MedicineDeliveryProcess.Forms;
import org.gridaid.shared.engine.PersonalVariables;
import org.springframework.stereotype.Component;

/**
 * The recipient's details from the start form, the summary the task forms show, what a person
 * takes (the lists, the shortage) and staff's own words: never in Camunda's history. The
 * confirmation code a courier types is a secret of the recipient's.
 */
@Component
class MedicinePersonalVariables implements PersonalVariables {

  @Override
  public Set<String> names() {
    Set<String> names = new HashSet<>(MedicineDeliveryProcess.StartForm.PERSONAL);
    Stream.of(MedicineDeliveryProcess.DELIVERY_SUMMARY, MedicineDeliveryProcess.SHORTAGE, Forms.LINES,
            Forms.PRESCRIPTION_LINES, Forms.SOURCING_NOTE, Forms.PICK_UP_NOTE, Forms.CONFIRMATION_CODE,
            Forms.RECEIVED_BY, Forms.DELIVERY_NOTE, Forms.DELIVERED_LINES, Forms.SUPERVISION_NOTE)
        .map(VariableFactory::getName).forEach(names::add);
    return names;
  }
}
