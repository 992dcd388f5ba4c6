package org.gridaid.helprequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.anonymous;
import static org.gridaid.test.Api.as;
import static org.gridaid.test.Api.withKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Outside systems and supervisors over REST, against the running application. */
class HelpRequestApiTests extends ApiTestSupport {

  static final String PARTNER = Api.PARTNER_KEY;

  @Autowired
  JdbcClient jdbc;
  @Autowired
  ManagementService management;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String request(String phone) {
    return """
        {"callerName": "陈先生", "callerPhone": "%s", "address": "礼乐街道中福花园5栋",
         "category": "MEDICINE", "description": "父亲高血压, 降压药明天吃完", "affectedPerson": "陈伯, 80岁",
         "vulnerabilities": ["ELDERLY_ALONE", "CHRONIC_ILLNESS"], "channel": "MINI_PROGRAM"}""".formatted(phone);
  }

  long cases() {
    return jdbc.sql("select count(*) from help_request").query(Long.class).single();
  }

  int submit(String body) {
    return withKey(PARTNER).body(body).post("/api/v1/help-requests").then().statusCode(201).extract().path("id");
  }

  @Test
  void theCategoriesComeWithChineseLabels() {
    withKey(PARTNER).get("/api/v1/help-requests/categories").then().statusCode(200)
        .body("code", contains("MEDICAL_EMERGENCY", "MEDICINE", "LIVING_SUPPLIES", "PERSON_ALONE", "DOOR_SAMPLING",
            "PSYCHOLOGICAL", "QUESTION", "COMPLAINT", "OTHER"))
        .body("find { it.code == 'MEDICINE' }.label", equalTo("药品需求"));
  }

  @Test
  void anOutsideSystemPostsARequestAndGetsItsGridPriorityAndDeadlines() {
    withKey(PARTNER).body(request(HelpRequestScenario.newPhone())).post("/api/v1/help-requests").then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.startsWith("/api/v1/help-requests/"))
        .body("id", notNullValue())
        .body("status", equalTo("ASSIGNED"))
        .body("gridCode", equalTo("JH-LL-ZF-02"))
        .body("priority", equalTo("P2"))
        .body("responseDueAt", notNullValue())
        .body("resolutionDueAt", notNullValue())
        .body("trackingCode", org.hamcrest.Matchers.matchesPattern("HR[0-9A-Z]{10}"));
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyGetsTheSameAnswerAndNoSecondCase() {
    String key = UUID.randomUUID().toString();
    String body = request(HelpRequestScenario.newPhone());
    int first = withKey(PARTNER).header("Idempotency-Key", key).body(body).post("/api/v1/help-requests").then()
        .statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
    long before = cases();

    withKey(PARTNER).header("Idempotency-Key", key).body(body).post("/api/v1/help-requests").then()
        .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
    withKey(PARTNER).header("Idempotency-Key", key).body(request(HelpRequestScenario.newPhone()))
        .post("/api/v1/help-requests").then().statusCode(409).contentType("application/problem+json");

    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void badInputNamesEachFieldAtFaultAndCreatesNothing() {
    long before = cases();
    withKey(PARTNER).body("""
        {"callerName": "%s", "callerPhone": "12345", "gridCode": "JH-NOWHERE-01", "category": "ALIENS",
         "description": "%s", "vulnerabilities": ["ELDERLY_ALONE", "VAMPIRE"]}"""
            .formatted("名".repeat(51), "长".repeat(2001)))
        .post("/api/v1/help-requests").then().statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:validation"))
        .body("errors.field", containsInAnyOrder("callerName", "callerPhone", "gridCode", "category",
            "description", "vulnerabilities[1]"));
    withKey(PARTNER).body("""
        {"callerName": "陈先生", "category": "MEDICINE", "description": "药"}""")
        .post("/api/v1/help-requests").then().statusCode(400)
        .body("errors.field", containsInAnyOrder("callerPhone", "address"));
    withKey(PARTNER).body("{\"callerName\": 5, \"unknownField\": true}").post("/api/v1/help-requests").then()
        .statusCode(400).contentType("application/problem+json");

    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void theCallerReadsStatusAndAPublicTimelineWithoutStaffNamesAndWithThePhoneMasked() {
    String phone = HelpRequestScenario.newPhone();
    int id = submit(request(phone));

    withKey(PARTNER).get("/api/v1/help-requests/" + id).then().statusCode(200)
        .body("status", equalTo("ASSIGNED"))
        .body("statusLabel", equalTo("已派单"))
        .body("callerPhone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
        .body("callerName", nullValue())
        .body("description", nullValue())
        .body("deadlines.responseDueAt", notNullValue())
        .body("deadlines.resolutionDueAt", notNullValue())
        .body("deadlines.nextEscalation.level", equalTo("GRID_LEADER"))
        .body("timeline.type", contains("RECEIVED", "ASSIGNED"))
        .body("timeline.text", hasItem("诉求已受理"))
        .body("timeline.actor", everyItem(nullValue()));

    as("grid-lile-zhongfu-02").get("/api/v1/help-requests/" + id).then().statusCode(200)
        .body("callerPhone", equalTo(phone))
        .body("callerName", equalTo("陈先生"))
        .body("timeline.actor", hasItem("api-key:demo-partner"));
  }

  @Test
  void aCaseIsVisibleOnlyToTheKeyThatSentItAndToStaffOfItsArea() {
    int id = submit(request(HelpRequestScenario.newPhone()));
    String reader = admin().body("{\"name\":\"clinic-" + id + "\",\"operations\":[\"help-requests:read\"]}")
        .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");

    withKey(reader).get("/api/v1/help-requests/" + id).then().statusCode(404);
    withKey(reader).body(request(HelpRequestScenario.newPhone())).post("/api/v1/help-requests").then()
        .statusCode(403);
    as("grid-lile-zhongfu-01").get("/api/v1/help-requests/" + id).then().statusCode(404);
    as("community-lile-zhongfu").get("/api/v1/help-requests/" + id).then().statusCode(200);
    as("street-waihai").get("/api/v1/help-requests/" + id).then().statusCode(404);
    anonymous().get("/api/v1/help-requests/" + id).then().statusCode(401);
  }

  @Test
  void aPartnerThatSendsThePhoneOfAnOpenCaseItCannotSeeLearnsNothingOfThatCase() {
    String phone = HelpRequestScenario.newPhone();
    int open = as("hotline-01").body("""
        {"callerName": "陈先生", "callerPhone": "%s", "gridCode": "JH-LL-ZF-01", "category": "MEDICINE",
         "description": "旧诉求原文"}""".formatted(phone)).post("/api/v1/help-requests").then().statusCode(201)
        .extract().path("id");

    var fresh = withKey(PARTNER).body(request(HelpRequestScenario.newPhone())).post("/api/v1/help-requests").then()
        .statusCode(201).extract();
    var repeated = withKey(PARTNER).body(request(phone)).post("/api/v1/help-requests").then().statusCode(201)
        .extract();

    // answered as any new case: its own id and code, routed, no word of the other case
    java.util.Map<String, Object> answer = repeated.jsonPath().getMap("");
    java.util.Map<String, Object> freshAnswer = fresh.jsonPath().getMap("");
    assertThat(answer.keySet()).isEqualTo(freshAnswer.keySet()).doesNotContain("linkedToId");
    for (String same : java.util.List.of("status", "gridCode", "priority")) {
      assertThat(answer.get(same)).as(same).isEqualTo(freshAnswer.get(same));
    }
    int id = repeated.path("id");
    assertThat(id).isNotEqualTo(open);
    java.util.List<String> freshTimeline = withKey(PARTNER).get("/api/v1/help-requests/" + fresh.path("id")).then()
        .extract().path("timeline.type");
    withKey(PARTNER).get("/api/v1/help-requests/" + id).then().statusCode(200)
        .body("linkedToId", nullValue()).body("timeline.type", equalTo(freshTimeline));
    withKey(PARTNER).get("/api/v1/help-requests/" + open).then().statusCode(404);

    // the open case is as it was; staff who may see both cases find them pointed at each other
    as("hotline-01").get("/api/v1/help-requests/" + open).then().statusCode(200)
        .body("description", equalTo("旧诉求原文")).body("linkedCalls", equalTo(0))
        .body("timeline.findAll { it.type == 'SAME_CALLER_OPEN_CASE' }.detail", contains("#" + id));
    as("community-lile-zhongfu").get("/api/v1/help-requests/" + id).then().statusCode(200)
        .body("timeline.findAll { it.type == 'SAME_CALLER_OPEN_CASE' }.detail", contains("#" + open));
    // the grid the new case went to does not cover the other case's grid: not a word of it either
    as("grid-lile-zhongfu-02").get("/api/v1/help-requests/" + id).then().statusCode(200)
        .body("timeline.type", not(hasItem("SAME_CALLER_OPEN_CASE")));

    // the hotline covers the district: its repeated call is linked, as before
    as("hotline-02").body(request(phone)).post("/api/v1/help-requests").then().statusCode(201)
        .body("status", equalTo("LINKED")).body("linkedToId", equalTo(open));
  }

  @Test
  void aResidentTracksTheirCaseWithTheCodeAloneButOnlySoOftenAMinute() {
    String phone = HelpRequestScenario.newPhone();
    String code = withKey(PARTNER).body(request(phone)).post("/api/v1/help-requests").then().statusCode(201)
        .extract().path("trackingCode");

    anonymous().get("/api/v1/help-requests/track/" + code).then().statusCode(200)
        .body("trackingCode", equalTo(code))
        .body("callerPhone", not(equalTo(phone)))
        .body("timeline.actor", everyItem(nullValue()));
    anonymous().get("/api/v1/help-requests/track/HRNOSUCHCODE").then().statusCode(404);

    int status = 200;
    for (int i = 0; i < 40 && status != 429; i++) {
      status = anonymous().get("/api/v1/help-requests/track/" + code).then().extract().statusCode();
    }
    assertThat(status).isEqualTo(429);
    anonymous().get("/api/v1/help-requests/track/" + code).then().statusCode(429)
        .contentType("application/problem+json").header("Retry-After", notNullValue());
  }

  @Test
  void theCallerCancelsAnOpenCaseWithAReasonAndEveryTaskEnds() {
    int id = submit(request(HelpRequestScenario.newPhone()));

    withKey(PARTNER).body("{}").post("/api/v1/help-requests/" + id + "/cancel").then().statusCode(400)
        .body("errors.field", contains("reason"));
    withKey(PARTNER).body("{\"reason\": \"已在社区药店买到\"}").post("/api/v1/help-requests/" + id + "/cancel").then()
        .statusCode(200).body("status", equalTo("CANCELLED")).body("timeline.type", hasItem("CANCELLED"));

    as("grid-lile-zhongfu-02").get("/engine-rest/task?processInstanceBusinessKey=" + id).then().statusCode(200)
        .body("$", empty());
    withKey(PARTNER).body("{\"reason\": \"again\"}").post("/api/v1/help-requests/" + id + "/cancel").then()
        .statusCode(409);
  }

  @Test
  void staffCompleteTheTasksThroughCamundasRestApiWithTheFormVariables() {
    int id = submit(request(HelpRequestScenario.newPhone()));
    String grid = "grid-lile-zhongfu-02";
    String handleTask = as(grid).get("/engine-rest/task?processInstanceBusinessKey=" + id).then().statusCode(200)
        .body("$", hasSize(1)).body("[0].name", equalTo("网格员处置")).extract().path("[0].id");

    as(grid).body("{\"userId\": \"" + grid + "\"}").post("/engine-rest/task/" + handleTask + "/claim").then()
        .statusCode(204);
    as(grid).body("""
        {"variables": {"outcome": {"value": "RESOLVED"}, "actionTaken": {"value": "已送药到家"}}}""")
        .post("/engine-rest/task/" + handleTask + "/complete").then().statusCode(204);

    String callback = as("hotline-02").get("/engine-rest/task?processInstanceBusinessKey=" + id).then()
        .body("[0].name", equalTo("回访居民")).extract().path("[0].id");
    as("hotline-02").body("""
        {"variables": {"callbackReached": {"value": true}, "residentSatisfied": {"value": true},
                       "callbackNote": {"value": "居民表示感谢"}}}""")
        .post("/engine-rest/task/" + callback + "/complete").then().statusCode(204);

    as(grid).get("/api/v1/help-requests/" + id).then().statusCode(200)
        .body("status", equalTo("CLOSED"))
        .body("outcome", equalTo("RESOLVED"))
        .body("timeline.type", contains("RECEIVED", "ASSIGNED", "RESPONDED", "HANDLED", "CALLBACK", "CLOSED"))
        .body("timeline.find { it.type == 'RESPONDED' }.actor", equalTo(grid))
        .body("timeline.find { it.type == 'CALLBACK' }.actor", equalTo("hotline-02"));
  }

  @Test
  void aMissedResponseDeadlineGivesTheGridLeaderATask() {
    int id = submit(request(HelpRequestScenario.newPhone()));
    String instance = as("demo").get("/engine-rest/process-instance?businessKey=" + id).then().extract()
        .path("[0].id");

    var timer = management.createJobQuery().processInstanceId(instance)
        .activityId(HelpRequestProcess.TIMER_RESPONSE_DEADLINE).singleResult();
    management.executeJob(timer.getId());

    // the leader sees the grid's own task as well, and may take it over
    as("gridleader-lile-zhongfu-02").get("/engine-rest/task?processInstanceBusinessKey=" + id).then()
        .statusCode(200).body("name", containsInAnyOrder("网格员处置", "网格长督办"));
    as("grid-lile-zhongfu-02").get("/engine-rest/task?processInstanceBusinessKey=" + id).then()
        .statusCode(200).body("name", contains("网格员处置"));
    as("grid-lile-zhongfu-02").get("/api/v1/help-requests/" + id).then()
        .body("escalationLevel", equalTo("GRID_LEADER"))
        .body("deadlines.nextEscalation.level", equalTo("COMMUNITY"))
        .body("timeline.find { it.type == 'ESCALATED' }.level", equalTo("GRID_LEADER"));
  }

  @Test
  void aGridWorkerPutsACaseOnHoldFromTheirPhoneAndResumesItWhenTheResidentIsReady() {
    int id = submit(request(HelpRequestScenario.newPhone()));
    String worker = "grid-lile-zhongfu-02";

    as(worker).body("{\"reason\": \"居民下午3点后方便\", \"resumeAt\": \"2000-01-01T15:00\"}")
        .post("/api/v1/help-requests/" + id + "/hold").then().statusCode(400)
        .body("errors.field", contains("resumeAt"));
    String resumeAt = Instant.now().plus(Duration.ofHours(3)).toString();
    as(worker).body("{\"reason\": \"居民下午3点后方便\", \"resumeAt\": \"" + resumeAt + "\"}")
        .post("/api/v1/help-requests/" + id + "/hold").then().statusCode(200)
        .body("status", equalTo("ON_HOLD"))
        .body("deadlines.nextEscalation", nullValue());
    as("grid-lile-zhongfu-01").post("/api/v1/help-requests/" + id + "/resume").then().statusCode(404);

    as(worker).post("/api/v1/help-requests/" + id + "/resume").then().statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("timeline.type", hasItem("RESUMED"));
    as(worker).post("/api/v1/help-requests/" + id + "/resume").then().statusCode(409);
  }

  @Test
  void seeingACaseIsNoLeaveToCancelOrHoldIt() {
    int id = submit(request(HelpRequestScenario.newPhone()));
    String cancel = "{\"reason\": \"不需要了\"}";
    String hold = "{\"reason\": \"居民下午3点后方便\", \"resumeAt\": \""
        + Instant.now().plus(Duration.ofHours(3)) + "\"}";

    as("doctor-01").get("/api/v1/help-requests/" + id).then().statusCode(200);
    for (String seesOnly : new String[] {"doctor-01", "community-lile-zhongfu", "street-lile"}) {
      as(seesOnly).body(cancel).post("/api/v1/help-requests/" + id + "/cancel").then().statusCode(403)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:grid-aid:problem:forbidden"))
          .body("detail", org.hamcrest.Matchers.containsString("district command"));
    }
    for (String seesOnly : new String[] {"doctor-01", "hotline-01", "community-lile-zhongfu", "street-lile"}) {
      as(seesOnly).body(hold).post("/api/v1/help-requests/" + id + "/hold").then().statusCode(403)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:grid-aid:problem:forbidden"));
      as(seesOnly).post("/api/v1/help-requests/" + id + "/resume").then().statusCode(403)
          .contentType("application/problem+json");
    }
    as("grid-lile-zhongfu-02").get("/api/v1/help-requests/" + id).then()
        .body("status", equalTo("ASSIGNED"))
        .body("timeline.type", contains("RECEIVED", "ASSIGNED"));

    // those who handle it: the grid's leader holds it, the district command resumes it, the hotline cancels
    as("gridleader-lile-zhongfu-02").body(hold).post("/api/v1/help-requests/" + id + "/hold").then()
        .statusCode(200).body("status", equalTo("ON_HOLD"))
        .body("timeline.find { it.type == 'ON_HOLD' }.actor", equalTo("gridleader-lile-zhongfu-02"));
    as("command-01").post("/api/v1/help-requests/" + id + "/resume").then().statusCode(200)
        .body("status", equalTo("IN_PROGRESS"));
    as("hotline-01").body(cancel).post("/api/v1/help-requests/" + id + "/cancel").then().statusCode(200)
        .body("status", equalTo("CANCELLED"));
  }

  @Test
  void theDistrictCommandHoldsACaseAWorkerHadClaimedAndTheTaskNamesThem() {
    int id = submit(request(HelpRequestScenario.newPhone()));
    String worker = "grid-lile-zhongfu-02";
    String task = as(worker).get("/engine-rest/task?processInstanceBusinessKey=" + id).then().extract().path("[0].id");
    as(worker).body("{\"userId\": \"" + worker + "\"}").post("/engine-rest/task/" + task + "/claim").then()
        .statusCode(204);

    as("command-01").body("{\"reason\": \"居民外出就医\", \"resumeAt\": \""
            + Instant.now().plus(Duration.ofHours(5)) + "\"}")
        .post("/api/v1/help-requests/" + id + "/hold").then().statusCode(200)
        .body("status", equalTo("ON_HOLD"))
        .body("timeline.find { it.type == 'RESPONDED' }.actor", equalTo(worker))
        .body("timeline.find { it.type == 'ON_HOLD' }.actor", equalTo("command-01"));
    admin().get("/engine-rest/history/task?taskId=" + task).then().statusCode(200)
        .body("[0].assignee", equalTo("command-01"))
        .body("[0].deleteReason", equalTo("completed"));
  }

  @Test
  void supervisorsListTheOverdueCasesOfTheirAreasOnly() {
    int id = submit(request(HelpRequestScenario.newPhone()));

    as("grid-lile-zhongfu-02").get("/api/v1/help-requests?gridCode=JH-LL-ZF-02&size=100").then().statusCode(200)
        .body("items.gridCode", everyItem(equalTo("JH-LL-ZF-02")))
        .body("items.id", hasItem(id));
    as("grid-lile-zhongfu-01").get("/api/v1/help-requests?gridCode=JH-LL-ZF-02").then().statusCode(200)
        .body("items", empty()).body("total", equalTo(0));
    as("grid-lile-zhongfu-02").get("/api/v1/help-requests?overdue=true&size=100").then()
        .body("items.id", not(hasItem(id)));

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2))));
    as("street-lile").get("/api/v1/help-requests?overdue=true&size=100").then().statusCode(200)
        .body("items.id", hasItem(id))
        .body("items.find { it.id == " + id + " }.overdue", equalTo(true));
    as("street-waihai").get("/api/v1/help-requests?overdue=true&size=100").then()
        .body("items.id", not(hasItem(id)));
    withKey(PARTNER).get("/api/v1/help-requests").then().statusCode(403);
    as("grid-lile-zhongfu-02").get("/api/v1/help-requests?size=1000").then().statusCode(400)
        .body("errors.field", contains("size"));
  }
}
