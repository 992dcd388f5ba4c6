package org.gridaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine API half of the authorization matrix: the operations Tasklist and Cockpit use
 * and the dangerous ones, for every kind of caller, on a case of the grid JH-LL-ZF-02 (own
 * area of the "grid", "lead", "comm" and "strt" callers; "X" marks the same role elsewhere).
 * The expected answer of each cell is in {@link #TABLE}; an operation without a row fails.
 * Run with {@code -Dgridaid.matrix.print=true} to print the answers as a table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineAuthorizationMatrixTests extends ApiTestSupport {

  private static final String TABLE = """
      operation                               anon admin hotl grid gridX lead leadX comm commX strt strtX cmd  med  pharm wareh volun desk key  keyNo
      GET filter                              401  200   200  200  200   200  200   200  200   200  200   200  200  200   200   200   200  403  403
      POST filter/{gridFilter}/count          401  200   403  200  403   200  403   403  403   403  403   403  403  403   403   403   403  403  403
      GET task/{task}                         401  200   404  200  404   200  404   404  404   404  404   200  404  404   404   404   404  403  403
      GET task/{task}/form-variables          401  200   403  200  403   200  403   403  403   403  403   200  403  403   403   403   403  403  403
      POST task/{task}/claim as self          401  204   403  204  403   204  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST task/{task}/claim as another       401  204   403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST task/{task}/assignee as self       401  204   403  204  403   204  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST task/{task}/complete form          401  204   403  204  403   204  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST task/{task}/complete routing       401  400   400  400  400   400  400   400  400   400  400   400  400  400   400   400   400  403  403
      PUT task/{task}/variables/responded     401  204   403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST task/{task}/variables Object       401  400   400  400  400   400  400   400  400   400  400   400  400  400   400   400   400  403  403
      POST task/{task}/bpmnError              401  403   403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST task/{task}/bpmnEscalation         401  403   403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      PUT task/{task}                         401  204   403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST process-definition start form      401  200   200  403  403   403  403   403  403   403  403   403  403  404   404   404   404  403  403
      POST process-definition gift start form 401 200 404 404 404 404 404 404 404  404  404   403  404  404   404   404   200  403  403
      POST process-definition pledge start form 401 200 404 404 404 404 404 404 404 404  404   403  404  404   403   404   200  403  403
      POST process-definition start extra     401  400   400  400  400   400  400   400  400   400  400   400  400  400   400   400   400  403  403
      POST process-definition start at task   401  400   400  400  400   400  400   400  400   400  400   400  400  400   400   400   400  403  403
      POST process-instance/{instance}/variables 401 204 403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST process-instance/{instance}/modification 401 204 403 403 403  403  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST message                            401  400   403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST deployment/create                  401  200   403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      GET process-definition                  401  200   200  200  200   200  200   200  200   200  200   200  200  200   200   200   200  403  403
      GET process-instance                    401  200   200  200  200   200  200   200  200   200  200   200  200  200   200   200   200  403  403
      POST history/process-instance           401  200   200  200  200   200  200   200  200   200  200   200  200  200   200   200   200  403  403
      POST user/create                        401  204   403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      PUT user/{self}/profile                 401  204   204  204  204   204  204   204  204   204  204   204  204  204   204   204   204  403  403
      POST authorization/create               401  200   403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      POST identity/verify                    401  403   403  403  403   403  403   403  403   403  403   403  403  403   403   403   403  403  403
      """;

  private static final String CASE_GRID = "JH-LL-ZF-02";
  private static final Map<String, String> STAFF = Map.ofEntries(Map.entry("admin", Api.ADMIN),
      Map.entry("hotl", "hotline-01"), Map.entry("grid", "grid-lile-zhongfu-02"),
      Map.entry("gridX", "grid-waihai-yinquan-01"), Map.entry("lead", "gridleader-lile-zhongfu-02"),
      Map.entry("leadX", "gridleader-waihai-yinquan-01"), Map.entry("comm", "community-lile-zhongfu"),
      Map.entry("commX", "community-waihai-yinquan"), Map.entry("strt", "street-lile"),
      Map.entry("strtX", "street-waihai"), Map.entry("cmd", "command-01"), Map.entry("med", "doctor-01"),
      Map.entry("pharm", "pharmacy-01"), Map.entry("wareh", "warehouse-01"), Map.entry("volun", "volunteer-lile-01"),
      Map.entry("desk", "donation-desk-01"));

  @Autowired
  TaskService tasks;
  @Autowired
  FilterService filters;
  @Autowired
  RepositoryService repository;

  private String keyWithoutOperations;
  private Long goodsAppeal;
  private final List<String> deployments = new ArrayList<>();

  /** What a cell needs: a fresh case when the call may change it, the caller's own id. */
  private record Cell(String caller, String userId, Supplier<Case> newCase, Case shared) {
    Case fresh() {
      return newCase.get();
    }
  }

  private record Case(long id, Task task) {}

  private final Map<String, BiFunction<RequestSpecification, Cell, Response>> operations = new LinkedHashMap<>();

  {
    operations.put("GET filter", (api, cell) -> api.get(engine("filter?resourceType=Task")));
    operations.put("POST filter/{gridFilter}/count", (api, cell) -> api.body("{}")
        .post(engine("filter/" + gridFilter() + "/count")));
    operations.put("GET task/{task}", (api, cell) -> api.get(engine("task/" + cell.shared().task().getId())));
    operations.put("GET task/{task}/form-variables",
        (api, cell) -> api.get(engine("task/" + cell.shared().task().getId() + "/form-variables")));
    operations.put("POST task/{task}/claim as self", (api, cell) -> api.body(user(cell.userId()))
        .post(engine("task/" + cell.fresh().task().getId() + "/claim")));
    operations.put("POST task/{task}/claim as another", (api, cell) -> api.body(user("grid-lile-zhongfu-03"))
        .post(engine("task/" + cell.fresh().task().getId() + "/claim")));
    operations.put("POST task/{task}/assignee as self", (api, cell) -> api.body(user(cell.userId()))
        .post(engine("task/" + cell.fresh().task().getId() + "/assignee")));
    operations.put("POST task/{task}/complete form", (api, cell) -> api.body("""
        {"variables": {"outcome": {"value": "RESOLVED"}, "actionTaken": {"value": "已处理"}}}""")
        .post(engine("task/" + cell.fresh().task().getId() + "/complete")));
    operations.put("POST task/{task}/complete routing", (api, cell) -> api.body("""
        {"variables": {"outcome": {"value": "RESOLVED"}, "escalateEvery": {"value": "P3650D"}}}""")
        .post(engine("task/" + cell.shared().task().getId() + "/complete")));
    operations.put("PUT task/{task}/variables/responded", (api, cell) -> api.body("{\"value\": true}")
        .put(engine("task/" + cell.fresh().task().getId() + "/variables/responded")));
    operations.put("POST task/{task}/variables Object", (api, cell) -> api.body("""
        {"modifications": {"evil": {"value": "{}", "type": "Object",
         "valueInfo": {"objectTypeName": "java.lang.ProcessBuilder", "serializationDataFormat": "application/json"}}}}""")
        .post(engine("task/" + cell.shared().task().getId() + "/variables")));
    operations.put("POST task/{task}/bpmnError", (api, cell) -> api.body("{\"errorCode\": \"gone\"}")
        .post(engine("task/" + cell.shared().task().getId() + "/bpmnError")));
    operations.put("POST task/{task}/bpmnEscalation", (api, cell) -> api.body("{\"escalationCode\": \"gone\"}")
        .post(engine("task/" + cell.shared().task().getId() + "/bpmnEscalation")));
    operations.put("PUT task/{task}", (api, cell) -> api.body("{\"name\": \"网格员处置\", \"priority\": 1}")
        .put(engine("task/" + cell.fresh().task().getId())));
    operations.put("POST process-definition start form", (api, cell) -> api.body(startForm(""))
        .post(engine("process-definition/key/helpRequest/submit-form")));
    operations.put("POST process-definition gift start form", (api, cell) -> api.body("""
        {"variables": {"channel": {"value": "CASH"}, "amount": {"value": "50.00"},
         "donorName": {"value": "矩阵测试捐赠人"}, "anonymous": {"value": false}}}""")
        .post(engine("process-definition/key/donationIntake/submit-form")));
    operations.put("POST process-definition pledge start form", (api, cell) -> api.body("""
        {"variables": {"appealId": {"value": %d, "type": "Long"}, "siteCode": {"value": "CC-JH-LL-ZF"},
         "quantity": {"value": 2, "type": "Long"}, "promisedOn": {"value": "%s"},
         "donorName": {"value": "矩阵测试捐赠人"}, "anonymous": {"value": false}}}"""
        .formatted(goodsAppeal(), LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1)))
        .post(engine("process-definition/key/goodsPledge/submit-form")));
    operations.put("POST process-definition start extra", (api, cell) -> api
        .body(startForm(", \"submittedBy\": {\"value\": \"demo-partner\"}"))
        .post(engine("process-definition/key/helpRequest/submit-form")));
    operations.put("POST process-definition start at task", (api, cell) -> api.body("""
        {"businessKey": "%d", "startInstructions": [{"type": "startBeforeActivity", "activityId": "userTask_callback"}]}"""
        .formatted(cell.shared().id())).post(engine("process-definition/key/helpRequest/start")));
    operations.put("POST process-instance/{instance}/variables", (api, cell) -> api
        .body("{\"modifications\": {\"responded\": {\"value\": true}}}")
        .post(engine("process-instance/" + cell.fresh().task().getProcessInstanceId() + "/variables")));
    operations.put("POST process-instance/{instance}/modification", (api, cell) -> api.body("{\"instructions\": []}")
        .post(engine("process-instance/" + cell.shared().task().getProcessInstanceId() + "/modification")));
    operations.put("POST message", (api, cell) -> api.body("{\"messageName\": \"nothingWaitsForThis\"}")
        .post(engine("message")));
    operations.put("POST deployment/create", (api, cell) -> {
      Response response = api.contentType("multipart/form-data").multiPart("deployment-name", "matrix")
          .multiPart("note.txt", "note.txt", "只是一份说明".getBytes(), "text/plain").post(engine("deployment/create"));
      if (response.statusCode() == 200) {
        deployments.add(response.path("id"));
      }
      return response;
    });
    operations.put("GET process-definition", (api, cell) -> api.get(engine("process-definition")));
    operations.put("GET process-instance", (api, cell) -> api.get(engine("process-instance")));
    operations.put("POST history/process-instance", (api, cell) -> api.body("{}")
        .post(engine("history/process-instance?maxResults=5")));
    operations.put("POST user/create", (api, cell) -> api.body("""
        {"profile": {"id": "matrix-%s", "firstName": "测试"}, "credentials": {"password": "a-long-password-1"}}"""
        .formatted(UUID.randomUUID().toString().substring(0, 8))).post(engine("user/create")));
    operations.put("PUT user/{self}/profile", (api, cell) -> api.body("""
        {"id": "%s", "firstName": "%s"}""".formatted(cell.userId(), cell.userId()))
        .put(engine("user/" + cell.userId() + "/profile")));
    operations.put("POST authorization/create", (api, cell) -> api.body("""
        {"type": 1, "permissions": ["READ"], "groupId": "matrix-nobody", "resourceType": 5, "resourceId": "%s"}"""
        .formatted(UUID.randomUUID())).post(engine("authorization/create")));
    operations.put("POST identity/verify", (api, cell) -> api.body("{\"username\": \"matrix-nobody\", \"password\": \"x\"}")
        .post(engine("identity/verify")));
  }

  @TestFactory
  Stream<DynamicTest> everyEngineOperationAnswersEveryCallerAsTheTableSays() {
    keyWithoutOperations = admin().body("{\"name\": \"matrix-" + UUID.randomUUID().toString().substring(0, 8)
        + "\", \"operations\": [\"areas:read\"]}").post("/api/v1/api-keys").then().statusCode(201)
        .extract().path("key");
    Table table = Table.parse(TABLE);
    assertThat(table.operations()).as("one row per operation").containsExactlyElementsOf(operations.keySet());
    Case shared = newCase();
    boolean print = Boolean.getBoolean("gridaid.matrix.print");
    StringBuilder printed = new StringBuilder();
    List<DynamicTest> cells = new ArrayList<>();
    for (String operation : table.operations()) {
      printed.append(String.format("%-40s", operation));
      for (String caller : table.callers()) {
        int expected = table.expected(operation, caller);
        Cell cell = new Cell(caller, STAFF.get(caller), this::newCase, shared);
        int actual = operations.get(operation).apply(as(caller), cell).statusCode();
        printed.append(String.format(" %-4d", actual));
        cells.add(DynamicTest.dynamicTest(operation + " as " + caller,
            () -> assertThat(actual).as("%s as %s", operation, caller).isEqualTo(expected)));
      }
      printed.append('\n');
    }
    if (print) {
      System.out.println(printed);
    }
    return cells.stream();
  }

  @AfterAll
  void removeWhatTheAdministratorDeployed() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  private RequestSpecification as(String caller) {
    return switch (caller) {
      case "anon" -> Api.anonymous();
      case "key" -> Api.withKey(Api.PARTNER_KEY);
      case "keyNo" -> Api.withKey(keyWithoutOperations);
      default -> Api.as(STAFF.get(caller));
    };
  }

  private Case newCase() {
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    long id = Api.as("hotline-01").body(Map.of("callerName", "陈先生", "callerPhone", phone,
        "address", "礼乐街道中福花园5栋", "category", "MEDICINE", "description", "降压药明天吃完", "channel", "HOTLINE"))
        .post("/api/v1/help-requests").then().statusCode(201).extract().<Integer>path("id");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey("userTask_handleRequest").singleResult();
    return new Case(id, task);
  }

  /** A goods appeal of the demo's rice, to the community centre of 中福, for the pledge form. */
  private long goodsAppeal() {
    if (goodsAppeal == null) {
      goodsAppeal = Api.as("donation-desk-01").body(Map.of("title", "矩阵测试大米认捐", "kind", "GOODS",
              "itemCode", "FOOD-RICE", "targetQuantity", 1000, "siteCodes", List.of("CC-JH-LL-ZF"),
              "deadline", Instant.now().plus(Duration.ofDays(3)).toString()))
          .post("/api/v1/appeals").then().statusCode(201).extract().<Integer>path("id").longValue();
    }
    return goodsAppeal;
  }

  private String gridFilter() {
    return filters.createFilterQuery().filterName("中福社区第2网格 · 网格任务").singleResult().getId();
  }

  private static String engine(String path) {
    return "/engine-rest/" + path;
  }

  private static String user(String userId) {
    return "{\"userId\": \"" + userId + "\"}";
  }

  private static String startForm(String extra) {
    String phone = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    return """
        {"variables": {"callerName": {"value": "马奶奶"}, "callerPhone": {"value": "%s"},
         "address": {"value": "礼乐街道中福花园5栋"}, "category": {"value": "MEDICINE"},
         "description": {"value": "胰岛素用完了"}, "channel": {"value": "HOTLINE"}%s}}""".formatted(phone, extra);
  }

  /** The expected answers: a header of callers, then one row per operation. */
  private record Table(List<String> callers, Map<String, List<Integer>> rows) {

    static Table parse(String text) {
      List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
      List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
      List<String> callers = header.subList(1, header.size());
      Map<String, List<Integer>> rows = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] words = line.trim().split("\\s+");
        int firstCode = words.length - callers.size();
        rows.put(String.join(" ", Arrays.copyOfRange(words, 0, firstCode)),
            Arrays.stream(words, firstCode, words.length).map(Integer::valueOf).toList());
      }
      return new Table(callers, rows);
    }

    List<String> operations() {
      return List.copyOf(rows.keySet());
    }

    int expected(String operation, String caller) {
      return rows.get(operation).get(callers.indexOf(caller));
    }
  }
}
