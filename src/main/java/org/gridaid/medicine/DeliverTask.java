package org.gridaid.medicine;

import static org.gridaid.medicine.MedicineDeliveryProcess.Forms.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 送达确认: at the door. Delivered, with the recipient's code (or who received it and a note)
 * and per line what they accepted and refused; nobody at home (tried again later, the grid's
 * staff after the last try); or it cannot be delivered, with why.
 */
@Component("deliverTask")
class DeliverTask extends MedicineTaskListener {

  private final ObjectMapper json;

  DeliverTask(MedicineDeliveryService service, ObjectMapper json) {
    super(service);
    this.json = json;
  }

  @Override
  protected void created(DelegateTask task, long id) {
    MedicineDelivery delivery = service.get(id);
    showDelivery(task, delivery);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DeliveryLine line : delivery.lines()) {
      if (line.goesToTheDoor()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("lineNo", line.lineNo());
        row.put("item", service.itemName(line.itemCode()));
        row.put("quantity", line.toDeliver());
        row.put("accepted", line.toDeliver());
        row.put("refused", 0);
        rows.add(row);
      }
    }
    FormVariables.offerRows(task, DELIVERED_LINES, rows, json);
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    MedicineDeliveryService.DoorOutcome outcome = EnumCodeValidator.find(MedicineDeliveryService.DoorOutcome.class,
        FormVariables.read(DELIVERY_OUTCOME, task));
    if (outcome == null) {
      throw new InvalidInputException(DELIVERY_OUTCOME.getName(), "must be DELIVERED, NOT_AT_HOME or NOT_DELIVERED");
    }
    List<Map<String, Object>> rows = FormVariables.readSubmittedRows(DELIVERED_LINES, task, json);
    List<MedicineDelivery.HandOver> lines = rows == null ? List.of() : rows.stream()
        .filter(row -> FormRows.number(row, "lineNo") != null)
        .map(row -> new MedicineDelivery.HandOver(FormRows.number(row, "lineNo"),
            orMinusOne(FormRows.number(row, "accepted")), orZero(FormRows.number(row, "refused")),
            FormRows.text(row, "refusalReason")))
        .toList();
    var report = new MedicineDeliveryService.DoorReport(outcome, FormVariables.read(CONFIRMATION_CODE, task),
        FormVariables.read(RECEIVED_BY, task), FormVariables.read(DELIVERY_NOTE, task), lines);
    MedicineDeliveryService.AfterVisit next = service.recordVisit(id, report, actor);
    var process = task.getExecution();
    MedicineDeliveryProcess.DELIVERY_RESULT.on(process).set(switch (next) {
      case DELIVERED -> "DELIVERED";
      case NOT_DELIVERED -> "NOT_DELIVERED";
      default -> "NOT_AT_HOME";
    });
    MedicineDeliveryProcess.HAND_TO_GRID.on(process).set(next == MedicineDeliveryService.AfterVisit.HAND_TO_GRID);
    if (next == MedicineDeliveryService.AfterVisit.TRY_AGAIN) {
      // the next visit, and how long it may take from then
      var retryAt = service.now().plus(service.settings().retryAfter());
      MedicineDeliveryProcess.RETRY_AT.on(process).set(Date.from(retryAt));
      MedicineDeliveryProcess.DELIVER_DUE.on(process).set(Date.from(retryAt.plus(service.settings().deliverWithin())));
    }
  }

  /** A missing count never adds up: the line is refused with the others at fault. */
  private static int orMinusOne(Integer number) {
    return number == null ? -1 : number;
  }

  private static int orZero(Integer number) {
    return number == null ? 0 : number;
  }
}
