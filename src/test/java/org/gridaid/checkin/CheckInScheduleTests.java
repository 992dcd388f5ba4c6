package org.gridaid.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.gridaid.shared.engine.EngineClock;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/** The morning start follows gridaid.check-in.daily-at, also when it changes after deployment. */
@GridAidTest
class CheckInScheduleTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired
  ManagementService management;
  @Autowired
  StartTimeKeeper keeper;
  @Autowired
  ConfigurableApplicationContext context;

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
  void whenTheApplicationIsReadyTheWaitingTimerIsAtTheConfiguredTime() {
    Job timer = startTimer();
    LocalDate day = timer.getDuedate().toInstant().atZone(CHINA).toLocalDate();
    // as if the last run had another daily-at
    management.setJobDuedate(timer.getId(), Date.from(day.atTime(7, 10).atZone(CHINA).toInstant()));

    context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));

    assertThat(startTimer().getDuedate().toInstant()).isEqualTo(day.atTime(8, 0).atZone(CHINA).toInstant());
  }

  @Test
  void aChangedStartTimeMovesTheWaitingTimerToThatTimeOnTheSameDay() {
    LocalDate day = startTimer().getDuedate().toInstant().atZone(CHINA).toLocalDate();
    var restartedAtHalfPastSix = new StartTimeKeeper(management, new CheckInSchedule(
        new CheckInSettings(LocalTime.of(6, 30), CHINA, LocalTime.of(20, 0), LocalTime.of(22, 0),
        LocalTime.of(6, 30), Duration.ofHours(4)), new EngineClock()));
    try {
      restartedAtHalfPastSix.followTheSchedule();
      assertThat(startTimer().getDuedate().toInstant()).isEqualTo(day.atTime(6, 30).atZone(CHINA).toInstant());
    } finally {
      // back to the application's own setting
      keeper.followTheSchedule();
    }
    assertThat(startTimer().getDuedate().toInstant()).isEqualTo(day.atTime(8, 0).atZone(CHINA).toInstant());
  }

  @Test
  void aRoundClosesAtTheFirstClosingTimeAfterItsListWentOut() {
    LocalDate day = LocalDate.of(2027, 3, 1);
    assertThat(closeOf(day, LocalTime.of(8, 0))).as("the default: the next morning's start")
        .isEqualTo(day.plusDays(1).atTime(8, 0).atZone(CHINA).toInstant());
    assertThat(closeOf(day, LocalTime.of(23, 30))).as("a set time later the same day")
        .isEqualTo(day.atTime(23, 30).atZone(CHINA).toInstant());
    assertThat(closeOf(day, LocalTime.of(6, 0))).as("a set time before the lists go out: the next day's")
        .isEqualTo(day.plusDays(1).atTime(6, 0).atZone(CHINA).toInstant());
  }

  static Instant closeOf(LocalDate day, LocalTime closesAt) {
    return new CheckInSchedule(new CheckInSettings(LocalTime.of(8, 0), CHINA, LocalTime.of(20, 0),
        LocalTime.of(22, 0), closesAt, Duration.ofHours(4)), new EngineClock()).closeOf(day);
  }
}
