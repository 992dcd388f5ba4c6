package org.gridaid.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Buckets as rows of a table on PostgreSQL, locked with {@code select ... for update} while a
 * bucket is read or charged, so that every node of a cluster counts against the same limit.
 * Each owner has a table of its own (a Flyway migration): a key column, {@code state}
 * (Bucket4j's serialised bucket, {@code bytea}) and {@code expires_at} (epoch milliseconds,
 * indexed).
 *
 * <p>A row expires a minute after its bucket is full again (a full bucket is the same as none;
 * the minute is a margin for the nodes' clocks). The node that notices a minute has passed
 * deletes expired rows, in batches, while it fetches a bucket; nodes never wait for each
 * other's deletes.
 */
public final class PostgresRateLimitBuckets implements RateLimitBuckets {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  /**
   * How long a caller waits at most for a row another request holds, or for a slow database:
   * neither a sign-in nor a public page may hang on its limit.
   */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final int CLEANUP_BATCH = 1_000;
  private static final int CLEANUP_MAX_BATCHES = 10;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> rows;
  private final Consumer<RuntimeException> cleanupFailed;
  private final AtomicLong nextCleanup = new AtomicLong(System.nanoTime());

  /**
   * @param clock the buckets' time: {@link TimeMeter#SYSTEM_MILLISECONDS} (Bucket4j's default),
   *     or the application's clock where tests move time
   * @param cleanupFailed told when expired rows could not be deleted; they stay until the next
   *     minute's try, and the bucket is fetched all the same
   */
  public PostgresRateLimitBuckets(DataSource dataSource, String table, String keyColumn, TimeMeter clock,
      Consumer<RuntimeException> cleanupFailed) {
    this.rows = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table(table)
        .idColumn(keyColumn)
        .stateColumn("state")
        .expiresAtColumn("expires_at")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(MINUTE))
        .clientClock(clock)
        .requestTimeout(REQUEST_TIMEOUT)
        .build();
    this.cleanupFailed = cleanupFailed;
  }

  /** Whether this data source is PostgreSQL, where the buckets are rows; otherwise (H2) they are kept in memory. */
  public static boolean onPostgres(DataSource dataSource) throws MetaDataAccessException {
    return "PostgreSQL".equals(
        JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
  }

  @Override
  public Bucket of(String key, BucketConfiguration configuration) {
    long now = System.nanoTime();
    long due = nextCleanup.get();
    if (now - due >= 0 && nextCleanup.compareAndSet(due, now + MINUTE.toNanos())) {
      try {
        removeExpired();
      } catch (RuntimeException e) {
        cleanupFailed.accept(e);
      }
    }
    return rows.builder().build(key, () -> configuration);
  }

  @Override
  public boolean sharedAcrossNodes() {
    return true;
  }

  /** Deletes rows of buckets that are full again; the number deleted. */
  public int removeExpired() {
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
