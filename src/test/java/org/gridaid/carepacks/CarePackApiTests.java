package org.gridaid.carepacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.supplies.StockLedger;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A street office starts a campaign over REST, grid workers' phones post the doors, anybody who sees it reads the report. */
class CarePackApiTests extends ApiTestSupport {

  static final String GRID = "JH-LL-YM-01";
  static final String OTHER_GRID = "JH-LL-YM-02";
  static final String WORKER = "grid-lile-yongming-01";

  @Autowired
  TaskService tasks;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  StockLedger ledger;
  @Autowired
  RuntimeService runtime;

  long start(String... grids) {
    return ((Number) as("street-lile").body(Map.of("name", "永明社区生活物资包", "areaCodes", List.of(grids),
            "packTypes", List.of("LIVING_SUPPLIES", "BREAKFAST")))
        .post("/api/v1/campaigns").then().statusCode(201)
        .header("Location", startsWith("/api/v1/campaigns/"))
        .body("grids.status", hasItem("PREPARING")).extract().path("id")).longValue();
  }

  /** The warehouse hands the grid's packs over in Tasklist. */
  void handOver(long id, String grid) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(CarePackProcess.businessKey(id))
        .taskDefinitionKey(CarePackProcess.TASK_HAND_OVER).list().stream()
        .filter(t -> grid.equals(tasks.getVariable(t.getId(), "gridCode"))).findFirst().orElseThrow();
    tasks.complete(task.getId(), Map.of());
  }

  List<Integer> households(long id, String grid, String as) {
    return as(as).get("/api/v1/campaigns/{id}/grids/{grid}/households", id, grid).then().statusCode(200)
        .extract().path("householdId");
  }

  @Test
  void aGridWorkersPhonePostsDoorsInBulkAndARetryCountsNothingTwice() {
    long id = start(GRID, OTHER_GRID);
    handOver(id, GRID);
    List<Integer> ids = households(id, GRID, WORKER);
    Map<String, Object> body = Map.of("deliveries", List.of(
        Map.of("householdId", ids.get(0), "outcome", "DELIVERED"),
        Map.of("householdId", ids.get(1), "packType", "BREAKFAST", "outcome", "DELIVERED"),
        Map.of("householdId", ids.get(2), "outcome", "NOT_AT_HOME")));

    as(WORKER).body(body).post("/api/v1/campaigns/{id}/deliveries", id).then().statusCode(200)
        .body("recorded", equalTo(5)).body("unchanged", equalTo(0));
    as(WORKER).body(body).post("/api/v1/campaigns/{id}/deliveries", id).then().statusCode(200)
        .body("recorded", equalTo(0)).body("unchanged", equalTo(5));

    int households = households(id, GRID, WORKER).size() + households(id, OTHER_GRID, "street-lile").size();
    as("street-lile").get("/api/v1/campaigns/{id}", id).then().statusCode(200)
        .body("totals.households", equalTo(households))
        .body("totals.householdsPlanned", equalTo(2 * households))
        .body("totals.delivered", equalTo(3))
        .body("rows.findAll { it.gridCode == '" + GRID + "' }.notAtHome.sum()", equalTo(2))
        .body("ledgerAgrees", equalTo(true));
  }

  @Test
  void anUnknownHouseholdAnotherGridsHouseholdAndTakingBackADeliveryAreRefusedByNameAndNothingIsWritten() {
    long id = start(GRID, OTHER_GRID);
    handOver(id, GRID);
    handOver(id, OTHER_GRID);
    int mine = households(id, GRID, WORKER).get(0);
    int theirs = households(id, OTHER_GRID, "grid-lile-yongming-02").get(0);
    as(WORKER).body(Map.of("deliveries", List.of(Map.of("householdId", mine, "outcome", "DELIVERED"))))
        .post("/api/v1/campaigns/{id}/deliveries", id).then().statusCode(200);
    String before = snapshot(id);

    as(WORKER).body(Map.of("deliveries", List.of(Map.of("householdId", 999_999_999, "outcome", "DELIVERED"),
            Map.of("householdId", theirs, "outcome", "DELIVERED"),
            Map.of("householdId", mine, "outcome", "NOT_AT_HOME"))))
        .post("/api/v1/campaigns/{id}/deliveries", id).then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("deliveries[0].householdId", "deliveries[1].householdId",
            "deliveries[2].outcome", "deliveries[2].outcome")));

    assertThat(snapshot(id)).as("nothing written").isEqualTo(before);
  }

  @Test
  void aStreetOfficeStartsOnlyInItsStreetAndTheHotlineNotAtAll() {
    as("street-lile").body(Map.of("name", "越界", "areaCodes", List.of("JH-WH-YQ-01"), "packTypes",
            List.of("BREAKFAST")))
        .post("/api/v1/campaigns").then().statusCode(400).body("errors.field", hasItem("areaCodes[0]"));
    as("hotline-01").body(Map.of("name", "热线", "areaCodes", List.of(GRID), "packTypes", List.of("BREAKFAST")))
        .post("/api/v1/campaigns").then().statusCode(403).contentType("application/problem+json");
    as("street-lile").body(Map.of("name", "两次", "areaCodes", List.of(GRID), "packTypes",
            List.of("BREAKFAST", "BREAKFAST")))
        .post("/api/v1/campaigns").then().statusCode(400).body("errors.field", hasItem("packTypes[1]"));
  }

  @Test
  void theReportIsACsvFileAndTheHouseholdListIsTheGridsOwn() {
    long id = start(GRID);
    String csv = as("command-01").get("/api/v1/campaigns/{id}/export", id).then().statusCode(200)
        .contentType(startsWith("text/csv")).extract().asString();
    assertThat(csv).startsWith("\uFEFF类别").contains(GRID).contains("合计").contains("暖心卡");
    as(WORKER).get("/api/v1/campaigns/{id}/grids/{grid}/households", id, GRID).then().statusCode(200)
        .body("$", hasSize(jdbc.sql("select count(*) from care_pack_delivery where campaign_id = ? and pack_type = ?")
            .params(id, "BREAKFAST").query(Integer.class).single()))
        .body("[0].address", startsWith(""));
    as("warehouse-01").get("/api/v1/campaigns/{id}/grids/{grid}/households", id, GRID).then().statusCode(403);
    as("grid-waihai-yinquan-01").get("/api/v1/campaigns/{id}", id).then().statusCode(404);
  }

  @Test
  void aStartSentAgainWithTheSameKeyIsTheFirstCampaignAndReservesNothingAgain() {
    String key = "campaign-retry-" + System.nanoTime();
    Map<String, Object> body = Map.of("name", "永明社区早餐包", "areaCodes", List.of(OTHER_GRID),
        "packTypes", List.of("BREAKFAST"));
    var first = as("street-lile").header("Idempotency-Key", key).body(body).post("/api/v1/campaigns").then()
        .statusCode(201).header("Idempotent-Replayed", "false").body("grids.status", hasItem("PREPARING")).extract();
    long id = ((Number) first.path("id")).longValue();
    List<String> items = first.path("items.itemCode");
    Map<String, Integer> reserved = reservedAtTheWarehouse(items);
    long campaigns = campaigns();
    long processes = runtime.createProcessInstanceQuery().processDefinitionKey(CarePackProcess.KEY).count();

    // the answer got lost; the street office's client sends the same start again
    as("street-lile").header("Idempotency-Key", key).body(body).post("/api/v1/campaigns").then()
        .statusCode(201).header("Idempotent-Replayed", "true").header("Location", "/api/v1/campaigns/" + id)
        .body("id", equalTo((int) id))
        .body("totals.householdsPlanned", equalTo(first.path("totals.householdsPlanned")));

    assertThat(campaigns()).as("no second campaign").isEqualTo(campaigns);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CarePackProcess.KEY).count())
        .as("no second process").isEqualTo(processes);
    assertThat(reservedAtTheWarehouse(items)).as("nothing reserved again for a second pack per household")
        .isEqualTo(reserved);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(CarePackProcess.businessKey(id))
        .taskDefinitionKey(CarePackProcess.TASK_HAND_OVER).count()).as("one hand-over of the grid").isEqualTo(1);

    // the key is the caller's: the district command's same key starts a campaign of its own
    long theirs = ((Number) as("command-01").header("Idempotency-Key", key).body(body).post("/api/v1/campaigns").then()
        .statusCode(201).header("Idempotent-Replayed", "false").extract().path("id")).longValue();
    assertThat(theirs).isNotEqualTo(id);
  }

  @Test
  void theSameKeyWithAnotherCampaignIsAConflictAndStartsNothing() {
    String key = "campaign-other-" + System.nanoTime();
    var first = as("street-lile").header("Idempotency-Key", key).body(Map.of("name", "永明社区早餐包",
            "areaCodes", List.of(OTHER_GRID), "packTypes", List.of("BREAKFAST")))
        .post("/api/v1/campaigns").then().statusCode(201).extract();
    List<String> items = first.path("items.itemCode");
    Map<String, Integer> reserved = reservedAtTheWarehouse(items);
    long campaigns = campaigns();

    as("street-lile").header("Idempotency-Key", key).body(Map.of("name", "永明社区生活物资包",
            "areaCodes", List.of(OTHER_GRID), "packTypes", List.of("BREAKFAST")))
        .post("/api/v1/campaigns").then().statusCode(409).contentType("application/problem+json");

    assertThat(campaigns()).isEqualTo(campaigns);
    assertThat(reservedAtTheWarehouse(items)).isEqualTo(reserved);
  }

  @Test
  void retriesSentAtTheSameMomentAreOneCampaign() throws Exception {
    String key = "campaign-race-" + System.nanoTime();
    Map<String, Object> body = Map.of("name", "永明社区早餐包", "areaCodes", List.of(OTHER_GRID),
        "packTypes", List.of("BREAKFAST"));
    long campaigns = campaigns();
    int retries = 4;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(retries);
    try {
      List<Future<Number>> answers = new ArrayList<>();
      for (int i = 0; i < retries; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return as("street-lile").header("Idempotency-Key", key).body(body).post("/api/v1/campaigns").then()
              .statusCode(201).extract().<Number>path("id");
        }));
      }
      go.countDown();
      Set<Long> ids = new HashSet<>();
      for (Future<Number> answer : answers) {
        ids.add(answer.get().longValue());
      }
      assertThat(ids).as("every retry is answered with the one campaign").hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(campaigns()).isEqualTo(campaigns + 1);
  }

  /** The campaigns of this grid are served by the district warehouse: what it has promised of each item. */
  Map<String, Integer> reservedAtTheWarehouse(List<String> items) {
    Map<String, Integer> reserved = new LinkedHashMap<>();
    items.forEach(item -> reserved.put(item, ledger.level("WH-JH", item).reserved()));
    return reserved;
  }

  long campaigns() {
    return jdbc.sql("select count(*) from care_pack_campaign").query(Long.class).single();
  }

  String snapshot(long id) {
    return jdbc.sql("select household_id, pack_type, outcome, attempt, final from care_pack_delivery"
        + " where campaign_id = ? order by household_id, pack_type").param(id).query().listOfRows().toString();
  }
}
