package org.gridaid.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridaid.donations.DonationFixtures.DESK;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.messaging.MessageOwner;
import org.gridaid.messaging.TextMessage;
import org.gridaid.messaging.TextMessages;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cash and bank transfers the desk records wait for finance (donation-intake.bpmn), with a deadline. */
class DonationIntakeProcessTests extends ApiTestSupport {

  static final String FINANCE = "finance-01";

  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TextMessages messages;

  long appeal;

  @BeforeEach
  void aMoneyAppeal() {
    appeal = ((Number) as(DESK).body(DonationFixtures.moneyAppeal("62569.00")).post("/api/v1/appeals").then()
        .statusCode(201).extract().path("id")).longValue();
  }

  static Map<String, Object> deskGift(Long appealId, String channel, String amount) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("appealId", appealId);
    body.put("channel", channel);
    body.put("amount", amount);
    body.put("donorName", "江海区某物流公司");
    body.put("donorPhone", "0750-3812345");
    body.put("anonymous", false);
    return body;
  }

  Task confirmTask(int giftId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(DonationIntakeProcess.businessKey(giftId))
        .taskDefinitionKey(DonationIntakeProcess.TASK_CONFIRM).singleResult();
  }

  Map<String, Object> progress() {
    return as(DESK).get("/api/v1/appeals/{id}", appeal).then().statusCode(200).extract().path("progress");
  }

  @Test
  void financeConfirmsACashGiftAndTheReceiptAndThanksFollow() {
    Instant before = Instant.now();
    int id = as(DESK).body(deskGift(appeal, "CASH", "5000.00")).post("/api/v1/donations/desk").then()
        .statusCode(201).body("status", equalTo("AWAITING_CONFIRMATION")).body("channelLabel", equalTo("现金"))
        .extract().path("id");
    assertThat(progress()).containsEntry("pledged", 5000.00f).containsEntry("received", 0.00f);

    Task task = confirmTask(id);
    assertThat(task.getName()).isEqualTo("财务确认到账");
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting("groupId").containsExactly("finance");
    assertThat(task.getDueDate()).as("gridaid.donations.confirm-within after the desk recorded it")
        .isBetween(before.plus(Duration.ofDays(2)).minusSeconds(1), Instant.now().plus(Duration.ofDays(2)));
    assertThat(String.valueOf(tasks.getVariable(task.getId(), "giftSummary"))).contains("现金", "5000.00元",
        "江海区某物流公司");

    tasks.setAssignee(task.getId(), FINANCE);
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of())).hasMessageContaining("到账情况");
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("receiptOutcome", "NOT_RECEIVED")))
        .hasMessageContaining("未到账情况说明");
    tasks.complete(task.getId(), Map.of("receiptOutcome", "RECEIVED"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(DonationIntakeProcess.businessKey(id)).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .activityId("endEvent_receiptIssued").count()).isOne();
    as(FINANCE).get("/api/v1/donations/{id}", id).then().statusCode(200).body("status", equalTo("CONFIRMED"))
        .body("confirmedBy", equalTo(FINANCE)).body("receiptNumber", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{6}"));
    assertThat(progress()).containsEntry("pledged", 5000.00f).containsEntry("received", 5000.00f);
    assertThat(messages.of(new MessageOwner("DONATION", id)).stream().map(TextMessage::body).toList())
        .singleElement().asString().contains("江海区某物流公司", "5000.00元");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName("giftSummary").count()).as("the donor's name stays out of history").isZero();
  }

  @Test
  void moneyThatNeverArrivedNoLongerCountsAsPledged() {
    int id = as(DESK).body(deskGift(appeal, "BANK_TRANSFER", "300.50")).post("/api/v1/donations/desk").then()
        .statusCode(201).extract().path("id");
    Task task = confirmTask(id);
    tasks.setAssignee(task.getId(), FINANCE);
    tasks.complete(task.getId(), Map.of("receiptOutcome", "NOT_RECEIVED", "financeNote", "对公账户三天内无此笔入账"));

    as(FINANCE).get("/api/v1/donations/{id}", id).then().body("status", equalTo("NOT_RECEIVED"))
        .body("receiptNumber", org.hamcrest.Matchers.nullValue());
    assertThat(progress()).containsEntry("pledged", 0.00f).containsEntry("pledges", 0);
  }

  @Test
  void aConfirmationPastItsDeadlineGoesToTheDeskWhileFinanceKeepsIt() {
    int id = as(DESK).body(deskGift(appeal, "CASH", "88.00")).post("/api/v1/donations/desk").then()
        .statusCode(201).extract().path("id");
    Task task = confirmTask(id);
    Job overdue = management.createJobQuery().processInstanceId(task.getProcessInstanceId())
        .activityId(DonationIntakeProcess.TIMER_OVERDUE).singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(task.getDueDate());
    management.executeJob(overdue.getId());

    Task followUp = tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(DonationIntakeProcess.TASK_FOLLOW_UP).taskCandidateGroup("donation-desk").singleResult();
    assertThat(followUp).isNotNull();
    tasks.setAssignee(followUp.getId(), DESK);
    assertThatThrownBy(() -> tasks.complete(followUp.getId(), Map.of("financeContacted", false)))
        .hasMessageContaining("已联系财务核对");
    tasks.complete(followUp.getId(), Map.of("financeContacted", true));
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("finance keeps its task").isOne();

    tasks.setAssignee(task.getId(), FINANCE);
    tasks.complete(task.getId(), Map.of("receiptOutcome", "RECEIVED"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void onlyTheDeskRecordsCashAndThePlatformChannelIsRefused() {
    as(FINANCE).body(deskGift(appeal, "CASH", "1")).post("/api/v1/donations/desk").then().statusCode(403);
    as(DESK).body(deskGift(appeal, "PLATFORM", "1")).post("/api/v1/donations/desk").then().statusCode(400)
        .body("errors.field", hasItem("channel"));
    as(DESK).body(deskGift(appeal, "CASH", "1.005")).post("/api/v1/donations/desk").then().statusCode(400)
        .body("errors.field", hasItem("amount"));
    assertThat(List.of(progress().get("pledges"))).containsExactly(0);
  }
}
