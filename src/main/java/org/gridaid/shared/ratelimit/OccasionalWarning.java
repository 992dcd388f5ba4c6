package org.gridaid.shared.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning logged at most once a minute, and at debug level in between: a limit whose buckets
 * cannot be read during a database outage would otherwise log once per request.
 */
public final class OccasionalWarning {

  private static final long EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final Logger log;
  private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

  /** @param log the owner's logger, so that the warning says whose limit failed */
  public OccasionalWarning(Logger log) {
    this.log = log;
  }

  public void warn(String message, RuntimeException e) {
    long now = System.nanoTime();
    long due = nextWarning.get();
    if (now - due >= 0 && nextWarning.compareAndSet(due, now + EVERY_NANOS)) {
      log.warn("{} (logged at most once a minute): {}", message, e.toString());
    } else {
      log.debug(message, e);
    }
  }
}
