package org.gridaid.carepacks;

import static org.gridaid.carepacks.CarePackProcess.StartForm.AREAS;
import static org.gridaid.carepacks.CarePackProcess.StartForm.BREAKFAST;
import static org.gridaid.carepacks.CarePackProcess.StartForm.HOURS;
import static org.gridaid.carepacks.CarePackProcess.StartForm.INITIATOR;
import static org.gridaid.carepacks.CarePackProcess.StartForm.LIVING_SUPPLIES;
import static org.gridaid.carepacks.CarePackProcess.StartForm.NAME;
import static org.gridaid.carepacks.CarePackProcess.StartForm.NAMES;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.security.Requester;
import org.gridaid.security.Requesters;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 登记发放活动. A Tasklist start: the campaign is stored from the start form, which is then
 * removed from the process. A REST start stored it before starting: nothing to do.
 */
@Component("registerCarePackCampaign")
class RegisterCarePackCampaign implements JavaDelegate {

  private static final Map<String, String> LABELS = Map.of(NAME.getName(), "活动名称", AREAS.getName(), "发放网格",
      LIVING_SUPPLIES.getName(), "生活物资包", BREAKFAST.getName(), "早餐包", HOURS.getName(), "发放时限(小时)",
      "packTypes", "物资包类型", "name", "活动名称");

  private final CarePackService service;
  private final Requesters requesters;

  RegisterCarePackCampaign(CarePackService service, Requesters requesters) {
    this.service = service;
    this.requesters = requesters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getProcessBusinessKey() != null) {
      return;
    }
    try {
      String starter = EngineUsers.current(execution, INITIATOR.from(execution).getOrNull());
      Requester requester = requesters.ofUser(starter);
      var fields = new CarePackService.StartFormFields(FormVariables.read(NAME, execution),
          FormVariables.read(AREAS, execution), Boolean.TRUE.equals(FormVariables.read(LIVING_SUPPLIES, execution)),
          Boolean.TRUE.equals(FormVariables.read(BREAKFAST, execution)), FormVariables.read(HOURS, execution));
      long id = service.registerFromStartForm(fields, requester);
      execution.removeVariables(NAMES);
      execution.setProcessBusinessKey(CarePackProcess.businessKey(id));
      execution.setVariables(service.routing(service.load(id)));
    } catch (InvalidInputException e) {
      throw new FormRefused(e, LABELS);
    }
  }
}
