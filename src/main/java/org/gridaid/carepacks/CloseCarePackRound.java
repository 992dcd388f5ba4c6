package org.gridaid.carepacks;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 汇总未送达住户 / 汇总二次上门: a round of the grid is over. Whether every household has a final
 * outcome is the module's tables' answer, never a form's; the second attempt is due within
 * gridaid.care-packs.follow-up-within, the grid leader's within gridaid.care-packs.leader-within.
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
    if (CarePackProcess.STEP_CLOSE_FOLLOW_UP.equals(execution.getCurrentActivityId())) {
      CarePackProcess.LEADER_DUE.on(execution).setLocal(Date.from(clock.instant().plus(settings.leaderWithin())));
    } else {
      CarePackProcess.FOLLOW_UP_DUE.on(execution).setLocal(Date.from(clock.instant().plus(settings.followUpWithin())));
    }
  }
}
