package org.gridaid.shared.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Admission for intakes (a resident's report through the hotline, the mini-program, a partner):
 * at most {@code gridaid.intake.max-concurrent} are worked on at once on this node, and one that
 * cannot start within {@code queue-wait} is refused with 503 and Retry-After, changing nothing.
 * Overload thus costs the refused a retry a second later, not every caller a longer wait until
 * requests time out: what is accepted stays fast and durable.
 */
@Component
public class IntakeAdmission {

  /** Seconds an overloaded node asks a caller to wait. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final Semaphore working;
  private final long waitNanos;

  public IntakeAdmission(IntakeSettings settings) {
    this.working = new Semaphore(settings.concurrentIntakes(), true);
    this.waitNanos = settings.queueWait().toNanos();
  }

  /** The intake's answer, or {@link Overloaded} at once when the node is at its limit. */
  public <T> T admit(Supplier<T> intake) {
    boolean admitted;
    try {
      admitted = working.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Overloaded();
    }
    if (!admitted) {
      throw new Overloaded();
    }
    try {
      return intake.get();
    } finally {
      working.release();
    }
  }

  /** The node is at its limit of intakes: 503 with Retry-After, nothing was stored. */
  public static class Overloaded extends RuntimeException {

    Overloaded() {
      super("This node is taking as many reports as it can; nothing was stored. Send it again in "
          + RETRY_AFTER_SECONDS + " s.");
    }

    public int retryAfterSeconds() {
      return RETRY_AFTER_SECONDS;
    }
  }
}
