package org.gridaid.medicine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.springframework.stereotype.Component;

/**
 * 处方审核: the medical team or the pharmacy answers each prescription-only line: approve,
 * change the quantity, or refuse, with a reason for the last two. Lines of over-the-counter
 * medicines are not shown: they need no answer.
 */
@Component("checkPrescriptionTask")
class CheckPrescriptionTask extends MedicineTaskListener {

  private final ObjectMapper json;

  CheckPrescriptionTask(MedicineDeliveryService service, ObjectMapper json) {
    super(service);
    this.json = json;
  }

  @Override
  protected void created(DelegateTask task, long id) {
    MedicineDelivery delivery = service.get(id);
    showDelivery(task, delivery);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DeliveryLine line : delivery.lines()) {
      if (line.decision() == LineDecision.PENDING) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("lineNo", line.lineNo());
        row.put("item", service.itemName(line.itemCode()));
        row.put("quantity", line.quantity());
        row.put("prescribedBy", line.prescribedBy() == null ? "-" : line.prescribedBy());
        rows.add(row);
      }
    }
    FormVariables.offerRows(task, MedicineDeliveryProcess.Forms.PRESCRIPTION_LINES, rows, json);
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    List<Map<String, Object>> rows =
        FormVariables.readSubmittedRows(MedicineDeliveryProcess.Forms.PRESCRIPTION_LINES, task, json);
    List<MedicineDelivery.Decision> decisions = rows == null ? List.of() : rows.stream()
        .filter(row -> FormRows.number(row, "lineNo") != null)
        .map(row -> new MedicineDelivery.Decision(FormRows.number(row, "lineNo"),
            EnumCodeValidator.find(LineDecision.class, FormRows.text(row, "decision")),
            FormRows.number(row, "approvedQuantity"), FormRows.text(row, "reason")))
        .toList();
    boolean anythingApproved = service.decide(id, decisions, actor);
    MedicineDeliveryProcess.ANYTHING_APPROVED.on(task.getExecution()).set(anythingApproved);
  }
}
