package org.gridaid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
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
import org.gridaid.checkin.CheckInMorning;
import org.gridaid.checkin.CheckInProcess;
import org.gridaid.checkin.CheckInService;
import org.gridaid.checkin.MissedRoundProcess;
import org.gridaid.medicine.MedicineDeliveryProcess;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Cockpit plugin's resource, behind the webapps' session: the signed-in user's areas only,
 * the same figures as the REST API, and the cases behind a figure.
 */
class DashboardPluginResourceTests extends ApiTestSupport {

  static final String BOARD = "/camunda/api/cockpit/plugin/" + DashboardCockpitPlugin.ID + "/default/board";
  static final String CASES = "/camunda/api/cockpit/plugin/" + DashboardCockpitPlugin.ID + "/default/cases";
  static final String ROUNDS = "/camunda/api/cockpit/plugin/" + DashboardCockpitPlugin.ID + "/default/rounds";
  static final String DELIVERIES = "/camunda/api/cockpit/plugin/" + DashboardCockpitPlugin.ID + "/default/deliveries";
  static final String CAMPAIGNS = "/camunda/api/cockpit/plugin/" + DashboardCockpitPlugin.ID + "/default/campaigns";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  CheckInService checkIns;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theSignedInUserSeesTheBoardOfTheirAreasAsTheApiHasIt() {
    JsonPath command = WebappSession.signedIn("cockpit", "command-01", "demo").get(BOARD).then().statusCode(200)
        .extract().jsonPath();
    JsonPath api = as("command-01").get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    assertThat(command.getList("areas")).isEqualTo(api.getList("areas"));

    // a street office (which does not open Cockpit today) would see its street only
    JsonPath street = WebappSession.signedIn("tasklist", "street-waihai", "demo").get(BOARD).then().statusCode(200)
        .extract().jsonPath();
    assertThat(street.getList("areas.code", String.class)).first().isEqualTo("JH-WH");
    assertThat(street.getList("areas.code", String.class)).allMatch(code -> code.startsWith("JH-WH"));
  }

  @Test
  void whoDoesNotSuperviseOrIsNotSignedInIsRefused() {
    WebappSession.signedIn("tasklist", "grid-lile-zhongfu-01", "demo").get(BOARD).then().statusCode(403)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:grid-aid:problem:forbidden"));
    int anonymous = RestAssured.given().get(BOARD).statusCode();
    assertThat(anonymous).as("Camunda's webapp filter: no session, no plugin API").isIn(401, 403);
  }

  @Test
  void aFigureOpensItsCasesWithinTheUsersAreasOnly() {
    Number id = as("hotline-01").body("""
            {"callerName": "看板测试", "callerPhone": "139%08d", "gridCode": "JH-WH-XC-02", "category": "COMPLAINT",
             "description": "看板测试: 居民来电"}""".formatted(ThreadLocalRandom.current().nextInt(100_000_000)))
        .post("/api/v1/help-requests").then().statusCode(201).extract().path("id");

    WebappSession command = WebappSession.signedIn("cockpit", "command-01", "demo");
    JsonPath cases = command.json().queryParam("area", "JH-WH-XC-02").queryParam("category", "COMPLAINT")
        .queryParam("level", "NONE").get(CASES).then().statusCode(200).extract().jsonPath();
    assertThat(cases.getList("cases.id", Long.class)).contains(id.longValue());
    assertThat(cases.getList("cases.gridCode", String.class)).containsOnly("JH-WH-XC-02");
    assertThat(cases.getString("cases.find { it.id == " + id + " }.processInstanceId")).isNotBlank();
    assertThat(cases.getList("cases.category", String.class)).containsOnly("COMPLAINT");

    WebappSession otherStreet = WebappSession.signedIn("tasklist", "street-lile", "demo");
    otherStreet.json().queryParam("area", "JH-WH-XC-02").get(CASES).then().statusCode(404);
    List<Long> ownStreet = otherStreet.json().get(CASES).then().statusCode(200).extract().jsonPath()
        .getList("cases.id", Long.class);
    assertThat(ownStreet).doesNotContain(id.longValue());
    command.json().queryParam("due", "LATE").get(CASES).then().statusCode(400)
        .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("due"));
  }

  @Test
  void aCheckInFigureOpensItsRoundsEachWithItsProcessInstance() {
    // a morning of its own: every grid with people due gets its round in the day's process
    LocalDate day = LocalDate.now(CHINA).plusYears(15).plusDays(ThreadLocalRandom.current().nextInt(300));
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(CHINA).toInstant()));
    CheckInMorning.comes(management, runtime);
    String morning = runtime.createProcessInstanceQuery().processDefinitionKey(CheckInProcess.KEY)
        .variableValueEquals(CheckInProcess.DAY.getName(), day.toString()).singleResult().getId();

    WebappSession command = WebappSession.signedIn("cockpit", "command-01", "demo");
    JsonPath open = command.json().queryParam("area", "JH-WH-YQ").queryParam("status", "OPEN")
        .queryParam("day", day.toString()).get(ROUNDS).then().statusCode(200).extract().jsonPath();
    assertThat(open.getList("rounds.gridCode", String.class)).isNotEmpty().allMatch(g -> g.startsWith("JH-WH-YQ-"));
    assertThat(open.getList("rounds.status", String.class)).containsOnly("OPEN");
    assertThat(open.getList("rounds.processInstanceId", String.class)).as("the day's process").containsOnly(morning);
    long round = open.getLong("rounds[0].id");
    assertThat(open.getString("rounds[0].gridName")).isNotBlank();
    assertThat(open.getInt("rounds[0].listed")).isPositive();

    // the round nobody finished closes missed: its row opens the community's follow-up
    checkIns.closeMissed(round);
    String followUp = runtime.createProcessInstanceQuery().processDefinitionKey(MissedRoundProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(round)).singleResult().getId();
    JsonPath missed = command.json().queryParam("area", "JH-WH-YQ").queryParam("status", "MISSED")
        .queryParam("day", day.toString()).get(ROUNDS).then().statusCode(200).extract().jsonPath();
    assertThat(missed.getList("rounds.id", Long.class)).containsExactly(round);
    assertThat(missed.getString("rounds[0].processInstanceId")).isEqualTo(followUp);

    // another street's office sees its own rounds only
    WebappSession otherStreet = WebappSession.signedIn("tasklist", "street-lile", "demo");
    otherStreet.json().queryParam("area", "JH-WH-YQ").queryParam("day", day.toString()).get(ROUNDS).then()
        .statusCode(404).contentType(startsWith("application/problem+json"));
    List<String> ownGrids = otherStreet.json().queryParam("day", day.toString()).get(ROUNDS).then().statusCode(200)
        .extract().jsonPath().getList("rounds.gridCode", String.class);
    assertThat(ownGrids).isNotEmpty().allMatch(grid -> grid.startsWith("JH-LL-"));
  }

  @Test
  void aLateDeliveryFigureOpensTheLateDeliveriesEachWithItsProcessInstance() {
    long delivery = ((Number) as("hotline-01").body("""
            {"recipientName": "看板测试", "recipientPhone": "138%08d", "recipientAddress": "看板测试楼",
             "gridCode": "JH-WH-XC-02", "lines": [{"itemCode": "MED-IBUPROFEN", "quantity": 1}]}"""
            .formatted(ThreadLocalRandom.current().nextInt(100_000_000)))
        .post("/api/v1/medicine-requests").then().statusCode(201).extract().path("id")).longValue();
    String key = MedicineDeliveryProcess.businessKey(delivery);
    String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
    Task pickUp = tasks.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(MedicineDeliveryProcess.TASK_PICK_UP).singleResult();
    tasks.claim(pickUp.getId(), "volunteer-waihai-01");
    tasks.complete(pickUp.getId());
    WebappSession command = WebappSession.signedIn("cockpit", "command-01", "demo");
    assertThat(command.json().queryParam("area", "JH-WH-XC-02").get(DELIVERIES).then().statusCode(200).extract()
        .jsonPath().getList("deliveries.id", Long.class)).as("on its way, not late").doesNotContain(delivery);

    Job late = management.createJobQuery().processInstanceId(process)
        .activityId(MedicineDeliveryProcess.TIMER_DELIVERY_LATE).singleResult();
    management.executeJob(late.getId());
    JsonPath deliveries = command.json().queryParam("area", "JH-WH-XC").get(DELIVERIES).then().statusCode(200)
        .extract().jsonPath();
    String row = "deliveries.find { it.id == " + delivery + " }.";
    assertThat(deliveries.getString(row + "processInstanceId")).isEqualTo(process);
    assertThat(deliveries.getString(row + "gridCode")).isEqualTo("JH-WH-XC-02");
    assertThat(deliveries.getList(row + "lateSteps", String.class)).containsExactly("配送超时, 已报街道督办");
    assertThat(deliveries.getString(row + "statusLabel")).isEqualTo("配送中");
    assertThat(deliveries.prettify()).as("no word of the recipient").doesNotContain("看板测试楼", "看板测试\"");

    WebappSession otherStreet = WebappSession.signedIn("tasklist", "street-lile", "demo");
    otherStreet.json().queryParam("area", "JH-WH-XC-02").get(DELIVERIES).then().statusCode(404)
        .contentType(startsWith("application/problem+json"));
    assertThat(otherStreet.json().get(DELIVERIES).then().statusCode(200).extract().jsonPath()
        .getList("deliveries.id", Long.class)).doesNotContain(delivery);
  }

  @Test
  void aCampaignFigureOpensTheCampaignsGridsEachWithItsProcessInstance() {
    long campaign = ((Number) as("command-01").body(Map.of("name", "看板测试生活物资包", "areaCodes",
            List.of("JH-WH-XC-02"), "packTypes", List.of("LIVING_SUPPLIES"))).post("/api/v1/campaigns").then()
        .statusCode(201).extract().path("id")).longValue();
    String process = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(CarePackProcess.businessKey(campaign)).singleResult().getId();

    WebappSession command = WebappSession.signedIn("cockpit", "command-01", "demo");
    JsonPath grids = command.json().queryParam("area", "JH-WH-XC").queryParam("progress", "NOT_YET_DELIVERED")
        .get(CAMPAIGNS).then().statusCode(200).extract().jsonPath();
    String row = "grids.find { it.campaignId == " + campaign + " }.";
    assertThat(grids.getString(row + "gridCode")).isEqualTo("JH-WH-XC-02");
    assertThat(grids.getString(row + "campaignName")).isEqualTo("看板测试生活物资包");
    assertThat(grids.getString(row + "processInstanceId")).isEqualTo(process);
    assertThat(grids.getLong(row + "planned")).isPositive().isEqualTo(grids.getLong(row + "notYetDelivered"));
    assertThat(command.json().queryParam("area", "JH-WH-XC").queryParam("progress", "DELIVERED").get(CAMPAIGNS)
        .then().statusCode(200).extract().jsonPath().getList("grids.campaignId", Long.class))
        .as("nothing delivered yet").doesNotContain(campaign);

    WebappSession otherStreet = WebappSession.signedIn("tasklist", "street-lile", "demo");
    otherStreet.json().queryParam("area", "JH-WH-XC-02").get(CAMPAIGNS).then().statusCode(404)
        .contentType(startsWith("application/problem+json"));
    assertThat(otherStreet.json().get(CAMPAIGNS).then().statusCode(200).extract().jsonPath()
        .getList("grids.gridCode", String.class)).allMatch(grid -> grid.startsWith("JH-LL-"));
    WebappSession.signedIn("tasklist", "grid-lile-zhongfu-01", "demo").get(CAMPAIGNS).then().statusCode(403)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void badParametersAreProblemsNamingTheParameter() {
    WebappSession command = WebappSession.signedIn("cockpit", "command-01", "demo");
    Map<String, Map<String, String>> bad = Map.of(
        ROUNDS + " status", Map.of("status", "LATE"),
        ROUNDS + " day", Map.of("day", "tomorrow"),
        ROUNDS + " day of no calendar", Map.of("day", "2026-02-30"),
        CAMPAIGNS + " progress", Map.of("progress", "ALL"),
        CASES + " level", Map.of("level", "MAYOR"),
        CASES + " priority", Map.of("priority", "P9"));
    bad.forEach((what, query) -> {
      String path = what.split(" ")[0];
      String parameter = query.keySet().iterator().next();
      command.json().queryParams(query).get(path).then().statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("urn:grid-aid:problem:validation"))
          .body("errors.field", hasItem(parameter));
    });
    for (String path : List.of(ROUNDS, DELIVERIES, CAMPAIGNS)) {
      command.json().queryParam("area", "JH-NOWHERE").get(path).then().statusCode(404)
          .contentType(startsWith("application/problem+json"));
      int anonymous = RestAssured.given().get(path).statusCode();
      assertThat(anonymous).as("%s without a session", path).isIn(401, 403);
    }
  }
}
