package org.gridaid.helprequest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gridaid.shared.ratelimit.LocalRateLimitBuckets;
import org.gridaid.shared.ratelimit.OccasionalWarning;
import org.gridaid.shared.ratelimit.PostgresRateLimitBuckets;
import org.gridaid.shared.ratelimit.RateLimitBuckets;
import org.gridaid.shared.web.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The public tracking page answers each client address a limited number of times a minute, so
 * that tracking codes cannot be guessed by trying many. A Bucket4j token bucket per address:
 * full at {@code requestsPerMinute}, refilled one token at a time over the minute.
 *
 * <p>On PostgreSQL the buckets are rows of {@code tracking_rate_limit}, one per address, locked
 * with {@code select ... for update} while a request takes its token, so every node of a
 * cluster counts against the same limit. On H2 (one node) they are kept in memory.
 *
 * <p>If the buckets cannot be read (a refused connection, a row locked for more than 2 s), the
 * request is let through and a warning logged at most once a minute: for the seconds of a
 * database hiccup a resident reading their case matters more than the limit. (If the database
 * is down altogether, the case cannot be read either; that is the look-up's error, not ours.)
 */
@Component
class TrackingRateLimit {

  private static final Logger log = LoggerFactory.getLogger(TrackingRateLimit.class);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  /** Addresses remembered in memory on H2; the one seen longest ago is forgotten first. */
  static final int LOCAL_ADDRESSES = 10_000;

  private final BucketConfiguration configuration;
  private final RateLimitBuckets buckets;
  private final OccasionalWarning bucketsUnavailable = new OccasionalWarning(log);

  @Autowired
  TrackingRateLimit(TrackingSettings settings, DataSource dataSource) throws MetaDataAccessException {
    this(settings, PostgresRateLimitBuckets.onPostgres(dataSource)
        ? sharedBuckets(dataSource)
        : localBuckets(LOCAL_ADDRESSES));
  }

  TrackingRateLimit(TrackingSettings settings, RateLimitBuckets buckets) {
    int perMinute = settings.requestsPerMinute();
    this.configuration = BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, MINUTE).build())
        .build();
    this.buckets = buckets;
  }

  /** Rows of {@code tracking_rate_limit} (Flyway {@code V11}), one per client address. */
  static PostgresRateLimitBuckets sharedBuckets(DataSource dataSource) {
    // a warning of its own: a failed clean-up does not use up the minute's warning that checks fail
    OccasionalWarning cleanupFailed = new OccasionalWarning(log);
    return new PostgresRateLimitBuckets(dataSource, "tracking_rate_limit", "client_address",
        TimeMeter.SYSTEM_MILLISECONDS,
        // the rows stay until the next minute's try; this request still takes its token
        e -> cleanupFailed.warn("Could not delete expired tracking rate limit rows", e));
  }

  /** In memory, on the system's clock; the address seen longest ago is forgotten first. */
  static LocalRateLimitBuckets localBuckets(int addresses) {
    return new LocalRateLimitBuckets(addresses, TimeMeter.SYSTEM_MILLISECONDS);
  }

  /** Whether the limit holds over every node on the database, not only this one. */
  boolean sharedAcrossNodes() {
    return buckets.sharedAcrossNodes();
  }

  void check(String clientAddress) {
    ConsumptionProbe probe;
    try {
      probe = buckets.of(clientAddress, configuration).tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      bucketsUnavailable.warn("Tracking rate limit unavailable, the request is let through", e);
      return;
    }
    if (!probe.isConsumed()) {
      long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
      throw new TooManyRequestsException(Math.max(1, seconds));
    }
  }
}
