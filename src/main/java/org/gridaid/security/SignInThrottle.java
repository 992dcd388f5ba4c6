package org.gridaid.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gridaid.shared.Sha256;
import org.gridaid.shared.ratelimit.LocalRateLimitBuckets;
import org.gridaid.shared.ratelimit.OccasionalWarning;
import org.gridaid.shared.ratelimit.PostgresRateLimitBuckets;
import org.gridaid.shared.ratelimit.RateLimitBuckets;
import org.gridaid.shared.web.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Throttles wrong passwords, so that nobody guesses a staff password by trying many, and nobody
 * locks an account by failing on purpose. Every sign-in, at either door (HTTP Basic, see
 * {@link CamundaAuthenticationProvider}; the webapps' form, see {@link WebappSignInThrottleFilter}),
 * first asks two Bucket4j token buckets for a try: one for the account from this client address
 * ({@code failuresPerAccount} a {@code period}) and one for the client address, whatever account
 * it tries ({@code failuresPerAddress}). A wrong password costs a try from both; a right one
 * costs nothing, so many sign-ins at once (a script, an office behind one address) are never
 * held back. The buckets fill up again one try at a time over the period. An empty bucket
 * refuses the sign-in, the right password too, so a throttled guess tells nothing, until a try
 * has come back.
 *
 * <p>Guesses sent all at once may pass the question together, but each still costs its try: a
 * bucket runs into debt (up to one period's worth) and stays closed until it is paid back, so
 * over time nobody guesses faster than the limit.
 *
 * <p>The same account still signs in from any other address, and nothing locks for good:
 * Camunda's own lock-out, which anybody could trigger for any user id, is off
 * ({@code loginMaxAttempts}, {@code loginDelayBase} in application.yaml).
 *
 * <p>On PostgreSQL the buckets are rows of {@code sign_in_throttle}, locked with
 * {@code select ... for update} while they are read or charged, so every node counts against the
 * same limit. On H2 (one node) they are kept in memory. Either way they read the application's
 * clock. If the buckets cannot be read, the sign-in is refused for a second: a throttle that let
 * guesses through whenever its rows were busy would be none.
 */
@Component
class SignInThrottle {

  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
  /** Buckets remembered in memory on H2; the one used longest ago is forgotten first. */
  static final int LOCAL_BUCKETS = 100_000;
  /** The longest account or address kept readable in a key; longer ones are hashed. */
  private static final int READABLE_KEY_PART = 64;

  private final BucketConfiguration perAccount;
  private final BucketConfiguration perAddress;
  /** How long a bucket may owe tries for: one period. */
  private final long maxDebtNanos;
  private final RateLimitBuckets buckets;
  private final OccasionalWarning bucketsUnavailable = new OccasionalWarning(log);

  @Autowired
  SignInThrottle(SignInSettings settings, DataSource dataSource, Clock clock) throws MetaDataAccessException {
    this(settings, PostgresRateLimitBuckets.onPostgres(dataSource)
        ? sharedBuckets(dataSource, timeMeter(clock))
        : new LocalRateLimitBuckets(LOCAL_BUCKETS, timeMeter(clock)));
  }

  SignInThrottle(SignInSettings settings, RateLimitBuckets buckets) {
    this.perAccount = refilledOver(settings.failuresPerAccount(), settings.period());
    this.perAddress = refilledOver(settings.failuresPerAddress(), settings.period());
    this.maxDebtNanos = settings.period().toNanos();
    this.buckets = buckets;
  }

  private static BucketConfiguration refilledOver(int tries, Duration period) {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(tries).refillGreedy(tries, period).build())
        .build();
  }

  /** Rows of {@code sign_in_throttle} (Flyway {@code V16}). */
  private static PostgresRateLimitBuckets sharedBuckets(DataSource dataSource, TimeMeter clock) {
    return new PostgresRateLimitBuckets(dataSource, "sign_in_throttle", "throttle_key", clock,
        // the rows stay until the next minute's try; the sign-in goes on
        e -> log.debug("Could not delete expired sign-in throttle rows", e));
  }

  /** Bucket4j's time, read from the application's clock (the engine's, which tests move). */
  static TimeMeter timeMeter(Clock clock) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        Instant now = clock.instant();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }

  /** Whether the limit holds over every node on the database, not only this one. */
  boolean sharedAcrossNodes() {
    return buckets.sharedAcrossNodes();
  }

  /**
   * Asks for a try for a sign-in as this user from this client address, before its password is
   * checked; tell the attempt when the password was wrong.
   *
   * @throws SignInThrottledException when the account from this address, or this address, has
   *     no try left
   */
  Attempt attempt(String userId, String clientAddress) {
    String address = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
    String user = userId == null ? "" : userId.toLowerCase(Locale.ROOT);
    try {
      Bucket account = buckets.of(accountKey(user, address), perAccount);
      EstimationProbe accountTry = account.estimateAbilityToConsume(1);
      if (!accountTry.canBeConsumed()) {
        throw throttled(accountTry.getNanosToWaitForRefill());
      }
      Bucket fromAddress = buckets.of(addressKey(address), perAddress);
      EstimationProbe addressTry = fromAddress.estimateAbilityToConsume(1);
      if (!addressTry.canBeConsumed()) {
        throw throttled(addressTry.getNanosToWaitForRefill());
      }
      boolean lastTry = accountTry.getRemainingTokens() <= 1 || addressTry.getRemainingTokens() <= 1;
      return new Attempt(account, fromAddress, lastTry, user, address);
    } catch (SignInThrottledException e) {
      throw e;
    } catch (RuntimeException e) {
      if (DatabaseUnavailable.causedBy(e)) {
        // nobody can sign in while the database is away: a 503 to send again, not a 429
        throw e;
      }
      bucketsUnavailable.warn("Sign-in throttle unavailable, the sign-in is refused", e);
      throw new SignInThrottledException(1);
    }
  }

  /** E.g. {@code account:admin@203.0.113.5}: an address never has an '@', so no two keys collide. */
  static String accountKey(String user, String address) {
    return "account:" + readable(user) + "@" + readable(address);
  }

  static String addressKey(String address) {
    return "address:" + readable(address);
  }

  /** Keys stay within the key column, whatever a caller sends as user name. */
  private static String readable(String part) {
    return part.length() <= READABLE_KEY_PART ? part : "sha256:" + Sha256.hex(part);
  }

  /** What a caller sent, bounded and without line breaks, so that it cannot forge log lines. */
  private static String loggable(String sent) {
    return readable(sent).replaceAll("\\p{Cntrl}", "?");
  }

  private static SignInThrottledException throttled(long nanosToWait) {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999L);
    return new SignInThrottledException(Math.max(1, seconds));
  }

  /** A sign-in that may go ahead: a wrong password costs it a try from both buckets. */
  final class Attempt {

    private final Bucket account;
    private final Bucket address;
    private final boolean lastTry;
    private final String user;
    private final String clientAddress;

    private Attempt(Bucket account, Bucket address, boolean lastTry, String user, String clientAddress) {
      this.account = account;
      this.address = address;
      this.lastTry = lastTry;
      this.user = user;
      this.clientAddress = clientAddress;
    }

    void failed() {
      try {
        charge(account);
        charge(address);
      } catch (RuntimeException e) {
        bucketsUnavailable.warn("Could not count a wrong password", e);
      }
      if (lastTry) {
        log.warn("Sign-in throttled: the last wrong password allowed for '{}' from {}", loggable(user),
            loggable(clientAddress));
      }
    }

    /**
     * Takes a try even from an empty bucket, which then owes it; a bucket owing more than a
     * period's refill gets it back, so that the throttle never lasts much longer than a period.
     */
    private void charge(Bucket bucket) {
      if (bucket.consumeIgnoringRateLimits(1) > maxDebtNanos) {
        bucket.addTokens(1);
      }
    }
  }
}
