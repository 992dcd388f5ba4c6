package org.gridaid.donations;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 短信提醒捐赠人: the morning before the promised day, if the pledge still waits. */
@Component("remindDonor")
class RemindDonor implements JavaDelegate {

  private final PledgeService pledges;

  RemindDonor(PledgeService pledges) {
    this.pledges = pledges;
  }

  @Override
  public void execute(DelegateExecution execution) {
    pledges.remind(GoodsPledgeProcess.PLEDGE_ID.from(execution).get());
  }
}
