package org.gridaid.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.engine.EngineJob;
import org.gridaid.shared.engine.EngineJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine job that sends an owner's pending messages ({@code text-message}, payload
 * {@code HELP_REQUEST:42}).
 */
@Component
class TextMessageDelivery implements EngineJob {

  static final String JOB_TYPE = "text-message";
  static final int MAX_ATTEMPTS = 6;
  private static final Logger log = LoggerFactory.getLogger(TextMessageDelivery.class);

  private final TextMessages messages;
  private final SmsSender sender;
  private final EngineJobs jobs;
  private final Clock clock;
  /** {@code gridaid_text_message_failures_total{outcome}}: failed attempts, tried again later or given up. */
  private final Counter retried;
  private final Counter givenUp;

  TextMessageDelivery(TextMessages messages, SmsSender sender, EngineJobs jobs, Clock clock, MeterRegistry meters) {
    this.messages = messages;
    this.sender = sender;
    this.jobs = jobs;
    this.clock = clock;
    this.retried = failures(meters, "retry");
    this.givenUp = failures(meters, "given_up");
  }

  private static Counter failures(MeterRegistry meters, String outcome) {
    return Counter.builder("gridaid.text_message.failures")
        .description("Text messages the gateway did not take: tried again later, or given up after the last attempt")
        .tag("outcome", outcome).register(meters);
  }

  @Override
  public String type() {
    return JOB_TYPE;
  }

  @Override
  public void run(String payload) {
    deliver(owner(payload));
  }

  /**
   * Sends the owner's pending messages oldest first. A failure stops there, so a resident never
   * reads "closed" before "received", and tries again later; a message that keeps failing is
   * given up (FAILED, with the gateway's error) and the next one goes. Another delivery of the
   * same owner meanwhile waits for this one's transaction, then finds nothing left to send.
   */
  void deliver(MessageOwner owner) {
    for (TextMessage message : messages.lockPending(owner)) {
      int attempt = message.attempts() + 1;
      try {
        sender.send(message.phone(), message.body(), reference(message));
        messages.sent(message, attempt);
      } catch (Exception e) {
        String error = String.valueOf(e.getMessage());
        boolean giveUp = attempt >= MAX_ATTEMPTS;
        messages.notSent(message, attempt, error, giveUp);
        (giveUp ? givenUp : retried).increment();
        log.warn("Message {} of {} {} to {} not delivered (attempt {}): {}", message.id(), owner.type(), owner.id(),
            PhoneNumbers.mask(message.phone()), attempt, error);
        if (!giveUp) {
          jobs.schedule(JOB_TYPE, payload(owner), clock.instant().plus(backoff(attempt)));
          return;
        }
      }
    }
  }

  /** What the gateway is told the message is: one reference per message. */
  static String reference(TextMessage message) {
    return "MSG-" + message.id();
  }

  /** 1, 2, 4, 8, 16 minutes. */
  static Duration backoff(int attempt) {
    return Duration.ofMinutes(1L << (attempt - 1));
  }

  static String payload(MessageOwner owner) {
    return owner.type() + ":" + owner.id();
  }

  static MessageOwner owner(String payload) {
    int colon = payload.lastIndexOf(':');
    return new MessageOwner(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
  }
}
