package org.gridaid.medicine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.springframework.stereotype.Component;

/** 药房开列药品: the pharmacy turns what was asked for into medicines of the catalogue. */
@Component("listMedicinesTask")
class ListMedicinesTask extends MedicineTaskListener {

  private final ObjectMapper json;

  ListMedicinesTask(MedicineDeliveryService service, ObjectMapper json) {
    super(service);
    this.json = json;
  }

  /** Every medicine of the catalogue, one row each: the pharmacist fills in the quantities needed. */
  @Override
  protected void created(DelegateTask task, long id) {
    super.created(task, id);
    List<Map<String, Object>> rows = service.medicines().stream()
        .map(item -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("itemCode", item.code());
          row.put("item", item.name() + " (" + item.unit() + ")" + (item.prescriptionOnly() ? " 处方药" : "")
              + (item.coldChain() ? " 冷链" : ""));
          return row;
        })
        .toList();
    FormVariables.offerRows(task, MedicineDeliveryProcess.Forms.LINES, rows, json);
  }

  /** The rows with a quantity; those left empty (or 0) are not needed. */
  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    List<Map<String, Object>> rows = FormVariables.readSubmittedRows(MedicineDeliveryProcess.Forms.LINES, task, json);
    List<MedicineDeliveryService.ListedLine> lines = rows == null ? List.of() : rows.stream()
        .filter(row -> row.get("quantity") != null && !"0".equals(String.valueOf(row.get("quantity")))
            && !String.valueOf(row.get("quantity")).isBlank())
        .map(row -> new MedicineDeliveryService.ListedLine(FormRows.text(row, "itemCode"),
            FormRows.number(row, "quantity")))
        .toList();
    MedicineDelivery delivery = service.list(id, lines, actor);
    MedicineDeliveryProcess.NEEDS_PRESCRIPTION_CHECK.on(task.getExecution()).set(delivery.needsPrescriptionCheck());
  }
}
