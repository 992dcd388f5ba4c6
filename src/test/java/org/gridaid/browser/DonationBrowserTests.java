package org.gridaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Browser.TASKLIST;
import static org.gridaid.test.Browser.taskInList;

import io.restassured.RestAssured;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.donations.GoodsPledgeProcess;
import org.gridaid.supplies.StockLedger;
import org.gridaid.test.Api;
import org.gridaid.test.Browser;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The donation desk records a phoned pledge and cash in Tasklist's start forms (recordPledge,
 * recordDonation); the warehouse checks a pledged delivery in at its site (checkInDonation).
 */
@GridAidTest
class DonationBrowserTests {

  /** How form-js shows and reads a typed date (it submits yyyy-MM-dd). */
  static final DateTimeFormatter FORM_JS_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  StockLedger ledger;
  @Autowired
  RuntimeService runtime;

  /** A goods appeal of the desk for an item and a sampling site of the test's own. */
  record Appeal(long serial, String site, String item, int id) {}

  Appeal goodsAppeal(String itemPrefix, String itemName, String category, String title, int target) {
    RestAssured.port = port;
    long n = ThreadLocalRandom.current().nextLong(1_000_000_000L);
    String site = "T-BS" + n;
    String item = itemPrefix + n;
    Api.admin().body(Map.of("code", site, "name", "浏览器测试采样点" + n, "kind", "SAMPLING_SITE", "areaCode", "JH-LL"))
        .post("/api/v1/supplies/sites").then().statusCode(201);
    Api.admin().body(Map.of("code", item, "name", itemName + n, "unit", "箱", "category", category))
        .post("/api/v1/supplies/items").then().statusCode(201);
    int appeal = Api.as("donation-desk-01").body(Map.of("title", title + n, "kind", "GOODS", "itemCode", item,
        "targetQuantity", target, "deadline", Instant.now().plus(3, ChronoUnit.DAYS).toString(), "siteCodes",
        List.of(site))).post("/api/v1/appeals").then().statusCode(201).extract().path("id");
    return new Appeal(n, site, item, appeal);
  }

  @Test
  void theWarehouseChecksADeliveryInWithDamagedBoxesRefused() throws Exception {
    Appeal opened = goodsAppeal("T-DISINF-", "84消毒液 ", "HYGIENE", "消毒液募集", 500);
    String site = opened.site();
    String item = opened.item();
    int appeal = opened.id();
    int pledge = Api.as("donation-desk-01").body(Map.of("donorName", "某日化公司", "donorPhone", "13800138111",
        "quantity", 40, "siteCode", site, "promisedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1)
            .toString())).post("/api/v1/appeals/{id}/pledges", appeal).then().statusCode(201).extract().path("id");
    Task checkIn = tasks.createTaskQuery().processInstanceBusinessKey(GoodsPledgeProcess.businessKey(pledge))
        .taskDefinitionKey(GoodsPledgeProcess.TASK_CHECK_IN).singleResult();

    try (Browser browser = Browser.open(port)) {
      browser.go(TASKLIST).signIn("warehouse-01", "demo").click(Browser.filter("物资保障任务"));
      By entry = taskInList(checkIn.getId());
      browser.click(entry).waitForText("实收数量");
      assertThat(browser.fieldValue("认捐信息")).contains("某日化公司", "40箱", "浏览器测试采样点");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.fillField("实收数量", "37").fillField("拒收数量 (破损等)", "3")
          .fillField("拒收原因", "三箱瓶身破裂").click("完成");
      browser.waitUntilGone(entry);

      // the public's view of it: the printable report, without signing in
      browser.signOut().go("/api/v1/public/donation-report/print?appealId=" + appeal).waitForText("捐赠公示")
          .windowSize(1000, 700);
      assertThat(browser.text()).contains("37箱").doesNotContain("某日化公司", "13800138111");
      browser.screenshotForDocs("donation-report-print");
    }
    assertThat(tasks.createTaskQuery().taskId(checkIn.getId()).count()).isZero();
    assertThat(ledger.level(site, item).onHand()).isEqualTo(37);
    Api.as("donation-desk-01").get("/api/v1/pledges/{id}", pledge).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("DELIVERED"))
        .body("refusedReason", org.hamcrest.Matchers.equalTo("三箱瓶身破裂"));
  }

  @Test
  void theDeskRecordsAPhonedPledgeAndCashInTasklist() throws Exception {
    Appeal opened = goodsAppeal("T-WATER-", "矿泉水 ", "FOOD", "饮用水募集", 3000);
    String site = opened.site();
    String item = opened.item();
    int appeal = opened.id();
    long n = opened.serial();
    LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
    String donor = "江海区某超市" + n;

    try (Browser browser = Browser.open(port)) {
      browser.go(TASKLIST).signIn("donation-desk-01", "demo").click("启动流程").click("物资认捐送达")
          .waitForText("登记物资认捐");
      browser.fillField("物资呼吁编号", String.valueOf(appeal)).fillField("送达点编码", site)
          .fillField("认捐数量", "120").fillField("约定送达日期", tomorrow.format(FORM_JS_DATE))
          .fillField("捐赠人", donor).fillField("联系电话", "13800138222");
      browser.click("开始").waitForText("流程已启动");

      browser.click("启动流程").click("捐款登记与到账确认").waitForText("登记现金或银行转账捐款");
      browser.fillField("金额 (元)", "1280.50").fillField("捐赠人", donor).fillField("联系电话", "13800138222");
      browser.screenshotForDocs("tasklist-record-donation");
      browser.click("开始").waitForText("流程已启动");
    }

    Task checkIn = tasks.createTaskQuery().processDefinitionKey(GoodsPledgeProcess.KEY)
        .taskDefinitionKey(GoodsPledgeProcess.TASK_CHECK_IN).processVariableValueLike("pledgeSummary", "%" + donor + "%")
        .singleResult();
    assertThat(checkIn).as("the site waits for the delivery").isNotNull();
    String businessKey = runtime.createProcessInstanceQuery().processInstanceId(checkIn.getProcessInstanceId())
        .singleResult().getBusinessKey();
    Map<String, Object> pledge = Api.as("donation-desk-01")
        .get("/api/v1/pledges/{id}", businessKey.substring("pledge-".length())).then().statusCode(200).extract()
        .path("");
    assertThat(pledge).containsEntry("appealId", appeal).containsEntry("quantity", 120)
        .containsEntry("siteCode", site).containsEntry("promisedOn", tomorrow.toString())
        .containsEntry("pledgedBy", "donation-desk-01");
    Task confirm = tasks.createTaskQuery().taskCandidateGroup("finance").processVariableValueLike("giftSummary",
        "%" + donor + "%").singleResult();
    assertThat(confirm).as("finance confirms the cash").isNotNull();
    assertThat(tasks.getVariable(confirm.getId(), "giftSummary").toString()).contains("现金 1280.50元");
  }
}
