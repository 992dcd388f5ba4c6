package org.gridaid.checkin;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The start timer is made when the BPMN is deployed, and only a changed file is deployed
 * again: after a restart with another {@code daily-at}, the waiting timer moves to that time
 * on its own day (never skipping a day), and the engine reads the cycle anew each time it fires.
 */
@Component
class StartTimeKeeper {

  private static final Logger log = LoggerFactory.getLogger(StartTimeKeeper.class);
  private final ManagementService management;
  private final CheckInSchedule schedule;

  StartTimeKeeper(ManagementService management, CheckInSchedule schedule) {
    this.management = management;
    this.schedule = schedule;
  }

  // once the engine has deployed (or found unchanged) the processes
  @EventListener(ApplicationReadyEvent.class)
  void followTheSchedule() {
    Job timer = management.createJobQuery().processDefinitionKey(CheckInProcess.KEY)
        .activityId(CheckInProcess.TIMER_START).singleResult();
    if (timer == null) {
      return;
    }
    Instant due = timer.getDuedate().toInstant();
    Instant scheduled = schedule.startOf(schedule.dayOf(due));
    if (!scheduled.equals(due)) {
      try {
        management.setJobDuedate(timer.getId(), Date.from(scheduled));
        log.info("Daily check-in start moved from {} to {}", due, scheduled);
      } catch (OptimisticLockingException e) {
        log.info("Daily check-in start: another node moved it first");
      }
    }
  }
}
