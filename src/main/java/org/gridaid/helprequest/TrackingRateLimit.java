package org.gridaid.helprequest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.gridaid.shared.web.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.JdbcUtils;
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
  private static final long WARN_EVERY_NANOS = MINUTE.toNanos();
  /** Addresses remembered in memory on H2; the one seen longest ago is forgotten first. */
  static final int LOCAL_ADDRESSES = 10_000;

  private final BucketConfiguration configuration;
  private final Buckets buckets;
  private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

  @Autowired
  TrackingRateLimit(TrackingSettings settings, DataSource dataSource) throws MetaDataAccessException {
    this(settings, isPostgres(dataSource) ? new SharedBuckets(dataSource) : new LocalBuckets(LOCAL_ADDRESSES));
  }

  TrackingRateLimit(TrackingSettings settings, Buckets buckets) {
    int perMinute = settings.requestsPerMinute();
    this.configuration = BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, MINUTE).build())
        .build();
    this.buckets = buckets;
  }

  private static boolean isPostgres(DataSource dataSource) throws MetaDataAccessException {
    return "PostgreSQL".equals(
        JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
  }

  /** Whether the limit holds over every node on the database, not only this one. */
  boolean sharedAcrossNodes() {
    return buckets instanceof SharedBuckets;
  }

  void check(String clientAddress) {
    ConsumptionProbe probe;
    try {
      probe = buckets.of(clientAddress, configuration).tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      warnNowAndThen("Tracking rate limit unavailable, the request is let through", e);
      return;
    }
    if (!probe.isConsumed()) {
      long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
      throw new TooManyRequestsException(Math.max(1, seconds));
    }
  }

  /** A database outage would otherwise log once per request: warns at most once a minute. */
  private static void warnNowAndThen(AtomicLong nextWarning, String message, RuntimeException e) {
    long now = System.nanoTime();
    long due = nextWarning.get();
    if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_EVERY_NANOS)) {
      log.warn("{} (logged at most once a minute): {}", message, e.toString());
    } else {
      log.debug(message, e);
    }
  }

  private void warnNowAndThen(String message, RuntimeException e) {
    warnNowAndThen(nextWarning, message, e);
  }

  /** The buckets of client addresses, wherever they are kept. */
  interface Buckets {
    Bucket of(String clientAddress, BucketConfiguration configuration);
  }

  /**
   * Rows of {@code tracking_rate_limit} (Flyway {@code V11}). Each row says when its bucket is
   * full again ({@code expires_at}, epoch milliseconds) plus a minute's margin for the nodes'
   * clocks; a full bucket is the same as none, so such rows are deleted. The node that notices a
   * minute has passed deletes them, in batches; nodes never wait for each other's deletes.
   */
  static final class SharedBuckets implements Buckets {

    private static final int CLEANUP_BATCH = 1_000;
    private static final int CLEANUP_MAX_BATCHES = 10;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> rows;
    private final AtomicLong nextCleanup = new AtomicLong(System.nanoTime());
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    SharedBuckets(DataSource dataSource) {
      this.rows = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
          .primaryKeyMapper(PrimaryKeyMapper.STRING)
          .table("tracking_rate_limit")
          .idColumn("client_address")
          .stateColumn("state")
          .expiresAtColumn("expires_at")
          .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(MINUTE))
          // a locked row or a slow database must not hold the public page for long
          .requestTimeout(Duration.ofSeconds(2))
          .build();
    }

    @Override
    public Bucket of(String clientAddress, BucketConfiguration configuration) {
      long now = System.nanoTime();
      long due = nextCleanup.get();
      if (now - due >= 0 && nextCleanup.compareAndSet(due, now + MINUTE.toNanos())) {
        try {
          removeExpired();
        } catch (RuntimeException e) {
          // the rows stay until the next minute's try; this request still takes its token
          warnNowAndThen(nextWarning, "Could not delete expired tracking rate limit rows", e);
        }
      }
      return rows.builder().build(clientAddress, () -> configuration);
    }

    /** Deletes rows of buckets that are full again; the number deleted. */
    int removeExpired() {
      int removed = 0;
      for (int batch = 0; batch < CLEANUP_MAX_BATCHES; batch++) {
        int deleted = rows.removeExpired(CLEANUP_BATCH);
        removed += deleted;
        if (deleted < CLEANUP_BATCH) {
          break;
        }
      }
      return removed;
    }
  }

  /** In memory, for one node; bounded, the address seen longest ago is forgotten first. */
  static final class LocalBuckets implements Buckets {

    private final Map<String, Bucket> byAddress;

    LocalBuckets(int addresses) {
      this.byAddress = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > addresses;
        }
      };
    }

    @Override
    public synchronized Bucket of(String clientAddress, BucketConfiguration configuration) {
      return byAddress.computeIfAbsent(clientAddress, address -> {
        var bucket = Bucket.builder();
        for (Bandwidth limit : configuration.getBandwidths()) {
          bucket.addLimit(limit);
        }
        return bucket.build();
      });
    }

    synchronized int size() {
      return byAddress.size();
    }
  }
}
