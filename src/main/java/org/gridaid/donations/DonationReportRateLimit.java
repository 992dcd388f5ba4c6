package org.gridaid.donations;

import io.github.bucket4j.Bandwidth;
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
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The public donation report answers each client address a limited number of times a minute
 * ({@code gridaid.donations.report-requests-per-minute}), over every node: rows of
 * {@code donation_report_rate_limit} on PostgreSQL, memory on H2, as the tracking page's limit.
 * If the buckets cannot be read the request is let through and a warning logged at most once a minute.
 */
@Component
class DonationReportRateLimit {

  private static final Logger log = LoggerFactory.getLogger(DonationReportRateLimit.class);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  static final int LOCAL_ADDRESSES = 10_000;

  private final BucketConfiguration configuration;
  private final RateLimitBuckets buckets;
  private final OccasionalWarning bucketsUnavailable = new OccasionalWarning(log);

  DonationReportRateLimit(DonationSettings settings, DataSource dataSource) throws MetaDataAccessException {
    int perMinute = settings.reportRequestsPerMinute();
    this.configuration = BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, MINUTE).build())
        .build();
    if (PostgresRateLimitBuckets.onPostgres(dataSource)) {
      OccasionalWarning cleanupFailed = new OccasionalWarning(log);
      this.buckets = new PostgresRateLimitBuckets(dataSource, "donation_report_rate_limit", "client_address",
          TimeMeter.SYSTEM_MILLISECONDS,
          e -> cleanupFailed.warn("Could not delete expired donation report rate limit rows", e));
    } else {
      this.buckets = new LocalRateLimitBuckets(LOCAL_ADDRESSES, TimeMeter.SYSTEM_MILLISECONDS);
    }
  }

  /** 429 with Retry-After once the address used up its minute. */
  void check(String clientAddress) {
    ConsumptionProbe probe;
    try {
      probe = buckets.of(clientAddress, configuration).tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      bucketsUnavailable.warn("Donation report rate limit unavailable, the request is let through", e);
      return;
    }
    if (!probe.isConsumed()) {
      long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
      throw new TooManyRequestsException(Math.max(1, seconds));
    }
  }
}
