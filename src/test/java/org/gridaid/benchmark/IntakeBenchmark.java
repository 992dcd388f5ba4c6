package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.camunda.bpm.engine.ManagementService;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Intake of help requests over our REST API against a plain start of the same process with
 * the same variables through Camunda's /engine-rest, on PostgreSQL, at 8 and 32 concurrent
 * clients. Not part of the test suite: run it with {@code ./mvnw test -Pbenchmark}. The
 * figures go to the console and to target/benchmark/intake.md.
 */
@Tag("benchmark")
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.hikari.maximum-pool-size=20",
    // what an intake costs against a plain start, every request worked on: no admission limit
    // (OverloadBenchmark measures the limit)
    "gridaid.intake.max-concurrent=1000",
    "logging.level.org.gridaid=WARN"})
class IntakeBenchmark {

  static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmUpSeconds", 10));
  static final Duration MEASURE = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
  static final AtomicLong PHONES = new AtomicLong(13_000_000_000L + System.currentTimeMillis() % 1_000_000_000L);

  @LocalServerPort
  int port;
  @Autowired
  ManagementService management;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Result(String name, int clients, long requests, long errors, double seconds, long p50Micros,
      long p99Micros) {
    double perSecond() {
      return requests / seconds;
    }
  }

  @Test
  void intakeAgainstAPlainEngineStart() throws Exception {
    assertThat(TestDatabaseInitializer.onPostgres()).as("the benchmark runs on PostgreSQL").isTrue();
    run("warm-up intake", 8, WARM_UP, this::intake);
    run("warm-up engine", 8, WARM_UP, this::engineStart);

    List<Result> results = new ArrayList<>();
    for (int clients : new int[] {8, 32}) {
      drainJobs();
      results.add(run("REST intake (/api/v1/help-requests)", clients, MEASURE, this::intake));
      drainJobs();
      results.add(run("plain engine start (/engine-rest/.../start)", clients, MEASURE, this::engineStart));
    }
    String report = report(results);
    System.out.println(report);
    Path file = Path.of("target", "benchmark", "intake.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    assertThat(results).allSatisfy(r -> assertThat(r.errors()).as(r.name() + " errors").isZero());
  }

  /** Each run starts with the messages of the previous one delivered, so none pays for another. */
  private void drainJobs() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (management.createJobQuery().executable().messages().count() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  private HttpRequest intake(long phone) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/help-requests"))
        .header("Content-Type", "application/json").header("X-Api-Key", "demo-partner-key")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"callerName": "压测来电", "callerPhone": "%d", "address": "礼乐街道中福花园5栋",
             "category": "LIVING_SUPPLIES", "description": "家里缺米缺油", "affectedPerson": "一家三口",
             "vulnerabilities": ["PREGNANT"], "channel": "MINI_PROGRAM"}""".formatted(phone)))
        .build();
  }

  private HttpRequest engineStart(long phone) {
    String basic = Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/engine-rest/process-definition/key/helpRequest/start"))
        .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"variables": {
              "callerName": {"value": "压测来电"}, "callerPhone": {"value": "%d"},
              "address": {"value": "礼乐街道中福花园5栋"}, "category": {"value": "LIVING_SUPPLIES"},
              "description": {"value": "家里缺米缺油"}, "affectedPerson": {"value": "一家三口"},
              "vulnerabilities": {"value": "PREGNANT"}, "channel": {"value": "MINI_PROGRAM"}}}"""
            .formatted(phone)))
        .build();
  }

  private Result run(String name, int clients, Duration duration, LongFunction<HttpRequest> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + duration.toNanos();
    List<Future<long[]>> workers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      workers.add(pool.submit(() -> {
        long[] latencies = new long[1 << 16];
        int count = 0;
        long errors = 0;
        while (System.nanoTime() < end) {
          long started = System.nanoTime();
          // a new phone each time: the same phone and category would be linked to the open case
          HttpResponse<Void> response = http.send(request.apply(PHONES.incrementAndGet()),
              HttpResponse.BodyHandlers.discarding());
          long micros = (System.nanoTime() - started) / 1_000;
          if (response.statusCode() / 100 != 2) {
            errors++;
          } else if (count < latencies.length) {
            latencies[count++] = micros;
          }
        }
        long[] result = java.util.Arrays.copyOf(latencies, count + 1);
        result[count] = -errors - 1;
        return result;
      }));
    }
    List<Long> all = new ArrayList<>();
    long errors = 0;
    for (Future<long[]> worker : workers) {
      long[] latencies = worker.get();
      errors += -latencies[latencies.length - 1] - 1;
      for (int i = 0; i < latencies.length - 1; i++) {
        all.add(latencies[i]);
      }
    }
    pool.shutdown();
    all.sort(Long::compare);
    double seconds = duration.toNanos() / 1e9;
    return new Result(name, clients, all.size(), errors, seconds, percentile(all, 0.50), percentile(all, 0.99));
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
  }

  private static String report(List<Result> results) {
    StringBuilder text = new StringBuilder("| clients | path | requests/s | p50 ms | p99 ms | errors |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Result r : results) {
      text.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.1f | %.1f | %d |%n", r.clients(), r.name(),
          r.perSecond(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.errors()));
    }
    for (int i = 0; i + 1 < results.size(); i += 2) {
      text.append(String.format(Locale.ROOT, "%nAt %d clients our intake reaches %.0f%% of the plain engine start rate.",
          results.get(i).clients(), 100 * results.get(i).perSecond() / results.get(i + 1).perSecond()));
    }
    return text.append('\n').toString();
  }
}
