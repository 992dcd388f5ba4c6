package org.gridaid.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.donations.DonationFixtures.DESK;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.EngineHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The donation desk records a gift of cash or a goods pledge taken on the phone in Tasklist's
 * start forms (record-donation.form, record-pledge.form), sent as Tasklist sends them.
 */
class DeskStartFormTests extends ApiTestSupport {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String GIFT_FORM = "/engine-rest/process-definition/key/donationIntake/submit-form";
  static final String PLEDGE_FORM = "/engine-rest/process-definition/key/goodsPledge/submit-form";

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  JdbcClient jdbc;

  long rows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  long moneyAppeal() {
    return ((Number) as(DESK).body(DonationFixtures.moneyAppeal("50000.00")).post("/api/v1/appeals").then()
        .statusCode(201).extract().path("id")).longValue();
  }

  static String giftForm(String amount, Long appealId, String extra) {
    return """
        {"variables": {"channel": {"value": "CASH"}, "amount": {"value": "%s"}, %s
          "donorName": {"value": "江门某五金店"}, "donorPhone": {"value": "13912345678"},
          "anonymous": {"value": true}%s}}""".formatted(amount,
        appealId == null ? "" : "\"appealId\": {\"value\": " + appealId + ", \"type\": \"Long\"},", extra);
  }

  @Test
  void theDeskRecordsCashInTasklistAndFinanceConfirmsIt() {
    long appeal = moneyAppeal();
    String instanceId = as(DESK).body(giftForm("1280.50", appeal, "")).post(GIFT_FORM).then().statusCode(200)
        .extract().path("id");

    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    long giftId = Long.parseLong(instance.getBusinessKey().substring("gift-".length()));
    as(DESK).get("/api/v1/donations/{id}", giftId).then().statusCode(200).body("amount", equalTo(1280.50f))
        .body("channel", equalTo("CASH")).body("status", equalTo("AWAITING_CONFIRMATION"))
        .body("recordedBy", equalTo(DESK)).body("anonymous", equalTo(true));
    Object pledged = as(DESK).get("/api/v1/appeals/{id}", appeal).then().extract().path("progress.pledged");
    assertThat(pledged).isEqualTo(1280.50f);
    Task confirm = tasks.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(DonationIntakeProcess.TASK_CONFIRM).singleResult();
    assertThat(confirm.getDueDate()).as("finance's deadline").isNotNull();
    assertThat(tasks.getVariable(confirm.getId(), "giftSummary").toString()).contains("现金 1280.50元")
        .contains("江门某五金店");
    assertThat(runtime.getVariables(instanceId)).as("the donor lives in the gift, not the engine")
        .doesNotContainKeys("donorName", "donorPhone", "amount", "channel", "anonymous", "appealId");

    tasks.setAssignee(confirm.getId(), "finance-01");
    tasks.complete(confirm.getId(), java.util.Map.of("receiptOutcome", "RECEIVED"));
    as(DESK).get("/api/v1/donations/{id}", giftId).then().body("status", equalTo("CONFIRMED"))
        .body("receiptNumber", org.hamcrest.Matchers.notNullValue());
    assertThat(new EngineHistory(jdbc).textsContaining(List.of("江门某五金店", "13912345678")))
        .as("the donor in the engine's history").isEmpty();
  }

  @Test
  void aGiftFormThatCannotBeRecordedIsRefusedByFieldAndRecordsNothing() {
    long appeal = moneyAppeal();
    long gifts = rows("donation_gift");
    long instances = runtime.createProcessInstanceQuery().processDefinitionKey(DonationIntakeProcess.KEY).count();

    as(DESK).body(giftForm("12.345", appeal, "")).post(GIFT_FORM).then().statusCode(400)
        .body("errors.field", equalTo(List.of("amount")));
    as(DESK).body(giftForm("十二元", appeal, "")).post(GIFT_FORM).then().statusCode(400)
        .body("errors.field", equalTo(List.of("amount")));
    as(DESK).body(giftForm("-5", appeal, "")).post(GIFT_FORM).then().statusCode(400)
        .body("errors.field", equalTo(List.of("amount")));
    as(DESK).body(giftForm("10.00", 999_999_999L, "")).post(GIFT_FORM).then().statusCode(400)
        .body("errors.field", equalTo(List.of("appealId")));
    // what the process sets itself is no field of the form
    as(DESK).body(giftForm("10.00", appeal, ", \"giftId\": {\"value\": 1, \"type\": \"Long\"}")).post(GIFT_FORM)
        .then().statusCode(400).body("errors.field", equalTo(List.of("giftId")));
    as(DESK).post("/api/v1/appeals/{id}/close", appeal).then().statusCode(200);
    as(DESK).body(giftForm("10.00", appeal, "")).post(GIFT_FORM).then().statusCode(400)
        .body("errors.field", equalTo(List.of("appealId")));
    // only the desk takes money: to anybody else the process is not there
    as("grid-lile-zhongfu-01").body(giftForm("10.00", null, "")).post(GIFT_FORM).then().statusCode(404);

    assertThat(rows("donation_gift")).isEqualTo(gifts);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DonationIntakeProcess.KEY).count())
        .isEqualTo(instances);
  }

  static String pledgeForm(long appealId, String site, int quantity, LocalDate on) {
    return """
        {"variables": {"appealId": {"value": %d, "type": "Long"}, "siteCode": {"value": "%s"},
          "quantity": {"value": %d, "type": "Long"}, "promisedOn": {"value": "%s"},
          "donorName": {"value": "江海区某饮料公司"}, "donorPhone": {"value": "13812345678"},
          "anonymous": {"value": false}}}""".formatted(appealId, site, quantity, on);
  }

  @Test
  void theDeskRecordsAPhonedPledgeInTasklistAndTheSiteWaitsForIt() {
    String water = DonationFixtures.water();
    List<String> sites = DonationFixtures.samplingSites(2);
    long appeal = ((Number) as(DESK).body(DonationFixtures.goodsAppeal(water, 3000, sites)).post("/api/v1/appeals")
        .then().statusCode(201).extract().path("id")).longValue();
    LocalDate tomorrow = LocalDate.now(CHINA).plusDays(1);
    long pledges = rows("donation_pledge");

    as(DESK).body(pledgeForm(appeal, "CC-JH-LL-ZF", 120, tomorrow)).post(PLEDGE_FORM).then().statusCode(400)
        .body("errors.field", equalTo(List.of("siteCode")));
    as(DESK).body(pledgeForm(appeal, sites.get(0), 120, tomorrow.minusDays(3))).post(PLEDGE_FORM).then()
        .statusCode(400).body("errors.field", equalTo(List.of("promisedOn")));
    as(DESK).body(pledgeForm(appeal, sites.get(0), 0, tomorrow)).post(PLEDGE_FORM).then().statusCode(400)
        .body("errors.field", equalTo(List.of("quantity")));
    assertThat(rows("donation_pledge")).isEqualTo(pledges);

    String instanceId = as(DESK).body(pledgeForm(appeal, sites.get(1), 120, tomorrow)).post(PLEDGE_FORM).then()
        .statusCode(200).extract().path("id");
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    long pledgeId = Long.parseLong(instance.getBusinessKey().substring("pledge-".length()));
    as(DESK).get("/api/v1/pledges/{id}", pledgeId).then().statusCode(200).body("quantity", equalTo(120))
        .body("siteCode", equalTo(sites.get(1))).body("promisedOn", equalTo(tomorrow.toString()))
        .body("pledgedBy", equalTo(DESK));
    Object pledged = as(DESK).get("/api/v1/appeals/{id}", appeal).then().extract().path("progress.pledged");
    assertThat(pledged).isEqualTo(120);
    Task checkIn = tasks.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(GoodsPledgeProcess.TASK_CHECK_IN).singleResult();
    assertThat(checkIn).as("the site's check-in waits").isNotNull();
    assertThat(tasks.getVariable(checkIn.getId(), "pledgeSummary").toString()).contains("120箱");
    assertThat(runtime.getVariables(instanceId)).doesNotContainKeys("donorName", "donorPhone", "quantity", "siteCode");
    assertThat(new EngineHistory(jdbc).textsContaining(List.of("江海区某饮料公司", "13812345678"))).isEmpty();
  }
}
