package org.gridaid.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** The morning of a daily check-in in tests, where the job executor is off. */
public final class CheckInMorning {

  private CheckInMorning() {}

  /** The start timer fires; each grid's round waits in a job of its own, returned. */
  public static List<Job> timerFires(ManagementService management, RuntimeService runtime) {
    Job timer = management.createJobQuery().processDefinitionKey(CheckInProcess.KEY)
        .activityId(CheckInProcess.TIMER_START).singleResult();
    assertThat(timer).as("the daily start timer").isNotNull();
    management.executeJob(timer.getId());
    // the engine's clock, which tests move, in the grids' time zone
    String today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
    var morning = runtime.createProcessInstanceQuery().processDefinitionKey(CheckInProcess.KEY)
        .variableValueEquals(CheckInProcess.DAY.getName(), today).singleResult();
    return management.createJobQuery().processInstanceId(morning.getId()).messages().list();
  }

  /** The start timer fires and every grid's round starts: the lists are in Tasklist. */
  public static void comes(ManagementService management, RuntimeService runtime) {
    for (Job round : timerFires(management, runtime)) {
      management.executeJob(round.getId());
    }
  }
}
