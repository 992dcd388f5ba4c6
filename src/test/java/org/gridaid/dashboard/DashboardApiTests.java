package org.gridaid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.anonymous;
import static org.gridaid.test.Api.as;
import static org.gridaid.test.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.carepacks.CarePackProcess;
import org.gridaid.checkin.CheckInService;
import org.gridaid.helprequest.HelpRequestProcess;
import org.gridaid.medicine.MedicineDeliveryProcess;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.register.RegisterFixtures;
import org.gridaid.register.RegisterService;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/v1/dashboard}: a seeded set of cases, rounds and deliveries in a community of
 * its own (so that no other test's cases are counted in it), counted while the clock moves on.
 */
class DashboardApiTests extends ApiTestSupport {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired
  AreaDirectory areas;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  RegisterService register;
  @Autowired
  CheckInService checkIns;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A community of 江南街道 with one grid, new for each test. */
  record Fresh(String community, String grid) {}

  Fresh freshCommunity() {
    int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    String community = "JH-JN-T" + n;
    areas.create(new Area(community, "JH-JN", AreaLevel.COMMUNITY, "督办测试社区" + n, "COMMUNITY", null, 90));
    areas.create(new Area(community + "-01", community, AreaLevel.GRID, "督办测试社区" + n + "第1网格", null, null, 1));
    return new Fresh(community, community + "-01");
  }

  long call(String grid, String category) {
    Number id = as("hotline-01").body("""
            {"callerName": "看板测试", "callerPhone": "139%08d", "gridCode": "%s", "category": "%s",
             "description": "看板测试: 居民来电"}""".formatted(ThreadLocalRandom.current().nextInt(100_000_000), grid,
            category))
        .post("/api/v1/help-requests").then().statusCode(201).extract().path("id");
    return id.longValue();
  }

  void fire(String businessKey, String timerId) {
    String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    Job timer = management.createJobQuery().processInstanceId(process).activityId(timerId).singleResult();
    assertThat(timer).as("timer %s of %s", timerId, businessKey).isNotNull();
    management.executeJob(timer.getId());
  }

  static JsonPath board(io.restassured.specification.RequestSpecification as) {
    return as.get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
  }

  static Map<String, Object> row(JsonPath board, String code) {
    return board.getMap("areas.find { it.code == '" + code + "' }");
  }

  @Test
  void countsTheOpenCasesOfAGridByDueStateLevelCategoryAndPriority() {
    Fresh fresh = freshCommunity();
    Instant intake = Instant.now();
    ClockUtil.setCurrentTime(Date.from(intake));
    long medicine = call(fresh.grid(), "MEDICINE"); // P2: first response within 2 h
    long emergency = call(fresh.grid(), "MEDICAL_EMERGENCY"); // P1: first response within 15 min
    call(fresh.grid(), "LIVING_SUPPLIES"); // P3: within 24 h
    long question = call(fresh.grid(), "QUESTION"); // P4, cancelled below: no longer open
    as("hotline-01").body("{\"reason\": \"居民已自行解决\"}").post("/api/v1/help-requests/{id}/cancel", question)
        .then().statusCode(200);

    // 90 minutes later: the emergency's response deadline passed (and its clock escalated it to the
    // grid leader), the medicine's is due within the hour
    ClockUtil.setCurrentTime(Date.from(intake.plus(Duration.ofMinutes(90))));
    fire(String.valueOf(emergency), HelpRequestProcess.TIMER_RESPONSE_DEADLINE);

    JsonPath board = board(as("command-01"));
    Map<String, Object> grid = row(board, fresh.grid());
    assertThat(grid).containsEntry("level", "GRID").containsEntry("parentCode", fresh.community())
        .containsEntry("depth", 3);
    assertThat(board.getMap("areas.find { it.code == '" + fresh.grid() + "' }.helpRequests"))
        .containsEntry("open", 3).containsEntry("dueSoon", 1).containsEntry("overdue", 1);
    String figures = "areas.find { it.code == '" + fresh.grid() + "' }.helpRequests.";
    assertThat(board.getMap(figures + "byLevel")).containsEntry("NONE", 2).containsEntry("GRID_LEADER", 1)
        .containsEntry("COMMUNITY", 0).containsEntry("STREET", 0).containsEntry("DISTRICT", 0);
    assertThat(board.getMap(figures + "overdueByLevel")).containsEntry("GRID_LEADER", 1).containsEntry("NONE", 0);
    assertThat(board.getMap(figures + "byCategory")).containsEntry("MEDICINE", 1)
        .containsEntry("MEDICAL_EMERGENCY", 1).containsEntry("LIVING_SUPPLIES", 1).containsEntry("QUESTION", 0);
    assertThat(board.getMap(figures + "byPriority")).containsEntry("P1", 1).containsEntry("P2", 1)
        .containsEntry("P3", 1).containsEntry("P4", 0);
    assertThat(board.getMap("areas.find { it.code == '" + fresh.community() + "' }.helpRequests"))
        .as("a community counts its grids").containsEntry("open", 3).containsEntry("overdue", 1);
    assertThat(board.getList("areas.code")).as("the district command sees the district first, then every street")
        .startsWith("JH").contains("JH-WH", "JH-LL", "JH-JN");

    // the medicine case is handled in time: no longer on the clock, still open until the call-back
    Task handle = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(medicine))
        .taskDefinitionKey(HelpRequestProcess.TASK_HANDLE_REQUEST).singleResult();
    tasks.claim(handle.getId(), "grid-jiangnan-donghu-01");
    tasks.complete(handle.getId(), Map.of("outcome", "RESOLVED", "actionTaken", "已送药上门"));
    // three hours after intake the emergency's resolution deadline passed too
    ClockUtil.setCurrentTime(Date.from(intake.plus(Duration.ofHours(3))));
    JsonPath later = board(admin());
    assertThat(later.getMap("areas.find { it.code == '" + fresh.grid() + "' }.helpRequests"))
        .containsEntry("open", 3).containsEntry("dueSoon", 0).containsEntry("overdue", 1);
  }

  @Test
  void aStreetOfficeSeesItsStreetOnlyAndAGridLeaderTheirGrid() {
    JsonPath street = board(as("street-lile"));
    assertThat(street.getList("areas.code", String.class)).first().isEqualTo("JH-LL");
    assertThat(street.getList("areas.code", String.class)).allMatch(code -> code.startsWith("JH-LL"))
        .contains("JH-LL-ZF", "JH-LL-ZF-01", "JH-LL-YM");
    assertThat(street.getInt("areas[0].depth")).isZero();

    JsonPath community = board(as("community-waihai-yinquan"));
    assertThat(community.getList("areas.code", String.class)).first().isEqualTo("JH-WH-YQ");
    assertThat(community.getList("areas.code", String.class)).allMatch(code -> code.startsWith("JH-WH-YQ"));

    JsonPath leader = board(as("gridleader-lile-zhongfu-01"));
    assertThat(leader.getList("areas.code", String.class)).containsExactly("JH-LL-ZF-01");

    JsonPath key = board(withKey("demo-partner-key"));
    assertThat(key.getList("areas.code", String.class)).as("an outside system: the whole district")
        .startsWith("JH").contains("JH-WH", "JH-LL", "JH-JN");
  }

  @Test
  void workersOfCasesAndAnonymousCallersGetProblems() {
    as("grid-lile-zhongfu-01").get("/api/v1/dashboard").then().statusCode(403)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:grid-aid:problem:forbidden"));
    as("hotline-01").get("/api/v1/dashboard").then().statusCode(403);
    anonymous().get("/api/v1/dashboard").then().statusCode(401)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void countsTheDaysCheckInRoundsAndTheLateDeliveries() {
    Fresh fresh = freshCommunity();
    RegisterFixtures.listedPerson(register, fresh.grid(), "看板随访", 1, "13700002222");
    LocalDate day = LocalDate.now(CHINA).plusYears(12).plusDays(ThreadLocalRandom.current().nextInt(300));
    checkIns.prepare(day);
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(CHINA).toInstant()));
    JsonPath board = board(admin());
    assertThat(board.getString("checkInDay")).isEqualTo(day.toString());
    assertThat(board.getMap("areas.find { it.code == '" + fresh.grid() + "' }.checkIns"))
        .containsEntry("completed", 0).containsEntry("open", 1).containsEntry("missed", 0);

    long round = ((Number) admin().queryParam("gridCode", fresh.grid()).get("/api/v1/check-ins/today").then()
        .statusCode(200).extract().path("id")).longValue();

    // before the next morning's lists go out the day is still the same; then the round closes missed
    // (what the round's closing timer does) and the next day counts it as the day before's
    ClockUtil.setCurrentTime(Date.from(day.plusDays(1).atTime(7, 0).atZone(CHINA).toInstant()));
    assertThat(board(admin()).getString("checkInDay")).isEqualTo(day.toString());
    checkIns.closeMissed(round);
    ClockUtil.setCurrentTime(Date.from(day.plusDays(1).atTime(9, 0).atZone(CHINA).toInstant()));
    JsonPath nextDay = board(admin());
    assertThat(nextDay.getString("checkInDay")).isEqualTo(day.plusDays(1).toString());
    assertThat(nextDay.getMap("areas.find { it.code == '" + fresh.grid() + "' }.checkIns"))
        .containsEntry("missedDayBefore", 1);

    // a delivery whose courier is late at the door
    ClockUtil.reset();
    long delivery = ((Number) as("hotline-01").body("""
            {"recipientName": "看板测试", "recipientPhone": "138%08d", "recipientAddress": "看板测试楼",
             "gridCode": "%s", "lines": [{"itemCode": "MED-IBUPROFEN", "quantity": 1}]}"""
            .formatted(ThreadLocalRandom.current().nextInt(100_000_000), fresh.grid()))
        .post("/api/v1/medicine-requests").then().statusCode(201).extract().path("id")).longValue();
    String key = MedicineDeliveryProcess.businessKey(delivery);
    Task pickUp = tasks.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(MedicineDeliveryProcess.TASK_PICK_UP).singleResult();
    tasks.claim(pickUp.getId(), "volunteer-jiangnan-01");
    tasks.complete(pickUp.getId());
    assertThat(board(admin()).getLong("areas.find { it.code == '" + fresh.grid() + "' }.lateDeliveries")).isZero();
    fire(key, MedicineDeliveryProcess.TIMER_DELIVERY_LATE);
    JsonPath late = board(admin());
    assertThat(late.getLong("areas.find { it.code == '" + fresh.grid() + "' }.lateDeliveries")).isEqualTo(1);
    assertThat(late.getLong("areas.find { it.code == '" + fresh.community() + "' }.lateDeliveries")).isEqualTo(1);
    assertThat(List.of(late.getLong("areas.find { it.code == 'JH-JN' }.lateDeliveries"))).allMatch(n -> n >= 1);
  }

  static final String WORKER_PASSWORD = "Kb7-dashboard-Pw!";

  /** A grid worker of the fresh grid, signed in with a password of their own; returns the user id. */
  static String gridWorker(String grid) {
    String userId = "dashboard-worker-" + ThreadLocalRandom.current().nextInt(1_000_000);
    admin().body(Map.of("userId", userId, "displayName", "看板测试网格员", "role", "GRID_STAFF", "areaCode", grid,
        "employment", "PART_TIME", "initialPassword", WORKER_PASSWORD)).post("/api/v1/staff").then().statusCode(201);
    return userId;
  }

  @Test
  void countsTheRunningCampaignsPacksOverTheGridsBelowEachArea() {
    Fresh fresh = freshCommunity();
    for (String name : List.of("看板发放甲", "看板发放乙", "看板发放丙")) {
      RegisterFixtures.listedPerson(register, fresh.grid(), name, 1, null);
    }
    String worker = gridWorker(fresh.grid());
    long campaign = ((Number) as("command-01").body(Map.of("name", "看板测试早餐包", "areaCodes", List.of(fresh.grid()),
            "packTypes", List.of("BREAKFAST"))).post("/api/v1/campaigns").then().statusCode(201).extract().path("id"))
        .longValue();

    JsonPath planned = board(as("command-01"));
    assertThat(planned.getMap("areas.find { it.code == '" + fresh.grid() + "' }.carePacks"))
        .as("three households, one breakfast pack each, nobody at a door yet")
        .containsEntry("campaigns", 1).containsEntry("planned", 3).containsEntry("delivered", 0)
        .containsEntry("notYetDelivered", 3).containsEntry("missed", 0);

    // the warehouse hands the packs over; at the doors one household takes its pack, one refuses, one is out
    Task handOver = tasks.createTaskQuery().processInstanceBusinessKey(CarePackProcess.businessKey(campaign))
        .taskDefinitionKey(CarePackProcess.TASK_HAND_OVER).singleResult();
    tasks.complete(handOver.getId());
    List<Integer> households = as(worker, WORKER_PASSWORD)
        .get("/api/v1/campaigns/{id}/grids/{grid}/households", campaign, fresh.grid()).then().statusCode(200)
        .extract().path("householdId");
    assertThat(households).hasSize(3);
    as(worker, WORKER_PASSWORD).body(Map.of("deliveries", List.of(
            Map.of("householdId", households.get(0), "outcome", "DELIVERED"),
            Map.of("householdId", households.get(1), "outcome", "REFUSED"),
            Map.of("householdId", households.get(2), "outcome", "NOT_AT_HOME"))))
        .post("/api/v1/campaigns/{id}/deliveries", campaign).then().statusCode(200);

    JsonPath board = board(as("command-01"));
    for (String area : List.of(fresh.grid(), fresh.community())) {
      assertThat(board.getMap("areas.find { it.code == '" + area + "' }.carePacks")).as(area)
          .containsEntry("campaigns", 1).containsEntry("planned", 3).containsEntry("delivered", 1)
          .containsEntry("notYetDelivered", 1).containsEntry("missed", 1);
    }
    JsonPath report = as("command-01").get("/api/v1/campaigns/{id}", campaign).then().statusCode(200).extract()
        .jsonPath();
    assertThat(List.of(report.getInt("totals.householdsPlanned"), report.getInt("totals.delivered"),
        report.getInt("totals.missed"))).as("the campaign's own report counts the same").containsExactly(3, 1, 1);
    Map<String, Object> street = board.getMap("areas.find { it.code == 'JH-JN' }.carePacks");
    assertThat(((Number) street.get("campaigns")).longValue()).as("the street counts the campaign too")
        .isGreaterThanOrEqualTo(1);
    assertThat(((Number) street.get("planned")).longValue()).isEqualTo(((Number) street.get("delivered")).longValue()
        + ((Number) street.get("notYetDelivered")).longValue() + ((Number) street.get("missed")).longValue());

    JsonPath otherStreet = board(as("street-lile"));
    assertThat(otherStreet.getList("areas.code", String.class)).doesNotContain(fresh.grid());
  }
}
