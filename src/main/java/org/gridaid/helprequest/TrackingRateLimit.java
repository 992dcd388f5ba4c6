package org.gridaid.helprequest;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.gridaid.shared.web.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * The public tracking page answers each address a limited number of times a minute, so that
 * tracking codes cannot be guessed by trying many. Counted per node.
 */
@Component
class TrackingRateLimit {

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private final int perMinute;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  TrackingRateLimit(TrackingSettings settings) {
    this.perMinute = settings.requestsPerMinute();
  }

  private record Window(long startedAt, int count) {}

  void check(String clientAddress) {
    long now = System.nanoTime();
    if (windows.size() > 10_000) {
      windows.entrySet().removeIf(e -> now - e.getValue().startedAt() > WINDOW.toNanos());
    }
    Window window = windows.compute(clientAddress, (key, current) ->
        current == null || now - current.startedAt() > WINDOW.toNanos()
            ? new Window(now, 1) : new Window(current.startedAt(), current.count() + 1));
    if (window.count() > perMinute) {
      long retryAfter = Math.max(1, (WINDOW.toNanos() - (now - window.startedAt())) / 1_000_000_000L);
      throw new TooManyRequestsException(retryAfter);
    }
  }
}
