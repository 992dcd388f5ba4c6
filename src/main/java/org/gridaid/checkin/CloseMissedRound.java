package org.gridaid.checkin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A round still open when its day is over: closed as missed (its open tasks have just been
 * ended by the event sub-process), the community office gets who was not called.
 */
@Component("closeMissedRound")
class CloseMissedRound implements JavaDelegate {

  private final CheckInService checkIns;

  CloseMissedRound(CheckInService checkIns) {
    this.checkIns = checkIns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    checkIns.closeMissed(CheckInProcess.ROUND_ID.from(execution).get());
  }
}
