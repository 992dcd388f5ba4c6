package org.gridaid.shared.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Buckets in memory, for one node (on H2). Bounded, so that a caller sending ever new keys
 * cannot fill the heap: beyond {@code keys} the bucket used longest ago is forgotten first.
 */
public final class LocalRateLimitBuckets implements RateLimitBuckets {

  private final Map<String, Bucket> byKey;
  private final TimeMeter clock;

  /**
   * @param clock the buckets' time: {@link TimeMeter#SYSTEM_MILLISECONDS} (Bucket4j's default),
   *     or the application's clock where tests move time
   */
  public LocalRateLimitBuckets(int keys, TimeMeter clock) {
    this.clock = clock;
    this.byKey = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > keys;
      }
    };
  }

  @Override
  public synchronized Bucket of(String key, BucketConfiguration configuration) {
    return byKey.computeIfAbsent(key, k -> {
      var bucket = Bucket.builder().withCustomTimePrecision(clock);
      for (Bandwidth limit : configuration.getBandwidths()) {
        bucket.addLimit(limit);
      }
      return bucket.build();
    });
  }

  @Override
  public boolean sharedAcrossNodes() {
    return false;
  }

  /** How many keys have a bucket now. */
  public synchronized int size() {
    return byKey.size();
  }
}
