package org.gridaid.shared.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many intakes a node works on at once ({@code gridaid.intake.*}; defaults in
 * application.yaml): a node at its limit refuses more at once with 503 and Retry-After rather
 * than letting every caller wait longer.
 *
 * @param maxConcurrent intakes a node works on at the same time; unset, as many as the node has
 *     cores: an intake is CPU work (the app's and the database's), so more at once only share
 *     the cores and each takes longer ({@code OverloadBenchmark})
 * @param queueWait how long an intake may wait for one of them to finish before it is refused
 */
@Validated
@ConfigurationProperties("gridaid.intake")
public record IntakeSettings(@Min(1) Integer maxConcurrent, @NotNull Duration queueWait) {

  /** {@link #maxConcurrent}, or the cores this node has when it is not set. */
  public int concurrentIntakes() {
    return maxConcurrent != null ? maxConcurrent : Runtime.getRuntime().availableProcessors();
  }
}
