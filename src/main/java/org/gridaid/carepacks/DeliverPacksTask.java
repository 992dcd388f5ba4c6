package org.gridaid.carepacks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.register.RecipientGroup;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 入户发放, 未送达住户二次上门, 网格长跟进: the grid's household list, one row a household with
 * its address (read from the register as the task is created, kept out of history), its packs
 * and where it stands; the outcome picked in a row is recorded for each of its packs. The first
 * list holds every household, the follow-ups those still open; the grid leader answers each.
 */
@Component("deliverPacksTask")
class DeliverPacksTask extends CarePackTaskListener {

  private final ObjectMapper json;

  DeliverPacksTask(CarePackService service, ObjectMapper json) {
    super(service);
    this.json = json;
  }

  @Override
  protected void show(DelegateTask task, long campaignId, CampaignGrid grid) {
    boolean first = CarePackProcess.TASK_DELIVER.equals(task.getTaskDefinitionKey());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CarePackService.ListedHousehold h : service.households(campaignId, grid.gridCode(), !first)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("householdId", h.householdId());
      row.put("address", h.address());
      row.put("packs", RecipientGroup.valueOf(h.group()).label() + " · " + h.packs().stream().map(PackType::label)
          .collect(Collectors.joining("、")));
      row.put("status", h.outcome() == null ? "未上门" : h.outcome().label() + (h.settled() ? "" : " (第" + h.attempt()
          + "次)"));
      rows.add(row);
    }
    FormVariables.offerRows(task, CarePackProcess.Forms.HOUSEHOLDS, rows, json);
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    List<Map<String, Object>> rows = FormVariables.readSubmittedRows(CarePackProcess.Forms.HOUSEHOLDS, task, json);
    List<CarePackService.FormRow> read = new ArrayList<>();
    List<org.gridaid.shared.web.Problems.FieldError> errors = new ArrayList<>();
    for (int i = 0; rows != null && i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      Object household = row.get("householdId");
      Object outcome = row.get("outcome");
      if (!(household instanceof Number number)) {
        errors.add(new org.gridaid.shared.web.Problems.FieldError("households[" + i + "].householdId",
            "is not a household of this list"));
        continue;
      }
      DoorOutcome picked = null;
      if (outcome != null && !outcome.toString().isBlank()) {
        picked = EnumCodeValidator.find(DoorOutcome.class, outcome.toString());
        if (picked == null) {
          errors.add(new org.gridaid.shared.web.Problems.FieldError("households[" + i + "].outcome",
              "must be one of DELIVERED, NOT_AT_HOME, REFUSED, MOVED"));
          continue;
        }
      }
      read.add(new CarePackService.FormRow(number.longValue(), picked));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    service.recordList(id, gridCode(task), read,
        CarePackProcess.TASK_LEADER_FOLLOW_UP.equals(task.getTaskDefinitionKey()), actor);
  }
}
