package org.gridaid.helprequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code gridaid_help_request_escalations_total{level}}: escalations that happened, counted once
 * the engine's transaction that fired them committed (a timer job that fails and is tried again
 * counts once).
 */
@Component
class EscalationCounter {

  static final String NAME = "gridaid.help_request.escalations";

  private final Map<EscalationLevel, Counter> counters = new EnumMap<>(EscalationLevel.class);

  EscalationCounter(MeterRegistry registry) {
    for (EscalationLevel level : EscalationLevel.values()) {
      counters.put(level, Counter.builder(NAME).description("Help requests escalated, by the level they reached")
          .tag("level", level.name()).register(registry));
    }
  }

  void escalated(EscalationLevel level) {
    Counter counter = counters.get(level);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          counter.increment();
        }
      });
    } else {
      counter.increment();
    }
  }
}
