package org.gridaid.carepacks;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 按台账核算各网格物资: households, contents and stock, in one step; the grids it finds are the
 * multi-instance collection of 网格发放 ({@code ${planCarePackCampaign.grids(campaignId)}}).
 */
@Component("planCarePackCampaign")
public class PlanCarePackCampaign implements JavaDelegate {

  private final CarePackService service;

  PlanCarePackCampaign(CarePackService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.plan(CarePackProcess.campaignId(execution));
  }

  /** The campaign's grids with households, one sub-process each. */
  public List<String> grids(Long campaignId) {
    return service.gridsOf(campaignId);
  }
}
