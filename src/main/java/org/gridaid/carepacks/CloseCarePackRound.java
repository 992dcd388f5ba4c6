package org.gridaid.carepacks;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 汇总未送达住户 / 汇总二次上门: a round of the grid is over. Whether every household has a final
 * outcome is the module's tables' answer, never a form's; the next round is due within
 * gridaid.care-packs.follow-up-within.
 */
@Component("closeCarePackRound")
class CloseCarePackRound implements JavaDelegate {

  private final CarePackService service;
  private final CarePackSettings settings;
  private final java.time.Clock clock;

  CloseCarePackRound(CarePackService service, CarePackSettings settings, java.time.Clock clock) {
    this.service = service;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean done = service.closeRound(CarePackProcess.campaignId(execution),
        CarePackProcess.GRID_CODE.from(execution).get());
    CarePackProcess.EVERY_HOUSEHOLD_FINAL.on(execution).setLocal(done);
    CarePackProcess.FOLLOW_UP_DUE.on(execution).setLocal(Date.from(clock.instant().plus(settings.followUpWithin())));
  }
}
