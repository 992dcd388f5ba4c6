package org.gridaid.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridaid.donations.DonationFixtures.DESK;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.messaging.MessageOwner;
import org.gridaid.messaging.TextMessage;
import org.gridaid.messaging.TextMessages;
import org.gridaid.supplies.Movement;
import org.gridaid.supplies.StockLedger;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Goods pledged against an appeal, from the promise to stock at the site (goods-pledge.bpmn). */
class GoodsPledgeProcessTests extends ApiTestSupport {

  static final String WAREHOUSE = "warehouse-01";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  StockLedger ledger;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TextMessages messages;

  String water;
  List<String> sites;
  long appeal;

  @BeforeEach
  void aWaterAppeal() {
    water = DonationFixtures.water();
    sites = DonationFixtures.samplingSites(2);
    appeal = ((Number) as(DESK).body(DonationFixtures.goodsAppeal(water, 3000, sites)).post("/api/v1/appeals")
        .then().statusCode(201).extract().path("id")).longValue();
  }

  static Map<String, Object> pledge(int quantity, String site, LocalDate on) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("donorName", "某饮料公司");
    body.put("donorPhone", "13800138000");
    body.put("anonymous", false);
    body.put("quantity", quantity);
    body.put("siteCode", site);
    body.put("promisedOn", on.toString());
    return body;
  }

  LocalDate tomorrow() {
    return LocalDate.now(CHINA).plusDays(1);
  }

  int pledged(Map<String, Object> body) {
    return as(DESK).body(body).post("/api/v1/appeals/{id}/pledges", appeal).then().statusCode(201).extract()
        .path("id");
  }

  Task task(int pledgeId, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(GoodsPledgeProcess.businessKey(pledgeId)).taskDefinitionKey(key)
        .singleResult();
  }

  Map<String, Object> progress() {
    return as(DESK).get("/api/v1/appeals/{id}", appeal).then().statusCode(200).extract().path("progress");
  }

  int onHand(String site) {
    return ledger.level(site, water).onHand();
  }

  @Test
  void aDeliveryIsCheckedInAtItsSiteIntoStockWithAReceiptAndThanks() {
    int id = pledged(pledge(100, sites.get(0), tomorrow()));
    assertThat(progress()).containsEntry("pledged", 100).containsEntry("received", 0);

    Task checkIn = task(id, GoodsPledgeProcess.TASK_CHECK_IN);
    assertThat(tasks.getIdentityLinksForTask(checkIn.getId())).extracting("groupId").containsExactly("warehouse");
    assertThat(String.valueOf(tasks.getVariable(checkIn.getId(), "pledgeSummary"))).contains("某饮料公司", "100箱");
    tasks.setAssignee(checkIn.getId(), WAREHOUSE);
    assertThatThrownBy(() -> tasks.complete(checkIn.getId(), Map.of("receivedQuantity", 96L)))
        .as("water is food: its expiry").hasMessageContaining("保质期");
    assertThatThrownBy(() -> tasks.complete(checkIn.getId(), Map.of("receivedQuantity", 96L,
        "expiry", LocalDate.now(CHINA).plusMonths(12).toString(), "refusedQuantity", 4L)))
        .hasMessageContaining("拒收原因");
    tasks.complete(checkIn.getId(), Map.of("receivedQuantity", 96L, "expiry",
        LocalDate.now(CHINA).plusMonths(12).toString(), "refusedQuantity", 4L, "refusedReason", "4箱外包装破损漏水"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(GoodsPledgeProcess.businessKey(id)).count()).isZero();
    assertThat(onHand(sites.get(0))).isEqualTo(96);
    assertThat(onHand(sites.get(1))).isZero();
    List<Movement> movements = ledger.movementsOf(PledgeService.reference(id));
    assertThat(movements).singleElement().satisfies(m -> {
      assertThat(m.quantity()).isEqualTo(96);
      assertThat(m.siteCode()).isEqualTo(sites.get(0));
    });
    as(DESK).get("/api/v1/pledges/{id}", id).then().statusCode(200).body("status", equalTo("DELIVERED"))
        .body("receivedQuantity", equalTo(96)).body("refusedQuantity", equalTo(4))
        .body("refusedReason", equalTo("4箱外包装破损漏水"))
        .body("receiptNumber", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{6}"));
    assertThat(progress()).containsEntry("pledged", 100).containsEntry("received", 96);
    assertThat(messages.of(new MessageOwner("DONATION_PLEDGE", id)).stream().map(TextMessage::body).toList())
        .singleElement().asString().contains("96箱", "签收入库");
  }

  @Test
  void theDonorIsRemindedTheDayBeforeAndAMissedDayGoesToTheDeskToExtendOrCancel() {
    LocalDate day = LocalDate.now(CHINA).plusDays(2);
    int id = pledged(pledge(50, sites.get(1), day));
    String instance = task(id, GoodsPledgeProcess.TASK_CHECK_IN).getProcessInstanceId();

    Job reminder = management.createJobQuery().processInstanceId(instance)
        .activityId(GoodsPledgeProcess.TIMER_REMIND).singleResult();
    assertThat(reminder.getDuedate().toInstant()).isEqualTo(day.minusDays(1).atTime(9, 0).atZone(CHINA).toInstant());
    management.executeJob(reminder.getId());
    assertThat(messages.of(new MessageOwner("DONATION_PLEDGE", id)).stream().map(TextMessage::body).toList())
        .singleElement().asString().contains("约定于" + day);

    Job overdue = management.createJobQuery().processInstanceId(instance)
        .activityId(GoodsPledgeProcess.TIMER_NOT_DELIVERED).singleResult();
    assertThat(overdue.getDuedate().toInstant()).isEqualTo(day.plusDays(1).atStartOfDay(CHINA).toInstant());
    management.executeJob(overdue.getId());
    Task call = task(id, GoodsPledgeProcess.TASK_FOLLOW_UP);
    assertThat(tasks.getIdentityLinksForTask(call.getId())).extracting("groupId").containsExactly("donation-desk");
    assertThat(task(id, GoodsPledgeProcess.TASK_CHECK_IN)).as("the check-in waits no more").isNull();

    tasks.setAssignee(call.getId(), DESK);
    assertThatThrownBy(() -> tasks.complete(call.getId(), Map.of("pledgeDecision", "EXTEND")))
        .hasMessageContaining("新的送达日期");
    LocalDate later = day.plusDays(3);
    tasks.complete(call.getId(), Map.of("pledgeDecision", "EXTEND", "newPromisedOn", later.toString()));
    Task again = task(id, GoodsPledgeProcess.TASK_CHECK_IN);
    assertThat(again).as("the site waits again").isNotNull();
    assertThat(management.createJobQuery().processInstanceId(instance).activityId(GoodsPledgeProcess.TIMER_NOT_DELIVERED)
        .singleResult().getDuedate().toInstant()).isEqualTo(later.plusDays(1).atStartOfDay(CHINA).toInstant());
    as(DESK).get("/api/v1/pledges/{id}", id).then().body("promisedOn", equalTo(later.toString()))
        .body("timesExtended", equalTo(1));

    management.executeJob(management.createJobQuery().processInstanceId(instance)
        .activityId(GoodsPledgeProcess.TIMER_NOT_DELIVERED).singleResult().getId());
    Task secondCall = task(id, GoodsPledgeProcess.TASK_FOLLOW_UP);
    tasks.setAssignee(secondCall.getId(), DESK);
    tasks.complete(secondCall.getId(), Map.of("pledgeDecision", "CANCEL", "cancelReason", "公司仓库被封控, 无法发货"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    as(DESK).get("/api/v1/pledges/{id}", id).then().body("status", equalTo("CANCELLED"));
    assertThat(progress()).containsEntry("pledged", 0).containsEntry("pledges", 0);
    assertThat(onHand(sites.get(1))).isZero();
  }

  @Test
  void reachingTheTargetTellsTheDeskOnceAndTheDeskMayCloseTheAppeal() {
    long small = ((Number) as(DESK).body(DonationFixtures.goodsAppeal(water, 100, sites)).post("/api/v1/appeals")
        .then().statusCode(201).extract().path("id")).longValue();
    var told = tasks.createTaskQuery().processDefinitionKey(AppealTargetProcess.KEY)
        .processInstanceBusinessKey(AppealTargetProcess.businessKey(small));
    as(DESK).body(pledge(60, sites.get(0), tomorrow())).post("/api/v1/appeals/{id}/pledges", small).then()
        .statusCode(201);
    assertThat(told.count()).isZero();
    as(DESK).body(pledge(50, sites.get(0), tomorrow())).post("/api/v1/appeals/{id}/pledges", small).then()
        .statusCode(201);
    as(DESK).body(pledge(10, sites.get(1), tomorrow())).post("/api/v1/appeals/{id}/pledges", small).then()
        .statusCode(201);
    Task decide = told.singleResult();
    assertThat(decide.getName()).isEqualTo("认捐已达目标, 决定是否结束征集");
    assertThat(tasks.getIdentityLinksForTask(decide.getId())).extracting("groupId").containsExactly("donation-desk");
    assertThat(String.valueOf(tasks.getVariable(decide.getId(), "appealSummary"))).contains("目标 100", "已认捐 110");

    tasks.setAssignee(decide.getId(), DESK);
    assertThatThrownBy(() -> tasks.complete(decide.getId(), Map.of())).hasMessageContaining("决定");
    tasks.complete(decide.getId(), Map.of("appealDecision", "CLOSE"));
    as(DESK).get("/api/v1/appeals/{id}", small).then().body("status", equalTo("CLOSED"))
        .body("closedBy", equalTo(DESK)).body("progress.pledged", equalTo(120));
    as(DESK).body(pledge(5, sites.get(0), tomorrow())).post("/api/v1/appeals/{id}/pledges", small).then()
        .statusCode(409);
  }

  @Test
  void aPledgeIsCountedOnceAndRefusedAfterTheCloseOrElsewhere() {
    Map<String, Object> body = pledge(10, sites.get(0), tomorrow());
    int first = as(DESK).header("Idempotency-Key", "p-1").body(body).post("/api/v1/appeals/{id}/pledges", appeal)
        .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
    as(DESK).header("Idempotency-Key", "p-1").body(body).post("/api/v1/appeals/{id}/pledges", appeal).then()
        .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
    assertThat(progress()).containsEntry("pledged", 10).containsEntry("pledges", 1);

    long before = jdbc.sql("select count(*) from donation_pledge").query(Long.class).single();
    as(DESK).body(pledge(10, "NO-SUCH-SITE", tomorrow())).post("/api/v1/appeals/{id}/pledges", appeal).then()
        .statusCode(400).body("errors.field", hasItem("siteCode"));
    as(DESK).body(pledge(10, sites.get(0), LocalDate.now(CHINA).minusDays(1)))
        .post("/api/v1/appeals/{id}/pledges", appeal).then().statusCode(400).body("errors.field", hasItem("promisedOn"));
    as(DESK).body(pledge(10, sites.get(0), tomorrow())).post("/api/v1/appeals/{id}/pledges", 999_999_999).then()
        .statusCode(404);
    as("hotline-01").body(pledge(10, sites.get(0), tomorrow())).post("/api/v1/appeals/{id}/pledges", appeal).then()
        .statusCode(403);
    as(DESK).post("/api/v1/appeals/{id}/close", appeal).then().statusCode(200);
    as(DESK).body(pledge(10, sites.get(0), tomorrow())).post("/api/v1/appeals/{id}/pledges", appeal).then()
        .statusCode(409);
    assertThat(jdbc.sql("select count(*) from donation_pledge").query(Long.class).single()).isEqualTo(before);
    assertThat(progress()).containsEntry("pledged", 10).containsEntry("pledges", 1);
  }
}
