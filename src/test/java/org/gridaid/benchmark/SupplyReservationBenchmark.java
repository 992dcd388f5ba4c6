package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.gridaid.supplies.Receipt;
import org.gridaid.supplies.Reference;
import org.gridaid.supplies.ReferenceType;
import org.gridaid.supplies.StockLedger;
import org.gridaid.supplies.StockLevel;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two couriers are never promised the last box, at what cost: 32 threads each reserve one unit
 * of one item with 5,000 in stock, 10,000 tries in all, through {@link StockLedger#reserve}
 * (a reservation row, a RESERVE movement and the conditional update of the balance, in one
 * transaction); beside them, in the same run, the same 32 threads and tries as a bare
 * {@code update ... set available = available - 1 where id = 1 and available >= 1} on one row
 * (autocommit). Exactly 5,000 of each must succeed. Reservations per second count the 5,000
 * from the start until the last one committed (the tries after the stock ran out cost little).
 * Alternating rounds, the median of each. On PostgreSQL; not part of the test suite: run it with
 * {@code ./mvnw test -Pbenchmark -Dtest=SupplyReservationBenchmark}. The figures go to the
 * console and to target/benchmark/supply-reservation.md.
 */
@Tag("benchmark")
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // a connection per thread, for both paths: the pool is not what is measured
    "spring.datasource.hikari.maximum-pool-size=40",
    "camunda.bpm.job-execution.enabled=false",
    "logging.level.org.gridaid=WARN"})
class SupplyReservationBenchmark {

  static final int THREADS = 32;
  static final int STOCK = 5_000;
  static final int TRIES = 10_000;
  static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
  static final String SITE = "WH-JH";
  static final Reference CAMPAIGN = Reference.of(ReferenceType.CAMPAIGN, "benchmark");

  @LocalServerPort
  int port;
  @Autowired
  StockLedger ledger;
  @Autowired
  JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  /** {@code lastSuccessSeconds}: from the start until the last success committed. */
  record Run(String name, int succeeded, double lastSuccessSeconds, double allSeconds) {
    double perSecond() {
      return succeeded / lastSuccessSeconds;
    }
  }

  @Test
  void reservationsBesideABareConditionalUpdate() throws Exception {
    assertThat(TestDatabaseInitializer.onPostgres()).as("the benchmark runs on PostgreSQL").isTrue();
    jdbc.sql("create table bench_stock (id integer primary key, available integer not null)").update();
    jdbc.sql("insert into bench_stock (id, available) values (1, 0)").update();
    ledgerRound(1_000, 2_000);
    bareRound(1_000, 2_000);

    List<Run> ledgerRuns = new ArrayList<>();
    List<Run> bareRuns = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      ledgerRuns.add(ledgerRound(STOCK, TRIES));
      bareRuns.add(bareRound(STOCK, TRIES));
    }
    String report = report(ledgerRuns, bareRuns);
    System.out.println(report);
    Path file = Path.of("target", "benchmark", "supply-reservation.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    assertThat(ledgerRuns).allSatisfy(run -> assertThat(run.succeeded()).isEqualTo(STOCK));
    assertThat(bareRuns).allSatisfy(run -> assertThat(run.succeeded()).isEqualTo(STOCK));
  }

  /** A new item with {@code stock} at the district warehouse, reserved one at a time. */
  private Run ledgerRound(int stock, int tries) throws Exception {
    String item = "BENCH-" + System.nanoTime();
    post("/api/v1/supplies/items", """
        {"code": "%s", "name": "压测物资", "unit": "盒", "category": "OTHER"}""".formatted(item));
    ledger.receive(new Receipt(SITE, item, stock, null, null, "压测期初", null), "benchmark", null);

    Run run = run("StockLedger.reserve", tries,
        () -> ledger.reserve(SITE, item, 1, CAMPAIGN, "benchmark").isPresent());

    assertThat(ledger.level(SITE, item)).isEqualTo(new StockLevel(SITE, item, stock, stock));
    assertThat(jdbc.sql("select count(*) from stock_movement where item_code = ? and kind = 'RESERVE'").param(item)
        .query(Long.class).single()).isEqualTo(stock);
    assertThat(jdbc.sql("select count(*) from stock_reservation where item_code = ? and status = 'OPEN'").param(item)
        .query(Long.class).single()).isEqualTo(stock);
    return run;
  }

  /** One row with {@code stock} available, taken one at a time by a bare conditional update. */
  private Run bareRound(int stock, int tries) throws Exception {
    jdbc.sql("update bench_stock set available = ? where id = 1").param(stock).update();

    Run run = run("bare update ... where available >= 1", tries,
        () -> jdbc.sql("update bench_stock set available = available - 1 where id = 1 and available >= 1")
            .update() == 1);

    assertThat(jdbc.sql("select available from bench_stock where id = 1").query(Integer.class).single()).isZero();
    return run;
  }

  private Run run(String name, int tries, BooleanSupplier attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger left = new AtomicInteger(tries);
    AtomicInteger succeeded = new AtomicInteger();
    AtomicLong lastSuccess = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      workers.add(pool.submit(() -> {
        start.await();
        while (left.getAndDecrement() > 0) {
          if (attempt.getAsBoolean()) {
            succeeded.incrementAndGet();
            lastSuccess.accumulateAndGet(System.nanoTime(), Math::max);
          }
        }
        return null;
      }));
    }
    long started = System.nanoTime();
    start.countDown();
    for (Future<?> worker : workers) {
      worker.get();
    }
    long ended = System.nanoTime();
    pool.shutdown();
    return new Run(name, succeeded.get(), (lastSuccess.get() - started) / 1e9, (ended - started) / 1e9);
  }

  private void post(String path, String json) throws Exception {
    String basic = Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
  }

  private static String report(List<Run> ledgerRuns, List<Run> bareRuns) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%d threads, %,d tries for %,d in stock, %d rounds%n%n", THREADS, TRIES, STOCK, ROUNDS))
        .append("| round | path | succeeded | until the last, s | reservations/s | all tries, s |\n")
        .append("|---|---|---|---|---|---|\n");
    for (int i = 0; i < ledgerRuns.size(); i++) {
      for (Run r : List.of(ledgerRuns.get(i), bareRuns.get(i))) {
        text.append(String.format(Locale.ROOT, "| %d | %s | %,d | %.2f | %,.0f | %.2f |%n", i + 1, r.name(),
            r.succeeded(), r.lastSuccessSeconds(), r.perSecond(), r.allSeconds()));
      }
    }
    double ledger = median(ledgerRuns);
    double bare = median(bareRuns);
    return text.append(String.format(Locale.ROOT, "%nMedian: the ledger %,.0f reservations/s, the bare update %,.0f/s:"
        + " the ledger reaches %.0f%% of the bare rate (goal: at least 50%%).%n", ledger, bare, 100 * ledger / bare))
        .toString();
  }

  private static double median(List<Run> runs) {
    List<Double> rates = runs.stream().map(Run::perSecond).sorted(Comparator.naturalOrder()).toList();
    return rates.get(rates.size() / 2);
  }
}
