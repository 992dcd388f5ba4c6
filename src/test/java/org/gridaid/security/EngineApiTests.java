package org.gridaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.EngineHistory;
import org.gridaid.test.PendingJobs;
import org.gridaid.test.WebappSession;
import static org.gridaid.test.WebappSession.ENGINE_API;
import org.gridaid.shared.PersonalDataCipher;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's REST API as a hostile staff member uses it: their own task and their own start
 * are all they hold, and neither lets them steer a case. The same guard stands in front of the
 * webapps' engine API (see {@code EngineAuthorizationMatrixTests} for every role).
 */
class EngineApiTests extends ApiTestSupport {

  private static final String WORKER = "grid-lile-zhongfu-02";
  private static final String OTHER_WORKER = "grid-lile-zhongfu-01";
  private static final String HANDLE = "userTask_handleRequest";

  @Autowired
  ProcessEngine engine;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  PersonalDataCipher cipher;

  @Test
  void aTaskCannotWriteWhatRoutesOrEscalatesTheCase() {
    long id = newCase(newPhone());
    String task = taskOf(id, HANDLE).getId();
    String instance = taskOf(id, HANDLE).getProcessInstanceId();

    as(WORKER).body("{\"value\": true, \"type\": \"Boolean\"}")
        .put("/engine-rest/task/" + task + "/variables/responded").then().statusCode(403)
        .contentType("application/problem+json");
    as(WORKER).body("{\"modifications\": {\"escalateEvery\": {\"value\": \"P3650D\"}}}")
        .post("/engine-rest/task/" + task + "/variables").then().statusCode(403);
    as(WORKER).body("{\"value\": \"JH-WH-YQ\"}")
        .put("/engine-rest/task/" + task + "/localVariables/communityCode").then().statusCode(403);
    as(WORKER).body("{\"modifications\": {\"responded\": {\"value\": true}}}")
        .post("/engine-rest/process-instance/" + instance + "/variables").then().statusCode(403);
    // a completion takes the form's fields and nothing else
    as(WORKER).body("{\"userId\": \"" + WORKER + "\"}").post("/engine-rest/task/" + task + "/claim").then()
        .statusCode(204);
    as(WORKER).body("""
        {"variables": {"outcome": {"value": "ON_HOLD"}, "holdReason": {"value": "居民外出"},
                       "resumeAt": {"value": "2099-01-01T08:00:00+08:00"},
                       "escalateEvery": {"value": "P3650D"}, "communityCode": {"value": "JH-WH-YQ"},
                       "holdNeedsApproval": {"value": false}}}""")
        .post("/engine-rest/task/" + task + "/complete").then().statusCode(400)
        .body("errors.field", hasItem("escalateEvery")).body("errors.field", hasItem("communityCode"))
        .body("errors.field", hasItem("holdNeedsApproval"))
        .body("errors.field", not(hasItem("outcome")));

    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
    assertThat(runtime.getVariable(instance, "escalateEvery")).isNotEqualTo("P3650D");
    assertThat(runtime.getVariable(instance, "communityCode")).isEqualTo("JH-LL-ZF");
  }

  @Test
  void theGridLeaderStillHearsOfACaseNobodyTook() {
    long id = newCase(newPhone());
    Task task = taskOf(id, HANDLE);
    as(WORKER).body("{\"modifications\": {\"responded\": {\"value\": true}}}")
        .post("/engine-rest/task/" + task.getId() + "/variables").then().statusCode(403);

    management.executeJob(management.createJobQuery().processInstanceId(task.getProcessInstanceId())
        .activityId("timer_responseDeadline").singleResult().getId());

    assertThat(tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey("userTask_gridLeaderFollowUp").count()).isOne();
  }

  @Test
  void aTaskEndsWithABpmnErrorOrEscalationOnlyWhereTheProcessCatchesIt() {
    long id = newCase(newPhone());
    String task = taskOf(id, HANDLE).getId();
    as(WORKER).body("{\"userId\": \"" + WORKER + "\"}").post("/engine-rest/task/" + task + "/claim");

    for (String user : List.of(WORKER, "demo")) {
      as(user).body("{\"errorCode\": \"gone\"}").post("/engine-rest/task/" + task + "/bpmnError").then()
          .statusCode(403);
      as(user).body("{\"escalationCode\": \"gone\"}").post("/engine-rest/task/" + task + "/bpmnEscalation")
          .then().statusCode(403);
    }

    assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
    as(WORKER).get("/api/v1/help-requests/" + id).then().body("status", not(equalTo("CLOSED")));
  }

  @Test
  void nobodyTakesATaskInSomeoneElsesName() {
    long id = newCase(newPhone());
    String task = taskOf(id, HANDLE).getId();

    as(WORKER).body("{\"userId\": \"" + OTHER_WORKER + "\"}").post("/engine-rest/task/" + task + "/claim").then()
        .statusCode(403);
    as(WORKER).body("{\"userId\": \"" + OTHER_WORKER + "\"}").post("/engine-rest/task/" + task + "/assignee").then()
        .statusCode(403);
    as(WORKER).body("{\"userId\": \"" + OTHER_WORKER + "\"}").post("/engine-rest/task/" + task + "/delegate").then()
        .statusCode(403);
    assertThat(taskOf(id, HANDLE).getAssignee()).isNull();

    // an administrator may hand a task to someone, but that is not the worker's first response
    admin().body("{\"userId\": \"" + WORKER + "\"}").post("/engine-rest/task/" + task + "/assignee").then()
        .statusCode(204);
    as(WORKER).get("/api/v1/help-requests/" + id).then().body("timeline.type", not(hasItem("RESPONDED")));

    as(WORKER).body("{\"userId\": null}").post("/engine-rest/task/" + task + "/assignee").then().statusCode(204);
    as(WORKER).body("{\"userId\": \"" + WORKER + "\"}").post("/engine-rest/task/" + task + "/claim").then()
        .statusCode(204);
    as(WORKER).get("/api/v1/help-requests/" + id).then()
        .body("timeline.find { it.type == 'RESPONDED' }.actor", equalTo(WORKER));
  }

  @Test
  void aProcessStartsAtItsStartEventWithTheFieldsOfItsStartForm() {
    long other = newCase(newPhone());
    String start = "/engine-rest/process-definition/key/helpRequest/start";

    as("hotline-01").body("""
        {"businessKey": "%d", "startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}"""
        .formatted(other, HANDLE)).post(start).then().statusCode(400)
        .body("errors.field", hasItem("startInstructions")).body("errors.field", hasItem("businessKey"));
    as("hotline-01").body(startForm(newPhone(), ", \"submittedBy\": {\"value\": \"partner-hotline\"}"))
        .post(start).then().statusCode(400).body("errors.field", equalTo(List.of("submittedBy")));
    as("hotline-01").body(startForm(newPhone(), ", \"gridCode\": {\"value\": \"JH-WH-YQ-01\"}"))
        .post("/engine-rest/process-definition/key/helpRequest/submit-form").then().statusCode(400)
        .body("errors.field", equalTo(List.of("gridCode")));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(other)).count())
        .as("no second task for the other case").isOne();

    String phone = newPhone();
    String started = as("hotline-01").body(startForm(phone, ""))
        .post("/engine-rest/process-definition/key/helpRequest/submit-form").then().statusCode(200).extract().path("id");
    PendingJobs.runForProcess(engine, started);
    assertThat(jdbc.sql("select submitted_by from help_request where caller_phone_hash = ?")
        .param(cipher.lookupHash(phone)).query(String.class).single()).isEqualTo("hotline-01");
  }

  @Test
  void aTaskCompletionWithoutOrWithAWronglyTypedOutcomeIsTheCallersError() {
    long id = newCase(newPhone());
    String task = taskOf(id, HANDLE).getId();
    as(WORKER).body("{\"userId\": \"" + WORKER + "\"}").post("/engine-rest/task/" + task + "/claim");

    complete(task, "{\"actionTaken\": {\"value\": \"已处理\"}}").statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("outcome"));
    complete(task, "{\"outcome\": {\"value\": 5, \"type\": \"Integer\"}}").statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("outcome"));
    assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void noVariableOfAnArbitraryJavaTypeCanBeStored() {
    long id = newCase(newPhone());
    String task = taskOf(id, HANDLE).getId();
    String payload = """
        {"value": "{}", "type": "Object", "valueInfo": {"objectTypeName": "java.lang.ProcessBuilder",
         "serializationDataFormat": "application/json"}}""";

    for (String user : List.of(WORKER, "demo")) {
      as(user).body(payload).put("/engine-rest/task/" + task + "/variables/evil").then()
          .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
              .and(org.hamcrest.Matchers.lessThan(500)));
      as(user).body("{\"variables\": {\"outcome\": " + payload + "}}")
          .post("/engine-rest/task/" + task + "/complete").then().statusCode(400);
    }

    as(WORKER).get("/engine-rest/task/" + task + "/form-variables").then().statusCode(200);
    admin().get("/engine-rest/task/" + task + "/variables").then().statusCode(200);
  }

  @Test
  void formsSubmittedThroughTheEngineApiLeaveNoPersonalDataInItsHistory() {
    String phone = newPhone();
    String started = as("hotline-01").body(startForm(phone, ""))
        .post("/engine-rest/process-definition/key/helpRequest/submit-form").then().statusCode(200).extract().path("id");
    PendingJobs.runForProcess(engine, started);
    long id = jdbc.sql("select id from help_request where caller_phone_hash = ?")
        .param(cipher.lookupHash(phone)).query(Long.class).single();
    String task = taskOf(id, HANDLE).getId();
    as(WORKER).body("{\"userId\": \"" + WORKER + "\"}").post("/engine-rest/task/" + task + "/claim");
    as(WORKER).body("""
        {"variables": {"outcome": {"value": "RESOLVED"}, "actionTaken": {"value": "已给马奶奶送去胰岛素"}}}""")
        .post("/engine-rest/task/" + task + "/submit-form").then().statusCode(204);

    assertThat(new EngineHistory(jdbc).textsContaining(List.of("马奶奶", phone, "东湖花园", "胰岛素", "马爷爷")))
        .as("personal data in the engine's history").isEmpty();
  }

  @Test
  void theWebappsEngineApiHasTheSameGuard() {
    long id = newCase(newPhone());
    String task = ENGINE_API + "/task/" + taskOf(id, HANDLE).getId();
    WebappSession tasklist = WebappSession.signedIn("tasklist", WORKER, "demo");

    tasklist.json().body("{\"userId\": \"" + OTHER_WORKER + "\"}").post(task + "/claim").then().statusCode(403);
    tasklist.json().body("{\"value\": true}").put(task + "/variables/responded").then().statusCode(403);
    tasklist.json().body("{\"errorCode\": \"gone\"}").post(task + "/bpmnError").then().statusCode(403);
    tasklist.json().body("{\"variables\": {\"outcome\": {\"value\": \"RESOLVED\"}, \"communityCode\": {\"value\": \"JH-WH-YQ\"}}}")
        .post(task + "/submit-form").then().statusCode(400).body("errors.field", equalTo(List.of("communityCode")));
    tasklist.json().body("{\"userId\": \"" + WORKER + "\"}").post(task + "/claim").then().statusCode(204);
    tasklist.json().body("{\"variables\": {\"actionTaken\": {\"value\": \"已处理\"}}}").post(task + "/submit-form")
        .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("处置结果"));
    tasklist.json().body("{\"variables\": {\"outcome\": {\"value\": \"RESOLVED\"}, \"actionTaken\": {\"value\": \"已处理\"}}}")
        .post(task + "/submit-form").then().statusCode(204);
  }

  private static String startForm(String phone, String extra) {
    return """
        {"variables": {"callerName": {"value": "马奶奶"}, "callerPhone": {"value": "%s"},
         "address": {"value": "礼乐街道中福花园5栋东湖花园"}, "category": {"value": "MEDICINE"},
         "description": {"value": "胰岛素用完了"}, "affectedPerson": {"value": "马爷爷"},
         "channel": {"value": "HOTLINE"}%s}}""".formatted(phone, extra);
  }

  private ValidatableResponse complete(String task, String variables) {
    return as(WORKER).body("{\"variables\": " + variables + "}").post("/engine-rest/task/" + task + "/complete")
        .then();
  }

  private static String newPhone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  private long newCase(String phone) {
    Map<String, Object> request = Map.of("callerName", "陈先生", "callerPhone", phone,
        "address", "礼乐街道中福花园5栋", "category", "MEDICINE", "description", "父亲高血压, 降压药明天吃完",
        "channel", "HOTLINE");
    return as("hotline-01").body(request).post("/api/v1/help-requests").then().statusCode(201)
        .extract().<Integer>path("id");
  }

  private Task taskOf(long id, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey(key)
        .singleResult();
  }
}
