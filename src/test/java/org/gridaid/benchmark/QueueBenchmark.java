package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
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
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.test.Api;
import org.gridaid.test.Browser;
import org.gridaid.test.TestDatabaseInitializer;
import org.gridaid.test.WebappSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A city's queues: 100,000 open tasks over 200 grids (500 a grid, due times spread over the
 * next two days and the last one), and a grid worker's Tasklist asking for the first page of
 * their grid's queue, its count and its 即将超期 filter, as Tasklist asks (in its session, HAL,
 * the list's answer with its count), {@code benchmark.calls} times each; the same list and count
 * answered by Camunda's own filter query, the baseline ({@code GroupQueueReads} answers the
 * first); and the first page once more as an outside system asks (/engine-rest, HTTP Basic,
 * JSON). Each is asked for {@code benchmark.warmUpSeconds} before it is measured. Reports p50
 * and p99 (goal: the list under 20 ms at p99) to the console and target/benchmark/queues.md.
 * The tasks are the grid worker's tasks as the engine stores them (task rows with their grid as
 * candidate group), written in batches rather than by 100,000 intakes. Then the grid worker's
 * Tasklist is left open on the queue for a minute. Run it with
 * {@code ./mvnw test -Pbenchmark -Dtest=QueueBenchmark} ({@code -Dbenchmark.tasks=30000} for 150
 * a grid).
 */
@Tag("benchmark")
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "logging.level.org.gridaid=WARN", "camunda.bpm.job-execution.enabled=false"})
class QueueBenchmark {

  static final int GRIDS = 200;
  /** Open tasks in all ({@code -Dbenchmark.tasks=}, a multiple of 1,000): 500 a grid by default. */
  static final int TASKS = Integer.getInteger("benchmark.tasks", 100_000);
  static final int CALLS = Integer.getInteger("benchmark.calls", 300);
  /**
   * Seconds each call is made before it is measured: a node serves a queue thousands of times a
   * night, so its figures are those of compiled code, not of the JIT compiling it meanwhile.
   */
  static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.warmUpSeconds", 10);
  static final String WORKER = "bench-grid-worker";
  static final String PASSWORD = "bench-password-1234";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  FilterService filters;
  @Autowired
  JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  ResourceMeter meter;

  @Test
  void aGridWorkersQueueAmong100000OpenTasks() throws Exception {
    assertThat(TestDatabaseInitializer.onPostgres()).as("the benchmark runs on PostgreSQL").isTrue();
    RestAssured.port = port;
    List<String> grids = twoHundredGrids();
    long started = System.nanoTime();
    openTasks(grids);
    double seconds = (System.nanoTime() - started) / 1e9;
    // the tables as autovacuum keeps them when tasks come in over days, not all in one minute:
    // statistics current, pages marked all-visible (and no autovacuum running while measuring)
    jdbc.sql("vacuum analyze").update();
    String grid = grids.get(GRIDS / 2);
    Api.admin().body(Map.of("userId", WORKER, "displayName", "压测网格员", "role", "GRID_STAFF", "areaCode", grid,
        "initialPassword", PASSWORD)).post("/api/v1/staff").then().statusCode(201);
    String name = "压测社区第" + (GRIDS / 2 + 1) + "网格";
    String queue = filterId(name + " · 网格任务");
    String dueSoon = filterId(name + " · 网格任务 · 即将超期");

    // as Tasklist asks: in the worker's webapp session, HAL, its own body for the list
    TasklistSession tasklist = TasklistSession.signIn("http://localhost:" + port, WORKER, PASSWORD);
    String tasklistList = """
        {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,\
        "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";
    String filter = WebappSession.ENGINE_API + "/filter/";
    meter = new ResourceMeter(jdbc);
    meter.forgetStatements();
    List<String> rows = new ArrayList<>();
    // the baseline, in the same run: Camunda's own answer, asked for with a body only Camunda answers
    String camundasList = tasklistList.replace("\"active\":true", "\"active\":true,\"orQueries\":[]");
    rows.add(measure("Tasklist's list of the queue (15 tasks, with the count)", tasklist.http(),
        tasklist.post(filter + queue + "/list?firstResult=0&maxResults=15", tasklistList)));
    rows.add(measure("the same list, answered by Camunda (the baseline)", tasklist.http(),
        tasklist.post(filter + queue + "/list?firstResult=0&maxResults=15", camundasList)));
    rows.add(measure("the queue's count", tasklist.http(), tasklist.get(filter + queue + "/count")));
    rows.add(measure("the queue's count, answered by Camunda (the baseline)", tasklist.http(),
        tasklist.post(filter + queue + "/count", "{\"orQueries\":[]}")));
    rows.add(measure("即将超期, Tasklist's list (Camunda's)", tasklist.http(),
        tasklist.post(filter + dueSoon + "/list?firstResult=0&maxResults=15", tasklistList)));
    rows.add(measure("即将超期, count (Camunda's)", tasklist.http(), tasklist.get(filter + dueSoon + "/count")));
    rows.add(measure("the queue's list over /engine-rest (HTTP Basic, JSON, no count; Camunda's)", http, engineRest(
        "filter/" + queue + "/list?firstResult=0&maxResults=15", tasklistList)));
    // what any call costs on this machine, in the same session: the tail the queue's figures cannot go below
    rows.add(measure("the floor: a call that reads nothing (Tasklist's list of engines)", tasklist.http(),
        tasklist.get("/camunda/api/engine/engine")));
    String idle = idleTasklist(name + " · 网格任务");
    String report = String.format(Locale.ROOT, "%d open tasks in %d grids, written in %.0f s.%n%n", TASKS, GRIDS,
        seconds) + "| call | p50 ms | p99 ms | app CPU ms each | PostgreSQL CPU ms each | statements each |\n|---|---|---|---|---|---|\n" + String.join("", rows)
        + "\n" + idle + "\nWhere PostgreSQL spent its time meanwhile:\n\n" + meter.heaviest(6);
    System.out.println(report);
    Path file = Path.of("target", "benchmark", "queues.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
  }

  /** A community of 200 grids, each with its groups and Tasklist filters, as the register adds them. */
  private List<String> twoHundredGrids() {
    Api.admin().body(Map.of("code", "JH-LL-BENCH", "parentCode", "JH-LL", "level", "COMMUNITY", "name", "压测社区",
        "kind", "COMMUNITY")).post("/api/v1/areas").then().statusCode(201);
    List<String> grids = new ArrayList<>();
    for (int i = 1; i <= GRIDS; i++) {
      String code = "JH-LL-BENCH-" + String.format("%03d", i);
      Api.admin().body(Map.of("code", code, "parentCode", "JH-LL-BENCH", "level", "GRID", "name", "压测社区第" + i + "网格"))
          .post("/api/v1/areas").then().statusCode(201);
      grids.add(code);
    }
    return grids;
  }

  /** 500 tasks a grid, 网格员处置 with its grid as candidate group, due over three days, in batches of 1,000. */
  private void openTasks(List<String> grids) {
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    TaskService tasks = engine.getTaskService();
    long now = ClockUtil.getCurrentTime().getTime();
    for (int batch = 0; batch < TASKS / 1000; batch++) {
      int first = batch * 1000;
      commands.execute(context -> {
        for (int i = first; i < first + 1000; i++) {
          // the task API inside one command: a thousand tasks in one transaction
          Task task = tasks.newTask();
          task.setName("网格员处置");
          task.setPriority(25 + 25 * (i % 4));
          task.setDueDate(new Date(now + ThreadLocalRandom.current().nextLong(-86_400_000L, 2 * 86_400_000L)));
          tasks.saveTask(task);
          tasks.addCandidateGroup(task.getId(), "grid-" + grids.get(i % grids.size()));
        }
        return null;
      });
    }
  }

  private String filterId(String name) {
    var filter = filters.createFilterQuery().filterName(name).singleResult();
    assertThat(filter).as("filter %s", name).isNotNull();
    return filter.getId();
  }

  /**
   * The grid worker's Tasklist in Chromium, left open on the grid's queue for a minute after it
   * settled: the calls it makes by itself (its refresh every 10 s) and what the server spent on
   * them, what every open Tasklist costs on a night everybody works.
   */
  private String idleTasklist(String filterName) throws Exception {
    try (Browser browser = Browser.open(port)) {
      browser.go(Browser.TASKLIST).signIn(WORKER, PASSWORD).click(Browser.filter(filterName));
      browser.scriptAsync(Duration.ofSeconds(30), """
          const done = arguments[arguments.length - 1];
          setTimeout(() => {
            performance.clearResourceTimings();
            performance.setResourceTimingBufferSize(100000);
            done(true);
          }, 10000);""");
      ResourceMeter.Reading before = meter.read();
      @SuppressWarnings("unchecked")
      List<String> called = (List<String>) browser.scriptAsync(Duration.ofSeconds(90), """
          const done = arguments[arguments.length - 1];
          setTimeout(() => done(performance.getEntriesByType('resource')
              .filter(e => e.name.includes('/api/engine/'))
              .map(e => new URL(e.name).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}'))), 60000);""");
      ResourceMeter.Cost cost = before.to(meter.read());
      Map<String, Long> byPath = called.stream().collect(Collectors.groupingBy(path -> path.substring(
          path.indexOf("/default/") + "/default".length()), TreeMap::new, Collectors.counting()));
      return String.format(Locale.ROOT, "The grid worker's Tasklist left open on the queue for %.0f s: %d calls"
          + " (%.2f a second: %s); the app spent %.0f ms of CPU and PostgreSQL %.0f ms, %.1f%% of one core for this"
          + " one open Tasklist.%n", cost.seconds(), called.size(), called.size() / cost.seconds(), byPath,
          cost.applicationCpuMillis(), cost.databaseCpuMillis(),
          (cost.applicationCpuMillis() + cost.databaseCpuMillis()) / cost.seconds() / 10);
    }
  }

  /** A call as an outside system makes it: /engine-rest, HTTP Basic, plain JSON. */
  private HttpRequest engineRest(String path, String body) {
    String basic = Base64.getEncoder().encodeToString((WORKER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/" + path))
        .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static void call(String what, HttpClient client, HttpRequest request) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(200);
  }

  /** {@code CALLS} calls after the warm-up, one after the other, as the grid worker. */
  private String measure(String what, HttpClient client, HttpRequest request) throws Exception {
    long warmUntil = System.nanoTime() + Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
    do {
      call(what, client, request);
    } while (System.nanoTime() < warmUntil);
    List<Long> micros = new ArrayList<>();
    ResourceMeter.Reading warm = meter.read();
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      call(what, client, request);
      micros.add((System.nanoTime() - start) / 1_000);
    }
    // one call at a time: what the machine spent on each, the client's share of the app's CPU included
    ResourceMeter.Cost cost = warm.to(meter.read());
    micros.sort(Long::compare);
    return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.0f |%n", what,
        micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(0.99 * micros.size()) - 1) / 1000.0,
        cost.applicationCpuMillis() / CALLS, cost.databaseCpuMillis() / CALLS, (double) cost.statements() / CALLS);
  }
}
