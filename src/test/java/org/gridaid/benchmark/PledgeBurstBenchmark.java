package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The water appeal as a burst (domain.md flow 4: 127 donors pledged 3,522 boxes within two hours
 * of the call): 127 pledges at once, then 10× and 100× that (12,700), from 32 clients posting
 * {@code POST /api/v1/appeals/{id}/pledges} with a donors' system's API key, each pledge with an
 * Idempotency-Key of its own. Every pledge is one transaction: the appeal's counter (a conditional
 * update on its row, which every pledge of the appeal takes in turn), the pledge row and the start
 * of its goods-pledge process with its two timers. Afterwards every pledge must be recorded once,
 * none lost, and the appeal's progress exact (pledged = the sum of what was sent). Pledges per
 * second and the 50th and 99th percentile of the answers, side by side. On PostgreSQL; not part of
 * the test suite: {@code ./mvnw test -Pbenchmark -Dtest=PledgeBurstBenchmark}. The figures go to
 * the console and to target/benchmark/pledge-burst.md.
 */
@Tag("benchmark")
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.hikari.maximum-pool-size=40",
    "camunda.bpm.job-execution.enabled=false",
    "logging.level.org.gridaid=WARN"})
class PledgeBurstBenchmark {

  static final int CLIENTS = 32;
  static final int[] BURSTS = {127, 1_270, 12_700};
  static final int SITES = 50;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  record Burst(int pledges, int recorded, long quantity, double seconds, double p50Millis, double p99Millis) {
    double perSecond() {
      return pledges / seconds;
    }
  }

  @Test
  void theWaterAppealAsABurst() throws Exception {
    assertThat(TestDatabaseInitializer.onPostgres()).as("the benchmark runs on PostgreSQL").isTrue();
    String key = apiKey();
    List<String> sites = new ArrayList<>();
    for (int i = 0; i < SITES; i++) {
      String code = "BENCH-S" + System.nanoTime();
      send("POST", "/api/v1/supplies/sites", null, """
          {"code": "%s", "name": "压测采样点%d", "kind": "SAMPLING_SITE", "areaCode": "JH-LL"}""".formatted(code, i));
      sites.add(code);
    }
    String water = "BENCH-WATER-" + System.nanoTime();
    send("POST", "/api/v1/supplies/items", null, """
        {"code": "%s", "name": "矿泉水 550ml×24瓶", "unit": "箱", "category": "FOOD"}""".formatted(water));

    burst(key, water, sites, 200); // warm-up
    List<Burst> bursts = new ArrayList<>();
    for (int n : BURSTS) {
      bursts.add(burst(key, water, sites, n));
    }
    String report = report(bursts);
    System.out.println(report);
    Path file = Path.of("target", "benchmark", "pledge-burst.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    assertThat(bursts).allSatisfy(b -> assertThat(b.recorded()).isEqualTo(b.pledges()));
  }

  private Burst burst(String key, String water, List<String> sites, int pledges) throws Exception {
    String appeal = send("POST", "/api/v1/appeals", null, """
        {"title": "急需饮用水 %d 人认捐压测", "kind": "GOODS", "itemCode": "%s", "targetQuantity": 3000,
         "deadline": "%s", "siteCodes": [%s]}""".formatted(pledges, water,
        Instant.now().plus(3, ChronoUnit.DAYS), String.join(",", sites.stream().map(s -> "\"" + s + "\"").toList())));
    long appealId = Long.parseLong(appeal.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
    String promisedOn = LocalDate.now(CHINA).plusDays(2).toString();

    AtomicInteger next = new AtomicInteger();
    AtomicLong quantity = new AtomicLong();
    long[] latencies = new long[pledges];
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(pool.submit(() -> {
        start.await();
        for (int i = next.getAndIncrement(); i < pledges; i = next.getAndIncrement()) {
          int boxes = ThreadLocalRandom.current().nextInt(1, 60);
          String body = """
              {"donorName": "压测捐赠人%d", "donorPhone": "139%08d", "quantity": %d, "siteCode": "%s",
               "promisedOn": "%s"}""".formatted(i, i, boxes, sites.get(i % sites.size()), promisedOn);
          long sent = System.nanoTime();
          send("POST", "/api/v1/appeals/" + appealId + "/pledges", key, body, "burst-" + appealId + "-" + i);
          latencies[i] = System.nanoTime() - sent;
          quantity.addAndGet(boxes);
        }
        return null;
      }));
    }
    long started = System.nanoTime();
    start.countDown();
    for (Future<?> client : clients) {
      client.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();

    int recorded = jdbc.sql("select count(*) from donation_pledge where appeal_id = ?").param(appealId)
        .query(Integer.class).single();
    var counters = jdbc.sql("select pledged, pledges from donation_appeal where id = ?").param(appealId).query()
        .singleRow();
    assertThat(((Number) counters.get("pledged")).longValue()).as("pledged is exact").isEqualTo(quantity.get());
    assertThat(((Number) counters.get("pledges")).intValue()).isEqualTo(pledges);
    assertThat(jdbc.sql("select count(*) from act_ru_execution where proc_def_key_ = 'goodsPledge' and parent_id_ is null"
        + " and business_key_ in (select 'pledge-' || cast(id as varchar) from donation_pledge where appeal_id = ?)")
        .param(appealId).query(Integer.class).single()).as("a process per pledge").isEqualTo(pledges);
    Arrays.sort(latencies);
    return new Burst(pledges, recorded, quantity.get(), seconds, latencies[pledges / 2] / 1e6,
        latencies[Math.min(pledges - 1, (int) Math.ceil(pledges * 0.99) - 1)] / 1e6);
  }

  private String apiKey() throws Exception {
    String answer = send("POST", "/api/v1/api-keys", null, """
        {"name": "bench-pledges-%d", "operations": ["donations:pledge"]}""".formatted(System.nanoTime()));
    return answer.replaceAll("(?s).*?\"key\":\"([^\"]+)\".*", "$1");
  }

  private String send(String method, String path, String apiKey, String json) throws Exception {
    return send(method, path, apiKey, json, null);
  }

  private String send(String method, String path, String apiKey, String json, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    } else {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)));
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return answer.body();
  }

  private static String report(List<Burst> bursts) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%d clients, one goods appeal a burst with %d delivery sites, each pledge a process (PostgreSQL)%n%n",
        CLIENTS, SITES))
        .append("| pledges | recorded | boxes pledged = appeal's pledged | seconds | pledges/s | p50, ms | p99, ms |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Burst b : bursts) {
      text.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %.2f | %,.0f | %.0f | %.0f |%n", b.pledges(),
          b.recorded(), b.quantity(), b.seconds(), b.perSecond(), b.p50Millis(), b.p99Millis()));
    }
    return text.toString();
  }
}
