package org.gridaid.helprequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.gridaid.shared.web.TooManyRequestsException;
import org.gridaid.test.GridAidTest;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The tracking page's limit per client address: shared by the nodes on PostgreSQL, in memory on
 * H2, and never the reason the page fails. Each node is a limiter of its own on the same
 * database, as two application instances would have; the slow refill of a few requests a
 * minute (a token every 12 s or more) keeps the counts exact while a test runs.
 */
@GridAidTest
class TrackingRateLimitTests {

  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TrackingRateLimit rateLimit;

  static TrackingSettings perMinute(int requests) {
    return new TrackingSettings(requests);
  }

  /** An IPv6 documentation address (RFC 3849) no other test uses. */
  static String newAddress() {
    int random = ThreadLocalRandom.current().nextInt();
    return "2001:db8::%x:%x".formatted(random >>> 16, random & 0xffff);
  }

  TrackingRateLimit node() {
    return node(3);
  }

  TrackingRateLimit node(int perMinute) {
    try {
      return new TrackingRateLimit(perMinute(perMinute), dataSource);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theApplicationSharesTheLimitExactlyWhenItRunsOnPostgres() {
    assertThat(rateLimit.sharedAcrossNodes()).isEqualTo(TestDatabaseInitializer.onPostgres());
  }

  @Test
  void twoNodesOnPostgresCountOneAddressTogether() {
    assumeTrue(TestDatabaseInitializer.onPostgres(), "one database for several nodes is PostgreSQL");
    TrackingRateLimit first = node();
    TrackingRateLimit second = node();
    String resident = newAddress();

    first.check(resident);
    second.check(resident);
    first.check(resident);

    assertThatThrownBy(() -> second.check(resident)).isInstanceOf(TooManyRequestsException.class)
        .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds()).isBetween(1L, 20L));
    assertThatThrownBy(() -> first.check(resident)).isInstanceOf(TooManyRequestsException.class);
  }

  @Test
  void twoNodesOnPostgresKeepDifferentAddressesApart() {
    assumeTrue(TestDatabaseInitializer.onPostgres(), "one database for several nodes is PostgreSQL");
    TrackingRateLimit first = node();
    TrackingRateLimit second = node();
    String guesser = newAddress();
    String resident = newAddress();
    for (int i = 0; i < 3; i++) {
      first.check(guesser);
    }
    assertThatThrownBy(() -> second.check(guesser)).isInstanceOf(TooManyRequestsException.class);

    second.check(resident);
    first.check(resident);
    second.check(resident);
    assertThat(jdbc.sql("select count(*) from tracking_rate_limit where client_address in (?, ?)")
        .params(guesser, resident).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void nodesAskingAtTheSameTimeLetThroughNoMoreThanTheLimit() throws Exception {
    assumeTrue(TestDatabaseInitializer.onPostgres(), "one database for several nodes is PostgreSQL");
    List<TrackingRateLimit> nodes = List.of(node(5), node(5));
    String guesser = newAddress();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        TrackingRateLimit node = nodes.get(i % 2);
        attempts.add(() -> {
          try {
            node.check(guesser);
            return true;
          } catch (TooManyRequestsException e) {
            return false;
          }
        });
      }
      int admitted = 0;
      for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
        admitted += attempt.get() ? 1 : 0;
      }
      assertThat(admitted).isEqualTo(5);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void rowsOfBucketsThatAreFullAgainAreDeleted() {
    assumeTrue(TestDatabaseInitializer.onPostgres(), "the buckets are rows on PostgreSQL");
    var rows = TrackingRateLimit.sharedBuckets(dataSource);
    TrackingRateLimit node = new TrackingRateLimit(perMinute(3), rows);
    String pastVisitor = newAddress();
    String resident = newAddress();
    node.check(pastVisitor);
    node.check(resident);
    long expiresAt = jdbc.sql("select expires_at from tracking_rate_limit where client_address = ?")
        .param(resident).query(Long.class).single();
    // full again after 20 s (one token a third of a minute), kept a minute longer
    assertThat(expiresAt - System.currentTimeMillis()).isBetween(60_000L, 90_000L);

    jdbc.sql("update tracking_rate_limit set expires_at = ? where client_address = ?")
        .params(System.currentTimeMillis() - 1, pastVisitor).update();
    assertThat(rows.removeExpired()).isGreaterThanOrEqualTo(1);

    assertThat(jdbc.sql("select client_address from tracking_rate_limit where client_address in (?, ?)")
        .params(pastVisitor, resident).query(String.class).list()).containsExactly(resident);
    for (int i = 0; i < 3; i++) {
      node.check(pastVisitor);
    }
  }

  @Test
  void onOneNodeEachAddressHasItsOwnLimitInMemory() {
    TrackingRateLimit node = new TrackingRateLimit(perMinute(2), TrackingRateLimit.localBuckets(100));
    String guesser = newAddress();
    node.check(guesser);
    node.check(guesser);
    assertThatThrownBy(() -> node.check(guesser)).isInstanceOf(TooManyRequestsException.class);

    String resident = newAddress();
    node.check(resident);
    node.check(resident);
  }

  @Test
  void inMemoryTheAddressSeenLongestAgoIsForgottenFirst() {
    var buckets = TrackingRateLimit.localBuckets(2);
    TrackingRateLimit node = new TrackingRateLimit(perMinute(1), buckets);
    node.check("192.0.2.1");
    node.check("192.0.2.2");
    assertThatThrownBy(() -> node.check("192.0.2.1")).isInstanceOf(TooManyRequestsException.class);

    node.check("192.0.2.3");

    assertThat(buckets.size()).isEqualTo(2);
    assertThatThrownBy(() -> node.check("192.0.2.1")).isInstanceOf(TooManyRequestsException.class);
    assertThatCode(() -> node.check("192.0.2.2")).as("forgotten, so a fresh bucket").doesNotThrowAnyException();
  }

  @Test
  void whenTheDatabaseDoesNotAnswerThePageIsNotLimited() {
    // nothing listens on port 1: every connection is refused at once
    var unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/gridaid");
    TrackingRateLimit node = new TrackingRateLimit(perMinute(1), TrackingRateLimit.sharedBuckets(unreachable));
    String resident = newAddress();
    for (int i = 0; i < 5; i++) {
      assertThatCode(() -> node.check(resident)).doesNotThrowAnyException();
    }
  }
}
