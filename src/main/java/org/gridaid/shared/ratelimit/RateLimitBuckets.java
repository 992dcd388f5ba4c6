package org.gridaid.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Bucket4j token buckets by key, wherever they are kept: rows every node shares on PostgreSQL
 * ({@link PostgresRateLimitBuckets}), or memory on one node ({@link LocalRateLimitBuckets}).
 * What a bucket is for, and what to do when it is empty or cannot be read, is its owner's.
 */
public interface RateLimitBuckets {

  /** The bucket of this key, made with this configuration when the key has none yet. */
  Bucket of(String key, BucketConfiguration configuration);

  /** Whether every node on the database counts against these buckets, not only this one. */
  boolean sharedAcrossNodes();
}
