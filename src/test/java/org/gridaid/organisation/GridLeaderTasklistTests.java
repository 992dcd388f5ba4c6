package org.gridaid.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.as;
import static org.gridaid.test.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist opens on each role's own queue, with filters of what is due within the hour and what
 * is overdue; a grid leader works their grid's queue as its staff do: the grid's filter shows
 * them the same tasks, and they take a task over from a worker who claimed it. Over
 * /engine-rest, which is Tasklist's own API with the same Camunda authorizations.
 */
class GridLeaderTasklistTests extends ApiTestSupport {

  @Autowired
  TaskService tasks;

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

  /** The filters a user reads, in Tasklist's order (by their priority): the first is selected when it opens. */
  static List<String> filtersInOrder(String user) {
    List<java.util.Map<String, Object>> readable = as(user).queryParam("resourceType", "Task")
        .get("/engine-rest/filter").then().statusCode(200).extract().jsonPath().getList("");
    return readable.stream()
        .sorted(java.util.Comparator.comparingInt(f -> ((Number) ((java.util.Map<?, ?>) f.get("properties"))
            .get("priority")).intValue()))
        .map(f -> (String) f.get("name")).toList();
  }

  @Test
  void tasklistOpensOnEachRolesOwnQueue() {
    assertThat(filtersInOrder(WORKER)).first().isEqualTo(GRID_FILTER);
    assertThat(filtersInOrder(LEADER)).startsWith("新创村第2网格 · 网格长督办", GRID_FILTER, "我的待办")
        .contains("新创村第2网格 · 网格长督办 · 即将超期", "新创村第2网格 · 网格任务 · 已超期");
    assertThat(filtersInOrder("hotline-01")).startsWith("热线任务", "我的待办");
    assertThat(filtersInOrder("community-waihai-xinchuang")).startsWith("新创村 · 社区(村)任务", "我的待办",
        "新创村 · 社区(村)任务 · 即将超期", "新创村 · 社区(村)任务 · 已超期");
    assertThat(filtersInOrder("command-01")).startsWith("区指挥部任务", "我的待办", "区指挥部任务 · 即将超期");
  }

  @Test
  void theDeadlineFiltersShowWhatIsDueWithinTheHourAndWhatIsOverdue() {
    String task = handlingTask(caseInTheGrid());
    java.util.Date due = tasks.createTaskQuery().taskId(task).singleResult().getDueDate();
    String dueSoon = filter(LEADER, GRID_FILTER + " · 即将超期");
    String overdue = filter(LEADER, GRID_FILTER + " · 已超期");
    try {
      assertThat(listed(WORKER, dueSoon)).as("due in more than an hour").doesNotContain(task);
      ClockUtil.setCurrentTime(new java.util.Date(due.getTime() - java.time.Duration.ofMinutes(30).toMillis()));
      assertThat(listed(WORKER, dueSoon)).contains(task);
      assertThat(listed(LEADER, overdue)).doesNotContain(task);
      ClockUtil.setCurrentTime(new java.util.Date(due.getTime() + java.time.Duration.ofMinutes(1).toMillis()));
      assertThat(listed(LEADER, overdue)).contains(task);
      assertThat(listed(LEADER, dueSoon)).doesNotContain(task);
    } finally {
      ClockUtil.reset();
    }
  }

  static String filter(String user, String name) {
    List<String> ids = as(user).queryParam("name", name).get("/engine-rest/filter").then().statusCode(200)
        .extract().jsonPath().getList("id");
    assertThat(ids).as("%s reads the filter %s", user, name).hasSize(1);
    return ids.get(0);
  }

  static List<String> listed(String user, String filterId) {
    return as(user).body("{}").post("/engine-rest/filter/" + filterId + "/list?maxResults=1000").then()
        .statusCode(200).extract().jsonPath().getList("id");
  }
}
