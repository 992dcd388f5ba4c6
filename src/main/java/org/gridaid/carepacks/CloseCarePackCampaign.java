package org.gridaid.carepacks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 活动结束: every grid is done; the report is final. */
@Component("closeCarePackCampaign")
class CloseCarePackCampaign implements JavaDelegate {

  private final CarePackService service;

  CloseCarePackCampaign(CarePackService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.complete(CarePackProcess.campaignId(execution));
  }
}
