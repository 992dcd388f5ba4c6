package org.gridaid.shared.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.withKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's list and count of a group's queue, answered in front of Camunda, are Camunda's own
 * answer: the same tasks in the same order, the same HAL, the same count; for a group with tasks
 * the worker may and may not read, taken, suspended, of a process and standalone. Camunda's own
 * answer is asked with a body that only Camunda answers ({@code "orQueries": []} changes nothing).
 */
class GroupQueueReadsTests extends ApiTestSupport {

  static final String PASSWORD = "queue-reads-password-1";
  static final String TASKLIST_BODY = """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,\
      "sorting":[{"sortBy":"%s","sortOrder":"%s"}],"active":true%s}""";

  @Autowired
  ProcessEngine engine;
  @Autowired
  FilterService filters;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  ObjectMapper json;
  @Autowired
  MeterRegistry meters;

  String group;
  String worker;
  String filterId;
  WebappSession tasklist;
  final List<String> standalone = new ArrayList<>();
  String suspendedInstance;

  /**
   * A group of its own with its queue's filter, as every area group has one, and a member: the
   * queue holds this test's tasks only, so that the order of equal values (the database's, for
   * Camunda) never decides a comparison.
   */
  @BeforeEach
  void aGroupWithItsOwnQueue() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    group = "queue-reads-" + suffix;
    worker = "queue-reader-" + suffix;
    IdentityService identity = engine.getIdentityService();
    identity.saveGroup(identity.newGroup(group));
    User user = identity.newUser(worker);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(worker, group);
    grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // as staff read the definitions of their processes: Tasklist shows the process's name
    grant(Resources.PROCESS_DEFINITION, "helpRequest", Permissions.READ);
    Filter filter = filters.newTaskFilter("队列测试 " + suffix)
        .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
    filterId = filters.saveFilter(filter).getId();
    grant(Resources.FILTER, filterId, Permissions.READ);
    tasklist = WebappSession.signedIn("tasklist", worker, PASSWORD);
  }

  @AfterEach
  void removeTheGroupAndItsTasks() {
    standalone.forEach(id -> engine.getTaskService().deleteTask(id, true));
    if (suspendedInstance != null) {
      engine.getRuntimeService().activateProcessInstanceById(suspendedInstance);
    }
    filters.deleteFilter(filterId);
    authorizations.createAuthorizationQuery().groupIdIn(group).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    authorizations.createAuthorizationQuery().userIdIn(worker).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    engine.getIdentityService().deleteUser(worker);
    engine.getIdentityService().deleteGroup(group);
  }

  @Test
  void theQueueIsCamundasOwnAnswerInEveryOrderTasklistOffers() {
    for (int i = 0; i < 6; i++) {
      String id = task("网格员处置 " + i, group, i);
      if (i == 1) {
        engine.getTaskService().claim(id, "somebody-else");
      }
    }
    // the group's link without its grant: Camunda shows it to nobody of the group
    String withoutGrant = task("无权限", group, 7);
    authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(withoutGrant).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    // readable by the worker, but another group's
    String elsewhere = task("别的网格", "grid-JH-LL-ZF-02", 8);
    grantRead(elsewhere);
    // cases: one open, one whose process is suspended
    String open = helpRequestTask();
    String suspended = helpRequestTask();
    suspendedInstance = engine.getTaskService().createTaskQuery().taskId(suspended).singleResult()
        .getProcessInstanceId();
    engine.getRuntimeService().suspendProcessInstanceById(suspendedInstance);

    double answeredBefore = answeredHere();
    for (String sortBy : List.of("created", "dueDate", "followUpDate", "priority", "nameCaseInsensitive")) {
      for (String sortOrder : List.of("asc", "desc")) {
        JsonNode ours = list(sortBy, sortOrder, "");
        JsonNode camundas = list(sortBy, sortOrder, ",\"orQueries\":[]");
        assertThat(ours).as("sorted by %s %s", sortBy, sortOrder).isEqualTo(camundas);
      }
    }
    assertThat(answeredHere() - answeredBefore).as("lists answered in front of Camunda").isEqualTo(10);
    JsonNode queue = list("created", "asc", "");
    assertThat(queue.path("count").asLong()).isEqualTo(7);
    assertThat(queue.findValuesAsText("id")).contains(open).doesNotContain(withoutGrant, elsewhere, suspended);
    assertThat(queue.path("_embedded").path("processDefinition").findValuesAsText("key"))
        .containsExactly("helpRequest");
  }

  @Test
  void theCountIsCamundasToo() {
    task("网格员处置", group, 1);
    task("网格员处置", group, 2);
    String withoutGrant = task("无权限", group, 3);
    authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(withoutGrant).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));

    double answeredBefore = answeredHere();
    long ours = tasklist.json().get(WebappSession.ENGINE_API + "/filter/" + filterId + "/count").then()
        .statusCode(200).extract().jsonPath().getLong("count");
    long camundas = tasklist.json().body("{\"orQueries\":[]}").post(WebappSession.ENGINE_API + "/filter/" + filterId
        + "/count").then().statusCode(200).extract().jsonPath().getLong("count");

    assertThat(ours).isEqualTo(camundas).isEqualTo(2);
    assertThat(answeredHere() - answeredBefore).as("counts answered in front of Camunda").isEqualTo(1);
  }

  @Test
  void aPageFurtherOnIsCamundasPage() {
    for (int i = 0; i < 5; i++) {
      task("网格员处置 " + i, group, i);
    }
    String path = WebappSession.ENGINE_API + "/filter/" + filterId + "/list?firstResult=2&maxResults=2";
    JsonNode ours = read(tasklist.hal().contentType("application/json")
        .body(TASKLIST_BODY.formatted("priority", "desc", "")).post(path));
    JsonNode camundas = read(tasklist.hal().contentType("application/json")
        .body(TASKLIST_BODY.formatted("priority", "desc", ",\"orQueries\":[]")).post(path));

    assertThat(ours).isEqualTo(camundas);
    assertThat(ours.path("_embedded").path("task")).hasSize(2);
    assertThat(ours.path("count").asLong()).isEqualTo(5);
  }

  @Test
  void aFilterOfAnotherGroupIsRefusedAsCamundaRefusesIt() {
    String otherGrids = filters.createFilterQuery().filterName("中福社区第2网格 · 网格任务").singleResult()
        .getId();
    String path = WebappSession.ENGINE_API + "/filter/" + otherGrids + "/list?firstResult=0&maxResults=15";

    Response answer = tasklist.hal().contentType("application/json")
        .body(TASKLIST_BODY.formatted("created", "desc", "")).post(path);

    assertThat(answer.statusCode()).isEqualTo(403);
  }

  @Test
  void aRequestCamundaRefusesIsRefusedByCamunda() {
    task("网格员处置", group, 1);
    String list = WebappSession.ENGINE_API + "/filter/" + filterId + "/list";
    double answeredBefore = answeredHere();

    for (String query : List.of("?firstResult=-1&maxResults=15", "?firstResult=0&maxResults=abc")) {
      int ours = tasklist.hal().contentType("application/json").body(TASKLIST_BODY.formatted("created", "desc", ""))
          .post(list + query).statusCode();
      int camundas = tasklist.hal().contentType("application/json")
          .body(TASKLIST_BODY.formatted("created", "desc", ",\"orQueries\":[]")).post(list + query).statusCode();
      assertThat(ours).as(query).isEqualTo(camundas).isLessThan(500);
    }
    tasklist.hal().contentType("application/json").body("{\"sorting\": [").post(list + "?firstResult=0&maxResults=15")
        .then().statusCode(400);
    tasklist.hal().contentType("application/json").body(TASKLIST_BODY.formatted("created", "sideways", ""))
        .post(list + "?firstResult=0&maxResults=15").then().statusCode(400);

    assertThat(answeredHere()).as("none answered in front of Camunda").isEqualTo(answeredBefore);
  }

  private double answeredHere() {
    return meters.counter("gridaid.tasklist.queue.reads", "answered_by", "gridaid").count();
  }

  private JsonNode list(String sortBy, String sortOrder, String more) {
    return read(tasklist.hal().contentType("application/json").body(TASKLIST_BODY.formatted(sortBy, sortOrder, more))
        .post(WebappSession.ENGINE_API + "/filter/" + filterId + "/list?firstResult=0&maxResults=15"));
  }

  private JsonNode read(Response response) {
    response.then().statusCode(200).contentType("application/hal+json");
    try {
      return json.readTree(response.asString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A standalone task for the group, every sorting value its own (one without dates). */
  private String task(String name, String group, int n) {
    long now = System.currentTimeMillis();
    // created minutes apart: Camunda's order of equal values is the database's
    ClockUtil.setCurrentTime(new Date(now - 60_000L * (20 - n)));
    Task task;
    try {
      task = engine.getTaskService().newTask();
      task.setName(name);
      task.setPriority(10 + 7 * n);
      if (n != 3) {
        task.setDueDate(new Date(now + 3_600_000L * (1 + (n * 5) % 9)));
        task.setFollowUpDate(new Date(now + 60_000L * (1 + (n * 4) % 11)));
      }
      engine.getTaskService().saveTask(task);
    } finally {
      ClockUtil.reset();
    }
    engine.getTaskService().addCandidateGroup(task.getId(), group);
    standalone.add(task.getId());
    return task.getId();
  }


  private void grant(Resources resource, String resourceId, Permissions permission) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    authorizations.saveAuthorization(grant);
  }

  private void grantRead(String taskId) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(worker);
    grant.setResource(Resources.TASK);
    grant.setResourceId(taskId);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  /**
   * A new case of a grid, its task also this group's (each from its own phone: a second call from
   * one is the same case).
   */
  private String helpRequestTask() {
    String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
    int id = withKey(Api.PARTNER_KEY).body(Map.of("callerName", "独居老人", "gridCode", "JH-JN-NS-03",
            "category", "PERSON_ALONE", "description", "老人独自在家无人照看", "channel", "MINI_PROGRAM",
            "callerPhone", phone))
        .post("/api/v1/help-requests").then().statusCode(201).extract().path("id");
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Integer.toString(id))
        .taskDefinitionKey("userTask_handleRequest").singleResult().getId();
    engine.getTaskService().addCandidateGroup(taskId, group);
    return taskId;
  }
}
