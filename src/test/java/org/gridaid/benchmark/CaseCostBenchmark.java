package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What one hotline case costs from the call to its close, step by step: the intake over the
 * REST API (a partner's API key, 8 clients), the grid worker's handling and the hotline's
 * call-back (through the engine's API, as Tasklist's REST calls reach it, 4 workers). For each
 * step the application's and PostgreSQL's CPU, the statements, the rows written and the WAL
 * per case ({@link ResourceMeter}), and at the end the database's growth per case. The figures
 * docs/capacity.md rests on; to the console and target/benchmark/case-cost.md. Run it with
 * {@code ./mvnw test -Pbenchmark -Dtest=CaseCostBenchmark}.
 */
@Tag("benchmark")
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.hikari.maximum-pool-size=20", "gridaid.intake.max-concurrent=1000",
    "logging.level.org.gridaid=WARN", "logging.level.org.camunda=WARN"})
class CaseCostBenchmark {

  static final int CASES = Integer.getInteger("benchmark.cases", 600);
  static final int WARM_UP = 100;
  static final String GRID = "JH-LL-ZF-01";
  static final String GRID_WORKER = "grid-lile-zhongfu-01";

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  JdbcClient jdbc;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aHotlineCaseFromTheCallToItsClose() throws Exception {
    assertThat(TestDatabaseInitializer.onPostgres()).as("the benchmark runs on PostgreSQL").isTrue();
    ResourceMeter meter = new ResourceMeter(jdbc);
    List<Long> warmUp = intake(WARM_UP);
    inParallel(warmUp, 4, this::handle);
    inParallel(warmUp, 4, this::callBack);

    long sizeBefore = databaseBytes();
    ResourceMeter.Reading start = meter.read();
    List<Long> cases = intake(CASES);
    ResourceMeter.Reading received = meter.read();
    inParallel(cases, 4, this::handle);
    ResourceMeter.Reading handled = meter.read();
    inParallel(cases, 4, this::callBack);
    ResourceMeter.Reading closed = meter.read();
    long grown = databaseBytes() - sizeBefore;

    assertThat(jdbc.sql("select count(*) from help_request where id in (:ids) and status = 'CLOSED'")
        .param("ids", cases).query(Long.class).single()).as("every case closed").isEqualTo(CASES);
    String report = ResourceMeter.Cost.header("step of a case")
        + start.to(received).perUnit("intake over REST, triage and routing to the grid's task", CASES)
        + received.to(handled).perUnit("the grid worker claims and completes 网格员处置", CASES)
        + handled.to(closed).perUnit("the hotline claims and completes 回访居民 (closed)", CASES)
        + start.to(closed).perUnit("the whole case", CASES)
        + String.format(Locale.ROOT, "%nThe database grew by %.1f KiB a case (tables, indexes and Camunda's history).%n",
            grown / 1024.0 / CASES);
    System.out.println(report);
    Path file = Path.of("target", "benchmark", "case-cost.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
  }

  /** {@code count} calls posted by 8 clients; returns once every case waits at its grid's task. */
  private List<Long> intake(int count) throws Exception {
    AtomicLong left = new AtomicLong(count);
    List<Long> ids = inParallel(8, () -> {
      List<Long> mine = new ArrayList<>();
      while (left.getAndDecrement() > 0) {
        mine.add(post());
      }
      return mine;
    });
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (management.createJobQuery().executable().messages().count() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return ids;
  }

  private long post() throws Exception {
    HttpRequest request = PartnerIntake.post(port, Duration.ofSeconds(30), """
        "callerName": "成本来电", "gridCode": "%s", "address": "礼乐街道中福花园1栋",
        "category": "LIVING_SUPPLIES", "description": "家里缺米缺油", "channel": "MINI_PROGRAM\"""".formatted(GRID));
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return PartnerIntake.caseId(response);
  }

  private void handle(long id) {
    Task task = task(id, "userTask_handleRequest");
    tasks.claim(task.getId(), GRID_WORKER);
    tasks.complete(task.getId(), Map.of("outcome", "RESOLVED", "actionTaken", "已送米上门"));
  }

  private void callBack(long id) {
    Task task = task(id, "userTask_callback");
    tasks.claim(task.getId(), "hotline-01");
    tasks.complete(task.getId(), Map.of("callbackReached", true, "residentSatisfied", true, "callbackNote", "已回访"));
  }

  private Task task(long id, String key) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey(key)
        .singleResult();
    assertThat(task).as("%s of case %d", key, id).isNotNull();
    return task;
  }

  private long databaseBytes() {
    return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
  }

  private static void inParallel(List<Long> ids, int workers, LongConsumer step) throws Exception {
    AtomicLong next = new AtomicLong();
    inParallel(workers, () -> {
      for (long i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
        step.accept(ids.get((int) i));
      }
      return List.<Long>of();
    });
  }

  private static List<Long> inParallel(int workers, java.util.concurrent.Callable<List<Long>> work)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<List<Long>>> running = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        running.add(pool.submit(work));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> each : running) {
        all.addAll(each.get());
      }
      return all;
    } finally {
      pool.shutdown();
    }
  }
}
