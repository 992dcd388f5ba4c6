package org.gridaid.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The morning start follows gridaid.check-in.daily-at, also when it changes after deployment. */
@GridAidTest
class CheckInScheduleTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired
  ManagementService management;
  @Autowired
  CheckInProcess.StartTimeKeeper keeper;

  Job startTimer() {
    return management.createJobQuery().processDefinitionKey(CheckInProcess.KEY)
        .activityId(CheckInProcess.TIMER_START).singleResult();
  }

  @Test
  void theListsGoOutAtEightInTheMorningInChinaByDefault() {
    Instant due = startTimer().getDuedate().toInstant();
    assertThat(due.atZone(CHINA).toLocalTime()).hasHour(8).hasMinute(0);
  }

  @Test
  void aChangedStartTimeMovesTheWaitingTimerToThatTimeOnTheSameDay() {
    LocalDate day = startTimer().getDuedate().toInstant().atZone(CHINA).toLocalDate();
    var restartedAtHalfPastSix = new CheckInProcess.StartTimeKeeper(management,
        new CheckInProcess.Schedule("06:30", CHINA, "20:00", "22:00"));
    try {
      restartedAtHalfPastSix.followTheSchedule();
      assertThat(startTimer().getDuedate().toInstant()).isEqualTo(day.atTime(6, 30).atZone(CHINA).toInstant());
    } finally {
      // back to the application's own setting
      keeper.followTheSchedule();
    }
    assertThat(startTimer().getDuedate().toInstant()).isEqualTo(day.atTime(8, 0).atZone(CHINA).toInstant());
  }
}
