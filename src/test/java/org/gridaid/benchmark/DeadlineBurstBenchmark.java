package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridaid.test.Nodes;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 10,000 deadlines falling due at once on two nodes: two application nodes with their job
 * executors on one PostgreSQL, 10,000 cases of people alone at home (first response due in two
 * hours) posted through both, then the clock moved past every response deadline. Times how long
 * the two job executors take until every case has its 网格长督办 task, counts duplicates (none
 * may be), and what an escalation costs ({@link ResourceMeter}). Goal: all escalated within 30 s.
 * To the console and target/benchmark/deadlines.md. Run it with
 * {@code ./mvnw test -Pbenchmark -Dtest=DeadlineBurstBenchmark} ({@code -Dbenchmark.cases=} for
 * another count, {@code -Dbenchmark.statements=} for more of the heaviest statements than 8).
 */
@Tag("benchmark")
class DeadlineBurstBenchmark {

  static final int CASES = Integer.getInteger("benchmark.cases", 10_000);
  static final int STATEMENTS_LISTED = Integer.getInteger("benchmark.statements", 8);
  static final String[] GRIDS = {"JH-LL-ZF-01", "JH-LL-ZF-02", "JH-LL-ZF-03", "JH-WH-YQ-01", "JH-WH-XC-01",
      "JH-JN-DH-01"};

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void tenThousandDeadlinesDueAtOnceOnTwoNodes() throws Exception {
    assertThat(TestDatabaseInitializer.onPostgres()).as("the benchmark runs on PostgreSQL").isTrue();
    Map<String, Object> database = TestDatabaseInitializer.newDatabase();
    Map<String, Object> quiet = Map.of("logging.level.org.gridaid", "WARN", "logging.level.org.camunda", "WARN",
        "gridaid.intake.max-concurrent", "1000");
    CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(
        () -> Nodes.start(database, "deadlinesa", quiet));
    CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(
        () -> Nodes.start(database, "deadlinesb", quiet));
    ConfigurableApplicationContext first = a.join();
    ConfigurableApplicationContext second = b.join();
    try {
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      long started = System.nanoTime();
      post(List.of(Nodes.port(first), Nodes.port(second)));
      double postSeconds = (System.nanoTime() - started) / 1e9;
      await(jdbc, "select count(*) from act_ru_task where task_def_key_ = 'userTask_handleRequest'", CASES,
          Duration.ofMinutes(5));
      Instant latestDue = jdbc.sql("""
              select max(duedate_) from act_ru_job
              where type_ = 'timer' and process_def_key_ = 'helpRequest' and handler_cfg_ like '%responseDeadline%'""")
          .query(Timestamp.class).single().toInstant();
      // the nodes as they are at a quiet hour: their executors have backed off to their longest wait
      Thread.sleep(Duration.ofSeconds(Long.getLong("benchmark.idleSeconds", 15)).toMillis());

      ResourceMeter meter = new ResourceMeter(jdbc);
      meter.forgetStatements();
      ResourceMeter.Reading before = meter.read();
      ClockUtil.setCurrentTime(Date.from(latestDue.plusSeconds(1)));
      long due = System.nanoTime();
      List<String> progress = new ArrayList<>();
      long escalated = 0;
      long deadline = due + Duration.ofMinutes(10).toNanos();
      long nextMark = due + Duration.ofSeconds(5).toNanos();
      while (escalated < CASES && System.nanoTime() < deadline) {
        Thread.sleep(250);
        escalated = followUps(jdbc);
        if (System.nanoTime() >= nextMark) {
          progress.add(String.format(Locale.ROOT, "%.0f s: %d", (System.nanoTime() - due) / 1e9, escalated));
          nextMark += Duration.ofSeconds(5).toNanos();
        }
      }
      double seconds = (System.nanoTime() - due) / 1e9;
      ResourceMeter.Reading after = meter.read();
      long twice = jdbc.sql("""
              select count(*) from (select proc_inst_id_ from act_ru_task where task_def_key_ = 'userTask_gridLeaderFollowUp'
              group by proc_inst_id_ having count(*) > 1) d""").query(Long.class).single();

      String report = String.format(Locale.ROOT, """
              %d cases posted through two nodes in %.0f s (%.0f/s). The clock moved past every first-response
              deadline at once; the two nodes' job executors escalated %d of them to 网格长督办 in %.1f s
              (%.0f a second; goal: all within 30 s), none twice (%d cases with two tasks).
              Progress: %s.

              """, CASES, postSeconds, CASES / postSeconds, escalated, seconds, escalated / seconds, twice,
          String.join(", ", progress))
          + ResourceMeter.Cost.header("work") + before.to(after).perUnit("an escalation (timer job, 网格长督办 task,"
              + " case updated)", Math.max(escalated, 1))
          + "\nWhere PostgreSQL spent its time meanwhile:\n\n" + meter.heaviest(STATEMENTS_LISTED);
      System.out.println(report);
      Path file = Path.of("target", "benchmark", "deadlines.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, report);

      assertThat(escalated).as("every case escalated").isEqualTo(CASES);
      assertThat(twice).as("cases escalated twice").isZero();
    } finally {
      ClockUtil.reset();
      Nodes.stop(first);
      Nodes.stop(second);
    }
  }

  private static long followUps(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from act_ru_task where task_def_key_ = 'userTask_gridLeaderFollowUp'")
        .query(Long.class).single();
  }

  /** {@code CASES} calls, by 16 clients, each sending to the two nodes in turn. */
  private void post(List<Integer> ports) throws Exception {
    AtomicLong left = new AtomicLong(CASES);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < 16; c++) {
        clients.add(pool.submit(() -> {
          for (long n = left.getAndDecrement(); n > 0; n = left.getAndDecrement()) {
            int port = ports.get((int) (n % ports.size()));
            HttpRequest request = PartnerIntake.post(port, Duration.ofSeconds(30), """
                "callerName": "独居老人", "gridCode": "%s", "category": "PERSON_ALONE",
                "description": "老人独自在家无人照看", "channel": "MINI_PROGRAM\"""".formatted(GRIDS[(int) (n % GRIDS.length)]));
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
          }
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void await(JdbcClient jdbc, String countSql, long expected, Duration atMost)
      throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (jdbc.sql(countSql).query(Long.class).single() < expected) {
      assertThat(System.nanoTime()).as("waited for: " + countSql).isLessThan(deadline);
      Thread.sleep(500);
    }
  }
}
