package org.gridaid.carepacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.organisation.Employment;
import org.gridaid.organisation.Staff;
import org.gridaid.organisation.StaffRole;
import org.gridaid.organisation.StaffService;
import org.gridaid.supplies.Receipt;
import org.gridaid.supplies.StockLedger;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sealed village of the seeds (domain.md flow 3), day one, end to end through the API and
 * Tasklist's engine API: a village of 12 grids and 7,300 households; the street office sends a
 * living-supply pack to every household (over REST) and a breakfast pack to the 3,000 households
 * of five grids (from Tasklist's start form); the warehouse hands each grid its packs in Tasklist;
 * six grids record their doors with a phone app, six in Tasklist's household list, the breakfast
 * grids in Tasklist; doors nobody opened get a second attempt and the last one the grid leader
 * (不漏一户). The report accounts for every household, and the stock ledger agrees to the item.
 */
class CarePackVillageScenarioTests extends ApiTestSupport {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String STREET_OFFICE = "street-jiangnan";
  static final String WAREHOUSE = "warehouse-01";
  static final String PASSWORD = "Hx3-village-Pw!";
  static final int GRIDS = 12;
  static final int HOUSEHOLDS = 7_300;
  static final String[] ITEMS = {"FOOD-RICE", "FOOD-NOODLES", "HYG-DISINFECTANT", "PPE-MASK", "FOOD-FRUIT",
      "FOOD-NUTS", "FOOD-MILK", "FOOD-MEAT", "FOOD-VEGETABLES", "FOOD-BREAD", "FOOD-EGGS", "CARD-MESSAGE"};

  @Autowired
  AreaDirectory areas;
  @Autowired
  StaffService staff;
  @Autowired
  StockLedger ledger;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtime;

  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  void theSealedVillageGetsItsPacksDoorToDoorOnDayOneAndTheLedgerAgrees() throws Exception {
    LocalDate day1 = LocalDate.now(CHINA).plusDays(1);
    ClockUtil.setCurrentTime(Date.from(day1.atTime(LocalTime.of(7, 0)).atZone(CHINA).toInstant()));
    String village = "JH-JN-V" + ThreadLocalRandom.current().nextInt(100, 1000);
    List<String> grids = village(village);
    importHouseholds(village, grids);
    Map<String, Integer> stockBefore = new HashMap<>();
    for (String item : ITEMS) {
      ledger.receive(new Receipt("WH-JH", item, 30_000, null, null, "封控村备货", null), "test", null);
      stockBefore.put(item, ledger.level("WH-JH", item).onHand());
    }

    // 07:00 the street office: a living-supply pack for every household, over REST
    long living = ((Number) as(STREET_OFFICE).body(Map.of("name", "封控首日生活物资包", "areaCodes", List.of(village),
            "packTypes", List.of("LIVING_SUPPLIES")))
        .post("/api/v1/campaigns").then().statusCode(201)
        .body("totals.householdsPlanned", equalTo(HOUSEHOLDS)).body("grids", hasSize(GRIDS))
        .body("grids.status", everyItem(equalTo("PREPARING"))).extract().path("id")).longValue();
    // and the breakfast packs of five grids (3,044 households), from Tasklist's start form
    List<String> breakfastGrids = grids.subList(0, 5);
    String started = as(STREET_OFFICE).body(Map.of("variables", Map.of("campaignName", Map.of("value", "封控首日早餐包"),
            "areaCodes", Map.of("value", String.join("、", breakfastGrids)), "livingSupplies", Map.of("value", false),
            "breakfast", Map.of("value", true), "deadlineHours", Map.of("value", 12))))
        .post("/engine-rest/process-definition/key/carePackCampaign/submit-form").then().statusCode(200)
        .extract().path("id");
    management.createJobQuery().processInstanceId(started).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
    long breakfast = CarePackProcess.campaignIdOf(runtime.createProcessInstanceQuery().processInstanceId(started)
        .singleResult().getBusinessKey());
    as(STREET_OFFICE).get("/api/v1/campaigns/{id}", breakfast).then().statusCode(200)
        .body("name", equalTo("封控首日早餐包")).body("totals.householdsPlanned", equalTo(3_044))
        .body("grids.status", everyItem(equalTo("PREPARING")));

    // the warehouse hands each grid its packs in Tasklist
    for (long campaign : List.of(living, breakfast)) {
      for (Task handOver : tasks(campaign, CarePackProcess.TASK_HAND_OVER)) {
        as(WAREHOUSE).body(Map.of("userId", WAREHOUSE)).post("/engine-rest/task/" + handOver.getId() + "/claim")
            .then().statusCode(204);
        as(WAREHOUSE).body(Map.of("variables", Map.of())).post("/engine-rest/task/" + handOver.getId() + "/complete")
            .then().statusCode(204);
      }
    }

    // the doors: grids 1-6 with the phone app, 7-12 in Tasklist; a few nobody opens, one refuses, one moved
    ClockUtil.setCurrentTime(Date.from(day1.atTime(LocalTime.of(15, 0)).atZone(CHINA).toInstant()));
    for (int g = 0; g < GRIDS; g++) {
      String grid = grids.get(g);
      List<Integer> ids = as(worker(grid), PASSWORD).get("/api/v1/campaigns/{id}/grids/{grid}/households", living, grid)
          .then().statusCode(200).extract().path("householdId");
      Map<Integer, String> outcomes = new LinkedHashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        outcomes.put(ids.get(i), i % 100 == 7 ? "NOT_AT_HOME" : i == 3 ? "REFUSED" : i == 4 ? "MOVED" : "DELIVERED");
      }
      if (g < 6) {
        List<Map<String, Object>> doors = new ArrayList<>();
        outcomes.forEach((id, outcome) -> doors.add(Map.of("householdId", id, "outcome", outcome)));
        for (int from = 0; from < doors.size(); from += 500) {
          as(worker(grid), PASSWORD).body(Map.of("deliveries", doors.subList(from, Math.min(doors.size(), from + 500))))
              .post("/api/v1/campaigns/{id}/deliveries", living).then().statusCode(200);
        }
        completeList(living, CarePackProcess.TASK_DELIVER, grid, worker(grid), Map.of());
      } else {
        completeList(living, CarePackProcess.TASK_DELIVER, grid, worker(grid), outcomes);
      }
    }
    for (String grid : breakfastGrids) {
      completeList(breakfast, CarePackProcess.TASK_DELIVER, grid, worker(grid), null);
    }
    as(STREET_OFFICE).get("/api/v1/campaigns/{id}", living).then().statusCode(200)
        .body("totals.notVisited", equalTo(0)).body("totals.missed", equalTo(2 * GRIDS));

    // the second attempt: everybody is home now, but for one household of the first grid: its grid leader
    for (String grid : grids) {
      Map<Integer, String> second = new HashMap<>();
      for (Map<String, Object> row : rows(living, CarePackProcess.TASK_FOLLOW_UP, grid, worker(grid))) {
        second.put((Integer) row.get("householdId"), second.isEmpty() && grid.equals(grids.get(0)) ? "NOT_AT_HOME"
            : "DELIVERED");
      }
      completeList(living, CarePackProcess.TASK_FOLLOW_UP, grid, worker(grid), second);
    }
    Map<Integer, String> last = new HashMap<>();
    rows(living, CarePackProcess.TASK_LEADER_FOLLOW_UP, grids.get(0), leader(grids.get(0)))
        .forEach(row -> last.put((Integer) row.get("householdId"), "NOT_AT_HOME"));
    assertThat(last).hasSize(1);
    completeList(living, CarePackProcess.TASK_LEADER_FOLLOW_UP, grids.get(0), leader(grids.get(0)), last);

    // the report: every household accounted for; the ledger agrees to the item
    int missed = 2 * GRIDS + 1;
    var report = as(STREET_OFFICE).get("/api/v1/campaigns/{id}", living).then().statusCode(200)
        .body("completed", equalTo(true)).body("ledgerAgrees", equalTo(true))
        .body("totals.householdsPlanned", equalTo(HOUSEHOLDS)).body("totals.delivered", equalTo(HOUSEHOLDS - missed))
        .body("totals.missed", equalTo(missed)).body("totals.notVisited", equalTo(0))
        .body("totals.packsIssued", equalTo(HOUSEHOLDS)).body("totals.packsReturned", equalTo(missed))
        .extract();
    as(STREET_OFFICE).get("/api/v1/campaigns/{id}", breakfast).then().statusCode(200)
        .body("completed", equalTo(true)).body("ledgerAgrees", equalTo(true))
        .body("totals.delivered", equalTo(3_044)).body("totals.packsReturned", equalTo(0));
    Map<String, Integer> deliveredItems = new HashMap<>();
    for (long campaign : List.of(living, breakfast)) {
      List<Map<String, Object>> items = as(STREET_OFFICE).get("/api/v1/campaigns/{id}", campaign).then().extract()
          .path("items");
      items.forEach(i -> deliveredItems.merge((String) i.get("itemCode"), (Integer) i.get("delivered"), Integer::sum));
    }
    for (String item : ITEMS) {
      assertThat(ledger.level("WH-JH", item).onHand()).as("%s at the warehouse: less exactly what reached doors", item)
          .isEqualTo(stockBefore.get(item) - deliveredItems.getOrDefault(item, 0));
    }
    String csv = as(STREET_OFFICE).get("/api/v1/campaigns/{id}/export", living).then().statusCode(200).extract()
        .asString();
    assertThat(csv).contains("合计").contains(String.valueOf(HOUSEHOLDS - missed));
    assertThat(report.<List<String>>path("rows.gridCode")).containsAll(grids);
  }

  /** 12 grids of a village of 江南街道, each with a grid worker and a grid leader. */
  List<String> village(String code) {
    areas.create(new Area(code, "JH-JN", AreaLevel.COMMUNITY, "封控村" + code.substring(code.length() - 3), "VILLAGE",
        null, 90));
    List<String> grids = new ArrayList<>();
    for (int g = 1; g <= GRIDS; g++) {
      String grid = code + "-%02d".formatted(g);
      areas.create(new Area(grid, code, AreaLevel.GRID, "第" + g + "网格", null, null, g));
      staff.register(new Staff(worker(grid), "网格员" + g, StaffRole.GRID_STAFF, grid, Employment.FULL_TIME),
          PASSWORD, "test");
      staff.register(new Staff(leader(grid), "网格长" + g, StaffRole.GRID_LEADER, grid, Employment.FULL_TIME),
          PASSWORD, "test");
      grids.add(grid);
    }
    return grids;
  }

  static String worker(String grid) {
    return "worker-" + grid.toLowerCase();
  }

  static String leader(String grid) {
    return "leader-" + grid.toLowerCase();
  }

  /** The village's register, imported as the street office would: 5% hardship, 3% quarantined households. */
  void importHouseholds(String village, List<String> grids) {
    StringBuilder csv = new StringBuilder("\uFEFF地址,网格编码,户人数,救助类别\n");
    for (int h = 0; h < HOUSEHOLDS; h++) {
      csv.append("封控村").append(village).append("-").append(h / 50).append("巷")
          .append(h % 50).append("号,").append(grids.get(h % GRIDS)).append(',').append(1 + h % 5).append(',')
          .append(h % 20 == 0 ? "HARDSHIP" : h % 33 == 1 ? "QUARANTINED" : "ORDINARY").append('\n');
    }
    Api.admin().contentType("multipart/form-data")
        .multiPart("file", "village.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
        .post("/api/v1/register/import?atomic=true").then().statusCode(200).body("created", equalTo(HOUSEHOLDS));
  }

  List<Task> tasks(long campaign, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(CarePackProcess.businessKey(campaign))
        .taskDefinitionKey(key).list();
  }

  String taskOf(long campaign, String key, String grid) {
    return tasks(campaign, key).stream().filter(t -> grid.equals(tasks.getVariable(t.getId(), "gridCode")))
        .findFirst().orElseThrow(() -> new AssertionError("no task " + key + " of " + grid)).getId();
  }

  /** The list as Tasklist loads it for the task. */
  List<Map<String, Object>> rows(long campaign, String key, String grid, String user) throws Exception {
    String task = taskOf(campaign, key, grid);
    Object value = as(user, PASSWORD).get("/engine-rest/task/" + task
            + "/form-variables?variableNames=households&deserializeValues=false")
        .then().statusCode(200).extract().path("households.value");
    return value instanceof String text ? json.readValue(text, new TypeReference<>() {})
        : json.convertValue(value, new TypeReference<>() {});
  }

  /**
   * Tasklist: the grid's worker (or leader) claims the list and submits it with an outcome picked
   * per household ({@code outcomes} null: every row delivered; empty: the list as it came).
   */
  void completeList(long campaign, String key, String grid, String user, Map<Integer, String> outcomes)
      throws Exception {
    String task = taskOf(campaign, key, grid);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : rows(campaign, key, grid, user)) {
      Map<String, Object> sent = new LinkedHashMap<>(row);
      String outcome = outcomes == null ? "DELIVERED" : outcomes.get((Integer) row.get("householdId"));
      if (outcome != null) {
        sent.put("outcome", outcome);
      }
      rows.add(sent);
    }
    as(user, PASSWORD).body(Map.of("userId", user)).post("/engine-rest/task/" + task + "/claim").then()
        .statusCode(204);
    as(user, PASSWORD).body(Map.of("variables", Map.of("households", Map.of("value", json.writeValueAsString(rows),
            "type", "Json")))).post("/engine-rest/task/" + task + "/complete").then().statusCode(204);
  }
}
