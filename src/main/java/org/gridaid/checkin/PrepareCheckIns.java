package org.gridaid.checkin;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the day: one round per grid with people due; the BPMN then runs each round on its own. */
@Component("prepareCheckIns")
public class PrepareCheckIns implements JavaDelegate {

  private final CheckInService checkIns;

  PrepareCheckIns(CheckInService checkIns) {
    this.checkIns = checkIns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = checkIns.today();
    checkIns.prepare(day);
    CheckInProcess.DAY.on(execution).set(day.toString());
  }

  /** The multi-instance collection: the day's rounds that are still open. */
  public List<Long> open(String day) {
    return checkIns.openRounds(LocalDate.parse(day));
  }
}
