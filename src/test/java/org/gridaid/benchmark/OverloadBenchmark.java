package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Overload: first the intake's own rate with 8 clients that send as soon as they are answered
 * (what the node can process), then posts sent at twice that rate whatever the answers, for
 * {@code benchmark.seconds}. Every post is accepted (201) fast or refused at once (503 with
 * Retry-After); none times out and every accepted case is stored with its grid's task.
 * Reports the accepted and refused rates, the p99 of each, and the lag from acceptance to the
 * grid's task, to the console and target/benchmark/overload.md. Run it with
 * {@code ./mvnw test -Pbenchmark -Dtest=OverloadBenchmark}.
 */
@Tag("benchmark")
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.hikari.maximum-pool-size=20",
    "logging.level.org.gridaid=WARN", "logging.level.org.camunda=WARN"})
class OverloadBenchmark {

  static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmUpSeconds", 10));
  static final Duration MEASURE = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
  static final Duration TIME_OUT = Duration.ofSeconds(5);

  @LocalServerPort
  int port;
  @Autowired
  ManagementService management;
  @Autowired
  JdbcClient jdbc;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .executor(Executors.newFixedThreadPool(16)).build();

  /** One post: its answer's status (0: timed out, -1: failed otherwise), how long it took, the case. */
  record Answer(int status, long micros, Long id, String retryAfter) {}

  @Test
  void twiceTheRateANodeCanTakeIsAcceptedFastOrRefusedAtOnce() throws Exception {
    assertThat(TestDatabaseInitializer.onPostgres()).as("the benchmark runs on PostgreSQL").isTrue();
    closedLoop(8, WARM_UP);
    List<Answer> capacityRun = closedLoop(8, MEASURE);
    double capacity = count(capacityRun, 201) / seconds(MEASURE);
    drainJobs();

    double offered = 2 * capacity;
    List<Answer> overload = openLoop(offered, MEASURE);
    drainJobs();

    List<Long> accepted = overload.stream().filter(a -> a.status() == 201).map(Answer::id).toList();
    long stored = accepted.isEmpty() ? 0 : jdbc.sql("select count(*) from help_request where id in (:ids)")
        .param("ids", accepted).query(Long.class).single();
    List<Long> lagsMillis = routingLags(accepted);
    String report = report(capacityRun, capacity, offered, overload, stored, lagsMillis);
    System.out.println(report);
    Path file = Path.of("target", "benchmark", "overload.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);

    assertThat(stored).as("every accepted post is stored").isEqualTo(accepted.size());
    assertThat(lagsMillis).as("every accepted case reached its grid's task").hasSize(accepted.size());
    assertThat(overload).as("accepted or refused, nothing else").allSatisfy(a -> assertThat(a.status()).isIn(201, 503));
    assertThat(overload).filteredOn(a -> a.status() == 503).allSatisfy(a -> assertThat(a.retryAfter()).isNotNull());
  }

  /** Clients that each send the next post once the last is answered. */
  private List<Answer> closedLoop(int clients, Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + duration.toNanos();
    List<Future<List<Answer>>> workers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      workers.add(pool.submit(() -> {
        List<Answer> answers = new ArrayList<>();
        while (System.nanoTime() < end) {
          answers.add(send().get());
        }
        return answers;
      }));
    }
    List<Answer> all = new ArrayList<>();
    for (Future<List<Answer>> worker : workers) {
      all.addAll(worker.get());
    }
    pool.shutdown();
    return all;
  }

  /** Posts at a fixed rate, whatever the answers: callers who do not wait for each other. */
  private List<Answer> openLoop(double perSecond, Duration duration) throws Exception {
    ConcurrentLinkedQueue<CompletableFuture<Answer>> sent = new ConcurrentLinkedQueue<>();
    long interval = (long) (1e9 / perSecond);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (long next = start; next < end; next += interval) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      sent.add(send());
    }
    List<Answer> all = new ArrayList<>();
    for (CompletableFuture<Answer> answer : sent) {
      all.add(answer.get());
    }
    return all;
  }

  private CompletableFuture<Answer> send() {
    HttpRequest request = PartnerIntake.post(port, TIME_OUT, """
        "callerName": "压测来电", "address": "礼乐街道中福花园5栋", "category": "LIVING_SUPPLIES",
        "description": "家里缺米缺油", "channel": "MINI_PROGRAM\"""");
    long started = System.nanoTime();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
      long micros = (System.nanoTime() - started) / 1_000;
      if (failure != null) {
        return new Answer(failure instanceof HttpTimeoutException || failure.getCause() instanceof HttpTimeoutException
            ? 0 : -1, micros, null, null);
      }
      return new Answer(response.statusCode(), micros, PartnerIntake.caseId(response),
          response.headers().firstValue("Retry-After").orElse(null));
    });
  }

  /** From the case's acceptance to its grid's task, in ms, for the cases that have that task. */
  private List<Long> routingLags(List<Long> accepted) {
    if (accepted.isEmpty()) {
      return List.of();
    }
    List<Long> lags = new ArrayList<>(jdbc.sql("""
            select extract(epoch from (t.create_time_ - h.received_at)) * 1000
            from help_request h
            join act_ru_execution e on e.business_key_ = cast(h.id as varchar) and e.id_ = e.proc_inst_id_
            join act_ru_task t on t.proc_inst_id_ = e.id_ and t.task_def_key_ = 'userTask_handleRequest'
            where h.id in (:ids)""").param("ids", accepted).query(Double.class).list().stream()
        .map(Math::round).toList());
    lags.sort(Long::compare);
    return lags;
  }

  private void drainJobs() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (management.createJobQuery().executable().messages().count() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  private static long count(List<Answer> answers, int status) {
    return answers.stream().filter(a -> a.status() == status).count();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static long p99Millis(List<Answer> answers, int status) {
    List<Long> micros = new ArrayList<>(answers.stream().filter(a -> a.status() == status).map(Answer::micros).toList());
    micros.sort(Long::compare);
    return micros.isEmpty() ? 0 : micros.get((int) Math.min(micros.size() - 1, Math.ceil(0.99 * micros.size()) - 1))
        / 1000;
  }

  private static String report(List<Answer> capacityRun, double capacity, double offered, List<Answer> overload,
      long stored, List<Long> lags) {
    double s = seconds(MEASURE);
    StringBuilder text = new StringBuilder();
    text.append("| run | offered/s | accepted/s | refused (503)/s | accepted p99 ms | refused p99 ms |")
        .append(" timed out | other |\n|---|---|---|---|---|---|---|---|\n");
    text.append(String.format(Locale.ROOT, "| intake, 8 clients in a closed loop | - | %.0f | %.1f | %d | %d | %d | %d |%n",
        capacity, count(capacityRun, 503) / s, p99Millis(capacityRun, 201), p99Millis(capacityRun, 503),
        count(capacityRun, 0), capacityRun.size() - count(capacityRun, 201) - count(capacityRun, 503)
            - count(capacityRun, 0)));
    text.append(String.format(Locale.ROOT, "| twice that, an open loop | %.0f | %.0f | %.0f | %d | %d | %d | %d |%n",
        offered, count(overload, 201) / s, count(overload, 503) / s, p99Millis(overload, 201),
        p99Millis(overload, 503), count(overload, 0),
        overload.size() - count(overload, 201) - count(overload, 503) - count(overload, 0)));
    long lagP99 = lags.isEmpty() ? 0 : lags.get((int) Math.min(lags.size() - 1, Math.ceil(0.99 * lags.size()) - 1));
    text.append(String.format(Locale.ROOT, "%nAccepted %d, stored %d; from acceptance to the grid's task: p50 %d ms,"
        + " p99 %d ms (%d cases).%n", count(overload, 201), stored, lags.isEmpty() ? 0 : lags.get(lags.size() / 2),
        lagP99, lags.size()));
    return text.toString();
  }
}
