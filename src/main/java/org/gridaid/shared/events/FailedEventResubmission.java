package org.gridaid.shared.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends events again whose listener failed or never ran (the node stopped in between). On
 * restart Modulith sends every incomplete one again (republish-outstanding-events-on-restart);
 * this covers a node that keeps running. Listeners are idempotent, because with more nodes two
 * may send the same old event at once.
 */
@Component
public class FailedEventResubmission {

  private static final Logger log = LoggerFactory.getLogger(FailedEventResubmission.class);

  private final IncompleteEventPublications incomplete;
  private final EventSettings settings;

  FailedEventResubmission(IncompleteEventPublications incomplete, EventSettings settings) {
    this.incomplete = incomplete;
    this.settings = settings;
  }

  @Scheduled(cron = "${gridaid.events.resubmit-cron}")
  public void resubmit() {
    log.debug("Sending again events incomplete for {}", settings.resubmitOlderThan());
    incomplete.resubmitIncompletePublicationsOlderThan(settings.resubmitOlderThan());
  }
}
