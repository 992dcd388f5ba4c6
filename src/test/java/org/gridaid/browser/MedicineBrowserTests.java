package org.gridaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Browser.COCKPIT;
import static org.gridaid.test.Browser.TASKLIST;
import static org.gridaid.test.Browser.taskInList;

import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.medicine.MedicineDeliveryProcess;
import org.gridaid.supplies.StockLedger;
import org.gridaid.test.Api;
import org.gridaid.test.Browser;
import org.gridaid.test.EngineHistory;
import org.gridaid.test.GridAidTest;
import org.gridaid.test.ModuleEvents;
import org.gridaid.test.PendingJobs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Medicine to the door in the real Tasklist: a grid worker's 需送药上门 becomes a delivery that
 * the pharmacy lists and approves, a volunteer claims, picks up and hands over with the
 * recipient's code; the help request then goes on to its call-back. A job nobody claims reaches
 * the grid worker; late insulin reaches the street office.
 */
@GridAidTest
class MedicineBrowserTests {

  private static final String ADDRESS = "礼乐街道中福花园5栋";
  private static final String PHARMACY = "PH-JH-LL";
  private static final String NIFEDIPINE = "MED-NIFEDIPINE-SR";

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  ProcessEngine engine;
  @Autowired
  StockLedger ledger;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ThreadPoolTaskExecutor applicationTaskExecutor;

  @Test
  void aGridWorkersNeedForMedicineIsListedApprovedClaimedAndHandedOverWithTheRecipientsCode() throws Exception {
    RestAssured.port = port;
    long helpRequest = Api.as("hotline-01").body(Map.of("callerName", "王伯", "callerPhone", newPhone(),
            "address", ADDRESS, "category", "MEDICINE", "description", "降压药只剩一天的量", "channel", "HOTLINE"))
        .post("/api/v1/help-requests").then().statusCode(201).extract().<Integer>path("id");
    Task handle = openTask(String.valueOf(helpRequest), "userTask_handleRequest");
    int onHand = ledger.level(PHARMACY, NIFEDIPINE).onHand();
    String code;

    try (Browser browser = Browser.open(port)) {
      browser.windowSize(1400, 1400);
      // the grid worker: the resident needs medicine brought to the door
      browser.go(TASKLIST).signIn("grid-lile-zhongfu-02", "demo").click(Browser.filter("中福社区第2网格 · 网格任务"));
      browser.click(taskInList(handle.getId())).waitForText("处置结果");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.click("需送药上门").fillField("处置情况", "需要硝苯地平缓释片两盒").click("完成");
      browser.waitUntilGone(taskInList(handle.getId()));
      String delivery = deliveryKey(helpRequest);
      // the job executor is off in tests: run what follows 登记送药需求
      PendingJobs.runFor(engine, delivery);

      // the pharmacy lists the medicine, then checks the prescription
      Task list = openTask(delivery, MedicineDeliveryProcess.TASK_LIST_MEDICINES);
      browser.signOut().signIn("pharmacy-01", "demo").click(Browser.filter("药房任务"));
      browser.click(taskInList(list.getId())).waitForText("药品清单");
      assertThat(browser.fieldValue("送药单")).contains("王伯", ADDRESS, "需要硝苯地平缓释片两盒");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.fillField("数量", medicineRow(browser, "硝苯地平缓释片"), "2");
      browser.screenshotForDocs("tasklist-list-medicines");
      // the form's own button: Tasklist 7.24 keeps its 完成 disabled once a list item changed
      browser.click("提交药品清单").waitUntilGone(taskInList(list.getId()));

      Task check = openTask(delivery, MedicineDeliveryProcess.TASK_CHECK_PRESCRIPTION);
      browser.click(taskInList(check.getId())).waitForText("处方药审核");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.selectOption("审核意见", 0, "同意").click("提交审核意见").waitUntilGone(taskInList(check.getId()));

      // a volunteer of the street claims the job (接单), picks the medicine up
      Task pickUp = openTask(delivery, MedicineDeliveryProcess.TASK_PICK_UP);
      browser.signOut().signIn("volunteer-lile-01", "demo").click(Browser.filter("礼乐街道 · 志愿者接单"));
      browser.click(taskInList(pickUp.getId())).waitForText("取药备注");
      assertThat(browser.fieldValue("送药单")).contains("取药点: 礼乐街道社区卫生服务中心药房");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.click("完成").waitUntilGone(taskInList(pickUp.getId()));
      assertThat(ledger.level(PHARMACY, NIFEDIPINE).onHand()).as("issued at pick-up").isEqualTo(onHand - 2);

      // at the door: the recipient's code from the text message
      Task deliver = openTask(delivery, MedicineDeliveryProcess.TASK_DELIVER);
      browser.click("我的待办").click(taskInList(deliver.getId())).waitForText("送达结果");
      code = confirmationCode(delivery);
      browser.click("已送达").fillField("收件确认码", code);
      browser.screenshotForDocs("tasklist-deliver-medicine");
      browser.click("提交送达结果").waitUntilGone(taskInList(deliver.getId()));
    }
    ModuleEvents.awaitHandled(applicationTaskExecutor);

    assertThat(ledger.level(PHARMACY, NIFEDIPINE).onHand()).as("down by exactly what was accepted")
        .isEqualTo(onHand - 2);
    assertThat(openTask(String.valueOf(helpRequest), "userTask_callback")).isNotNull();
    List<String> steps = Api.as("hotline-01").get("/api/v1/help-requests/{id}", helpRequest).then().statusCode(200)
        .extract().path("timeline.text");
    assertThat(steps).as("the delivery on the help request's timeline").contains("药房已开列药品", "配送员已取药", "已送达");
    // the recipient, what they need and the code are in the delivery's tables, never in history
    assertThat(new EngineHistory(jdbc).textsContaining(List.of("王伯", "需要硝苯地平缓释片两盒")))
        .as("personal data in the engine's history").isEmpty();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().variableUpdates().list())
        .as("the code the courier typed").noneMatch(detail -> code.equals(String.valueOf(
            ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getValue())));
  }

  @Test
  void aJobNobodyClaimsReachesTheGridWorkerAndLateInsulinTheStreetOffice() throws Exception {
    RestAssured.port = port;
    long id = Api.withKey(Api.PARTNER_KEY).body(Map.of("recipientName", "赵阿姨", "recipientPhone", newPhone(),
            "recipientAddress", ADDRESS, "urgency", "URGENT",
            "lines", List.of(Map.of("itemCode", "MED-INSULIN", "quantity", 1, "prescribedBy", "社区医院 刘医生"))))
        .post("/api/v1/medicine-requests").then().statusCode(201).extract().<Integer>path("id");
    String delivery = MedicineDeliveryProcess.businessKey(id);
    tasks.complete(openTask(delivery, MedicineDeliveryProcess.TASK_CHECK_PRESCRIPTION).getId(),
        Map.of("prescriptionLines", "[{\"lineNo\": 1, \"decision\": \"APPROVED\"}]"));
    Task pickUp = openTask(delivery, MedicineDeliveryProcess.TASK_PICK_UP);
    fire(delivery, MedicineDeliveryProcess.TIMER_UNCLAIMED);

    try (Browser browser = Browser.open(port)) {
      browser.windowSize(1400, 1200);
      browser.go(TASKLIST).signIn("grid-lile-zhongfu-02", "demo").click(Browser.filter("中福社区第2网格 · 网格任务"));
      browser.click(taskInList(pickUp.getId())).waitForText("取药备注");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.click("完成").waitUntilGone(taskInList(pickUp.getId()));

      fire(delivery, MedicineDeliveryProcess.TIMER_COLD_CHAIN);
      Task alert = openTask(delivery, MedicineDeliveryProcess.TASK_COLD_CHAIN_ALERT);
      browser.signOut().signIn("street-lile", "demo").click(Browser.filter("礼乐街道 · 街道任务"));
      browser.click(taskInList(alert.getId())).waitForText("督办措施");
      assertThat(browser.textOf(By.cssSelector(".task-details"))).contains("冷链药品超时预警");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.fillField("督办措施", "已联系网格员, 30分钟内送达并冷藏").click("完成")
          .waitUntilGone(taskInList(alert.getId()));

      // the district command finds the process in Cockpit
      browser.signOut().windowSize(1920, 1200).go(COCKPIT).signIn("demo", "demo")
          .waitForText("运行中的流程实例");
      browser.go(COCKPIT + "#/processes").click("送医送药上门").waitForText("定义键：")
          .waitForText("medicineDelivery").waitForText("送达确认");
      browser.screenshotForDocs("cockpit-medicine-delivery");
    }
  }

  /** The row of the pharmacy's list (one per medicine of the catalogue) that names the medicine. */
  private static int medicineRow(Browser browser, String name) {
    for (int row = 0; ; row++) {
      if (browser.fieldValue("药品", row).startsWith(name)) {
        return row;
      }
    }
  }

  private void fire(String businessKey, String timerId) {
    // business keys are ids, which other processes' cases share
    var process = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("medicineDelivery")
        .processInstanceBusinessKey(businessKey).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(process.getId()).activityId(timerId)
        .singleResult().getId());
  }

  private String deliveryKey(long helpRequestId) {
    long id = jdbc.sql("select id from medicine_delivery where help_request_id = ?").param(helpRequestId)
        .query(Long.class).single();
    return MedicineDeliveryProcess.businessKey(id);
  }

  private String confirmationCode(String businessKey) {
    long id = Long.parseLong(businessKey.substring(3));
    return Api.as("hotline-01").get("/api/v1/medicine-requests/{id}", id).then().statusCode(200)
        .extract().path("confirmationCode");
  }

  private Task openTask(String businessKey, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task %s of %s", taskKey, businessKey).isNotNull();
    return task;
  }

  private static String newPhone() {
    return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }
}
