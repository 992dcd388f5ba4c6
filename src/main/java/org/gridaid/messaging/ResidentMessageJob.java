package org.gridaid.messaging;

import org.gridaid.shared.engine.EngineJob;
import org.springframework.stereotype.Component;

/**
 * Delivery jobs scheduled before V21, when help requests had their own outbox: type
 * {@code resident-message}, payload the help request's id. A database may still hold some
 * (due, waiting for a retry, or an incident to retry), so they deliver that case's messages,
 * which V21 copied under owner {@code HELP_REQUEST}. A retry is scheduled as {@code text-message}.
 */
@Component
class ResidentMessageJob implements EngineJob {

  static final String JOB_TYPE = "resident-message";
  static final String OWNER_TYPE = "HELP_REQUEST";

  private final TextMessageDelivery delivery;

  ResidentMessageJob(TextMessageDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public String type() {
    return JOB_TYPE;
  }

  @Override
  public void run(String helpRequestId) {
    delivery.deliver(new MessageOwner(OWNER_TYPE, Long.parseLong(helpRequestId)));
  }
}
