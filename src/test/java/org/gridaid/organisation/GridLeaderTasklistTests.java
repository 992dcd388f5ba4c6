package org.gridaid.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.as;
import static org.gridaid.test.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;

/**
 * A grid leader works their grid's queue in Tasklist as its staff do: the grid's filter shows
 * them the same tasks, and they take a task over from a worker who claimed it. Over
 * /engine-rest, which is Tasklist's own API with the same Camunda authorizations.
 */
class GridLeaderTasklistTests extends ApiTestSupport {

  /** 新创村第2网格: no other test files cases here. */
  static final String GRID = "JH-WH-XC-02";
  static final String GRID_FILTER = "新创村第2网格 · 网格任务";
  static final String WORKER = "grid-waihai-xinchuang-02";
  static final String LEADER = "gridleader-waihai-xinchuang-02";
  static final String OTHER_LEADER = "gridleader-waihai-xinchuang-01";

  static int caseInTheGrid() {
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    return withKey(Api.PARTNER_KEY).body("""
        {"callerName": "赵女士", "callerPhone": "%s", "gridCode": "%s", "category": "LIVING_SUPPLIES",
         "description": "家里米面不够了"}""".formatted(phone, GRID))
        .post("/api/v1/help-requests").then().statusCode(201).extract().path("id");
  }

  static String handlingTask(int caseId) {
    return as(WORKER).get("/engine-rest/task?processInstanceBusinessKey=" + caseId).then().statusCode(200)
        .body("[0].name", equalTo("网格员处置")).extract().path("[0].id");
  }

  static String gridFilter(String user) {
    List<String> ids = as(user).queryParam("name", GRID_FILTER).get("/engine-rest/filter").then().statusCode(200)
        .extract().jsonPath().getList("id");
    assertThat(ids).as("%s reads the filter %s", user, GRID_FILTER).hasSize(1);
    return ids.get(0);
  }

  static int count(String user, String filterId) {
    return as(user).get("/engine-rest/filter/" + filterId + "/count").then().statusCode(200).extract().path("count");
  }

  @Test
  void theGridLeaderSeesTheSameQueueAsTheGridsStaff() {
    int first = caseInTheGrid();
    int second = caseInTheGrid();
    as(WORKER).body("{\"userId\": \"" + WORKER + "\"}").post("/engine-rest/task/" + handlingTask(first) + "/claim")
        .then().statusCode(204);

    String filter = gridFilter(LEADER);
    assertThat(count(LEADER, filter)).isEqualTo(count(WORKER, filter)).isGreaterThanOrEqualTo(2);
    as(LEADER).body("{}").post("/engine-rest/filter/" + filter + "/list").then().statusCode(200)
        .body("id", hasItems(handlingTask(first), handlingTask(second)));
  }

  @Test
  void theGridLeaderTakesATaskOverFromTheWorkerWhoClaimedItAndHandlesIt() {
    int caseId = caseInTheGrid();
    String task = handlingTask(caseId);
    as(WORKER).body("{\"userId\": \"" + WORKER + "\"}").post("/engine-rest/task/" + task + "/claim").then()
        .statusCode(204);

    as(OTHER_LEADER).body("{\"userId\": \"" + OTHER_LEADER + "\"}").post("/engine-rest/task/" + task + "/assignee")
        .then().statusCode(403);
    as(LEADER).body("{\"userId\": \"" + LEADER + "\"}").post("/engine-rest/task/" + task + "/assignee").then()
        .statusCode(204);
    as(LEADER).get("/engine-rest/task/" + task).then().statusCode(200).body("assignee", equalTo(LEADER));

    as(LEADER).body("""
        {"variables": {"outcome": {"value": "RESOLVED"}, "actionTaken": {"value": "网格长送米面上门"}}}""")
        .post("/engine-rest/task/" + task + "/complete").then().statusCode(204);
    as(LEADER).get("/api/v1/help-requests/" + caseId).then().statusCode(200)
        .body("outcome", equalTo("RESOLVED"))
        .body("timeline.find { it.type == 'HANDLED' }.actor", equalTo(LEADER));
  }

  @Test
  void theGridLeaderClaimsAnUnclaimedTaskOfTheGrid() {
    String task = handlingTask(caseInTheGrid());

    as(LEADER).body("{\"userId\": \"" + LEADER + "\"}").post("/engine-rest/task/" + task + "/claim").then()
        .statusCode(204);

    as(LEADER).queryParam("assignee", LEADER).get("/engine-rest/task").then().statusCode(200)
        .body("id", hasItem(task));
  }
}
