package org.gridaid.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/** The times of {@link CheckInSettings} on a given day; the BPMN reads the start cycle and the close from here. */
@Component("checkInSchedule")
public class CheckInSchedule {

  private final CheckInSettings settings;
  private final Clock clock;

  public CheckInSchedule(CheckInSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Today where the grids are, by the application's clock (which tests move). */
  LocalDate today() {
    return dayOf(clock.instant());
  }

  Instant clockInstant() {
    return clock.instant();
  }

  LocalDate dayOf(Instant instant) {
    return instant.atZone(settings.zone()).toLocalDate();
  }

  /** When the lists of {@code day} go out. */
  Instant startOf(LocalDate day) {
    return at(day, settings.dailyAt());
  }

  /** When an unfinished round of {@code day} goes to the grid leader. */
  Instant gridLeaderAt(LocalDate day) {
    return at(day, settings.gridLeaderAt());
  }

  /** When an unfinished round of {@code day} goes to the community office. */
  Instant communityAt(LocalDate day) {
    return at(day, settings.communityAt());
  }

  /**
   * When a round of {@code day} still open is closed as missed: the first {@code closes-at}
   * after its list went out (by default the next morning's start).
   */
  Instant closeOf(LocalDate day) {
    Instant close = at(day, settings.closesAt());
    return close.isAfter(startOf(day)) ? close : at(day.plusDays(1), settings.closesAt());
  }

  /** {@link #closeOf} for the BPMN's timer, which gets the day as the process variable {@code day}. */
  public Date closeOfDay(String day) {
    return Date.from(closeOf(LocalDate.parse(day)));
  }

  /** When a grid leader asked now to visit somebody should have been at the door. */
  Instant homeVisitDue(Instant asked) {
    return asked.plus(settings.homeVisitWithin());
  }

  private Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(settings.zone()).toInstant();
  }

  /** A cron in the engine's time zone for {@code daily-at} in the grids' zone (no DST in China). */
  public String getCron() {
    ZonedDateTime local = today().atTime(settings.dailyAt()).atZone(settings.zone())
        .withZoneSameInstant(ZoneId.systemDefault());
    return "0 " + local.getMinute() + " " + local.getHour() + " * * ?";
  }
}
