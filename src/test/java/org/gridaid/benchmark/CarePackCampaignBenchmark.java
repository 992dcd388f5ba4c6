package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.gridaid.carepacks.CarePackProcess;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.organisation.Staff;
import org.gridaid.organisation.StaffRole;
import org.gridaid.organisation.StaffService;
import org.gridaid.supplies.Receipt;
import org.gridaid.supplies.StockLedger;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A care-pack campaign at the size of a sealed town: 100,000 households in 200 grids (a generated
 * register, imported as a street office would), both pack types (200,000 packs). Measures the
 * register import (households/s), the campaign's start over {@code POST /api/v1/campaigns} until
 * its answer (planning done: every household's rows, the contents per kind of household, every
 * grid's stock reserved at the district warehouse, and every grid's sub-process running at its
 * hand-over task), and the grid workers' bulk recording over {@code POST
 * /api/v1/campaigns/{id}/deliveries} (households/s, 16 phones at once, 100 households a post, a
 * first round of "not at home" and a second of "delivered"). On PostgreSQL; not part of the test
 * suite: {@code ./mvnw test -Pbenchmark -Dtest=CarePackCampaignBenchmark}. The figures go to the
 * console and to target/benchmark/care-pack-campaign.md.
 */
@Tag("benchmark")
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // a database of its own: 100,000 households would change the other benchmarks' counts
    "gridaid.benchmark=care-packs",
    "spring.datasource.hikari.maximum-pool-size=40",
    "camunda.bpm.job-execution.enabled=false",
    "logging.level.org.gridaid=WARN",
    "logging.level.org.gridaid.carepacks=INFO"})
class CarePackCampaignBenchmark {

  static final String STREET = "JH-YC";
  static final int COMMUNITIES = 10;
  static final int GRIDS_PER_COMMUNITY = 20;
  static final int HOUSEHOLDS = 100_000;
  static final int PHONES = 16;
  static final int PER_POST = 100;
  static final String[] ITEMS = {"FOOD-RICE", "FOOD-NOODLES", "HYG-DISINFECTANT", "PPE-MASK", "FOOD-FRUIT",
      "FOOD-NUTS", "FOOD-MILK", "FOOD-MEAT", "FOOD-VEGETABLES", "FOOD-BREAD", "FOOD-EGGS", "CARD-MESSAGE"};

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  AreaDirectory areas;
  @Autowired
  StaffService staff;
  @Autowired
  StockLedger ledger;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper json = new ObjectMapper();

  record Round(String name, int households, int posts, double seconds) {
    double perSecond() {
      return households / seconds;
    }
  }

  @Test
  void aHundredThousandHouseholdsInTwoHundredGrids() throws Exception {
    assertThat(TestDatabaseInitializer.onPostgres()).as("the benchmark runs on PostgreSQL").isTrue();
    List<String> grids = town();
    for (String item : ITEMS) {
      ledger.receive(new Receipt("WH-JH", item, 400_000, null, null, "压测备货", null), "benchmark",
          "care-pack-benchmark-" + item);
    }

    // warm-up, not counted: a campaign over a demo grid (the contents table's first evaluation, the JIT)
    HttpResponse<String> warmUp = send("command-01", "POST", "/api/v1/campaigns", """
        {"name": "预热", "areaCodes": ["JH-LL-ZF-01"], "packTypes": ["LIVING_SUPPLIES", "BREAKFAST"]}""");
    assertThat(warmUp.statusCode()).as(warmUp.body()).isEqualTo(201);

    // the register of the town
    long started = System.nanoTime();
    JsonNode imported = upload(households(grids));
    double importSeconds = seconds(started);
    assertThat(imported.path("created").asInt()).isEqualTo(HOUSEHOLDS);

    // the campaign: planning done and every grid's sub-process at its hand-over
    ResourceMeter meter = new ResourceMeter(jdbc);
    ResourceMeter.Reading beforeStart = meter.read();
    started = System.nanoTime();
    HttpResponse<String> answer = send("command-01", "POST", "/api/v1/campaigns", """
        {"name": "压测街道封控首日物资包", "areaCodes": ["%s"], "packTypes": ["LIVING_SUPPLIES", "BREAKFAST"]}"""
        .formatted(STREET));
    double startSeconds = seconds(started);
    ResourceMeter.Cost startCost = beforeStart.to(meter.read());
    started = System.nanoTime();
    HttpResponse<String> live = send("command-01", "GET", "/api/v1/campaigns/" + json.readTree(answer.body()).path("id")
        .asLong(), "");
    double reportSeconds = seconds(started);
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    JsonNode campaign = json.readTree(answer.body());
    long id = campaign.path("id").asLong();
    assertThat(campaign.path("totals").path("householdsPlanned").asInt()).isEqualTo(2 * HOUSEHOLDS);
    String business = CarePackProcess.businessKey(id);
    long handOvers = tasks.createTaskQuery().processInstanceBusinessKey(business)
        .taskDefinitionKey(CarePackProcess.TASK_HAND_OVER).count();
    long subProcesses = runtime.createExecutionQuery().processInstanceBusinessKey(business)
        .activityId(CarePackProcess.TASK_HAND_OVER).count();
    assertThat(handOvers).as("every grid covered and waiting for its hand-over").isEqualTo(grids.size());
    assertThat(subProcesses).isEqualTo(grids.size());

    // the phones of 16 grids, whose packs the warehouse handed over
    List<String> phoneGrids = grids.subList(0, PHONES);
    List<String> staffed = jdbc.sql("select user_id from staff where role = 'GRID_STAFF' and active order by user_id")
        .query(String.class).list();
    List<String> workers = staffed.subList(0, PHONES);
    for (int i = 0; i < PHONES; i++) {
      Staff worker = staff.get(workers.get(i));
      staff.update(new Staff(worker.userId(), worker.displayName(), StaffRole.GRID_STAFF, phoneGrids.get(i),
          worker.employment()), "benchmark");
    }
    tasks.createTaskQuery().processInstanceBusinessKey(business).taskDefinitionKey(CarePackProcess.TASK_HAND_OVER)
        .list().stream().filter(t -> phoneGrids.contains(tasks.getVariable(t.getId(), "gridCode")))
        .forEach(t -> tasks.complete(t.getId()));
    List<List<Long>> doors = new ArrayList<>();
    for (String grid : phoneGrids) {
      doors.add(jdbc.sql("select distinct household_id from care_pack_delivery where campaign_id = ? and grid_code = ?"
          + " order by household_id").params(id, grid).query(Long.class).list());
    }
    // no warm-up of its own: the first round (not at home) is timed and reported like the others,
    // so it carries the recording path's first posts (JIT, pools); only the second round's
    // resources are metered
    List<Round> rounds = new ArrayList<>();
    rounds.add(record(id, workers, doors, "NOT_AT_HOME", "first round: not at home"));
    ResourceMeter.Reading beforeDelivered = meter.read();
    rounds.add(record(id, workers, doors, "DELIVERED", "second round: delivered"));
    ResourceMeter.Cost deliveredCost = beforeDelivered.to(meter.read());
    rounds.add(record(id, workers, doors, "DELIVERED", "the second round sent again (a retry: nothing changes)"));
    int delivered = jdbc.sql("select count(*) from care_pack_delivery where campaign_id = ? and outcome = 'DELIVERED'")
        .param(id).query(Integer.class).single();
    int expected = doors.stream().mapToInt(List::size).sum() * 2;
    assertThat(delivered).as("every pack of the 16 grids, once").isEqualTo(expected);

    String tasklist = doorToDoorListInTasklist(business, grids.get(PHONES), staffed.get(PHONES));
    String report = report(grids.size(), importSeconds, startSeconds, handOvers, rounds)
        + String.format(Locale.ROOT, "%nThe live report of the campaign (GET /api/v1/campaigns/{id}): %.2f s.%n",
        reportSeconds) + tasklist + "\nWhat the machine spent:\n\n" + ResourceMeter.Cost.header("step")
        + startCost.perUnit("campaign start, a household planned (both pack types)", HOUSEHOLDS)
        + deliveredCost.perUnit("bulk recording, a household delivered (both packs)",
            doors.stream().mapToInt(List::size).sum());
    System.out.println(report);
    Path file = Path.of("target", "benchmark", "care-pack-campaign.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
  }

  /**
   * A grid worker's 入户发放 in Tasklist at 500 households: what Tasklist loads to open the task
   * (its form variables, the list among them; 12 times), and every household's outcome sent back
   * as the form sends it.
   */
  private String doorToDoorListInTasklist(String business, String grid, String worker) throws Exception {
    Staff member = staff.get(worker);
    staff.update(new Staff(member.userId(), member.displayName(), StaffRole.GRID_STAFF, grid, member.employment()),
        "benchmark");
    tasks.createTaskQuery().processInstanceBusinessKey(business).taskDefinitionKey(CarePackProcess.TASK_HAND_OVER)
        .list().stream().filter(t -> grid.equals(tasks.getVariable(t.getId(), "gridCode")))
        .forEach(t -> tasks.complete(t.getId()));
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(business)
        .taskDefinitionKey(CarePackProcess.TASK_DELIVER).list().stream()
        .filter(t -> grid.equals(tasks.getVariable(t.getId(), "gridCode"))).findFirst().orElseThrow().getId();
    tasks.claim(taskId, worker);
    List<Double> opened = new ArrayList<>();
    JsonNode rows = null;
    for (int i = 0; i < 12; i++) {
      long started = System.nanoTime();
      HttpResponse<String> variables = send(worker, "GET", "/engine-rest/task/" + taskId
          + "/form-variables?deserializeValues=false", "");
      opened.add(seconds(started));
      assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
      JsonNode value = json.readTree(variables.body()).path("households").path("value");
      rows = value.isTextual() ? json.readTree(value.asText()) : value;
      assertThat(rows.isArray()).as("the list of 入户发放: %s", variables.body().substring(0,
          Math.min(600, variables.body().length()))).isTrue();
    }
    for (JsonNode row : rows) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) row).put("outcome", "DELIVERED");
    }
    var submit = json.createObjectNode();
    submit.putObject("variables").putObject("households").put("type", "Json").put("value", json.writeValueAsString(rows));
    long started = System.nanoTime();
    HttpResponse<String> submitted = send(worker, "POST", "/engine-rest/task/" + taskId + "/submit-form",
        json.writeValueAsString(submit));
    double submitSeconds = seconds(started);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    opened.sort(Double::compare);
    return String.format(Locale.ROOT, "%nTasklist, 入户发放 with %d households: opening it (form variables) %.2f s at"
        + " the median, %.2f s at most (12 times); %d outcomes sent back as the form sends them: %.2f s.%n",
        rows.size(), opened.get(opened.size() / 2), opened.get(opened.size() - 1), rows.size(), submitSeconds);
  }

  /** 压测街道: 10 communities of 20 grids each. */
  private List<String> town() {
    List<String> grids = new ArrayList<>();
    areas.create(new Area(STREET, "JH", AreaLevel.STREET, "压测街道", null, null, 99));
    for (int c = 1; c <= COMMUNITIES; c++) {
      String community = STREET + "-C%02d".formatted(c);
      areas.create(new Area(community, STREET, AreaLevel.COMMUNITY, "压测村" + c, "VILLAGE", null, c));
      for (int g = 1; g <= GRIDS_PER_COMMUNITY; g++) {
        String grid = community + "-%02d".formatted(g);
        areas.create(new Area(grid, community, AreaLevel.GRID, "压测村" + c + "第" + g + "网格", null, null, g));
        grids.add(grid);
      }
    }
    return grids;
  }

  /** 500 households a grid: 5% hardship, 3% quarantined, the rest villagers; 1 to 5 people each. */
  private static String households(List<String> grids) {
    StringBuilder csv = new StringBuilder("\uFEFF地址,网格编码,户人数,救助类别\n");
    for (int h = 0; h < HOUSEHOLDS; h++) {
      csv.append("压测村").append(h / 100).append("巷").append(h % 100).append("号,")
          .append(grids.get(h % grids.size())).append(',').append(1 + h % 5).append(',')
          .append(h % 20 == 0 ? "HARDSHIP" : h % 33 == 1 ? "QUARANTINED" : "ORDINARY").append('\n');
    }
    return csv.toString();
  }

  /** Each phone posts its grid's households, 100 a post, all phones at once. */
  private Round record(long id, List<String> workers, List<List<Long>> doors, String outcome, String name)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PHONES);
    try {
      List<Future<Integer>> posts = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 0; i < PHONES; i++) {
        String worker = workers.get(i);
        List<Long> households = doors.get(i);
        posts.add(pool.submit(() -> {
          int sent = 0;
          for (int from = 0; from < households.size(); from += PER_POST) {
            StringBuilder body = new StringBuilder("{\"deliveries\": [");
            for (int k = from; k < Math.min(households.size(), from + PER_POST); k++) {
              body.append(k == from ? "" : ",").append("{\"householdId\": ").append(households.get(k))
                  .append(", \"outcome\": \"").append(outcome).append("\"}");
            }
            HttpResponse<String> answer = send(worker, "POST", "/api/v1/campaigns/" + id + "/deliveries",
                body.append("]}").toString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            sent++;
          }
          return sent;
        }));
      }
      int requests = 0;
      for (Future<Integer> post : posts) {
        requests += post.get();
      }
      return new Round(name, doors.stream().mapToInt(List::size).sum(), requests, seconds(started));
    } finally {
      pool.shutdown();
    }
  }

  private JsonNode upload(String csv) throws Exception {
    String boundary = "gridaid-benchmark-" + System.nanoTime();
    byte[] body = (("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"register.csv\"\r\n"
        + "Content-Type: text/csv; charset=UTF-8\r\n\r\n") + csv + "\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/register/import"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", basic("demo"))
        .timeout(Duration.ofMinutes(20)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("Authorization", basic(user)).timeout(Duration.ofMinutes(5))
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static String report(int grids, double importSeconds, double startSeconds, long running,
      List<Round> rounds) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%d households in %d grids, both pack types (%d packs), on PostgreSQL.%n%n", HOUSEHOLDS, grids,
        2 * HOUSEHOLDS))
        .append("| step | households | seconds | households/s |\n|---|---|---|---|\n")
        .append(String.format(Locale.ROOT, "| register import (multipart CSV) | %d | %.1f | %.0f |%n", HOUSEHOLDS,
            importSeconds, HOUSEHOLDS / importSeconds))
        .append(String.format(Locale.ROOT,
            "| campaign start: planned, stock reserved, %d grid sub-processes running | %d | %.1f | %.0f |%n",
            running, HOUSEHOLDS, startSeconds, HOUSEHOLDS / startSeconds));
    for (Round r : rounds) {
      text.append(String.format(Locale.ROOT, "| bulk recording, %d phones, %d a post: %s (%d posts) | %d | %.1f | %.0f |%n",
          PHONES, PER_POST, r.name(), r.posts(), r.households(), r.seconds(), r.perSecond()));
    }
    return text.toString();
  }
}
