package org.gridaid.shared.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the process engine's. Timers, deadlines, timestamps in
 * the modules' tables and the event publication registry all read it, so a test that moves
 * the engine's clock moves every "now" with it. In production it is the system clock.
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock() {
    this(ZoneOffset.UTC);
  }

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
