package org.gridaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Browser.TASKLIST;
import static org.gridaid.test.Browser.taskInList;

import io.restassured.RestAssured;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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

/** The warehouse checks a pledged delivery in at its site in the real Tasklist (form checkInDonation). */
@GridAidTest
class DonationBrowserTests {

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  StockLedger ledger;

  @Test
  void theWarehouseChecksADeliveryInWithDamagedBoxesRefused() throws Exception {
    RestAssured.port = port;
    long n = ThreadLocalRandom.current().nextLong(1_000_000_000L);
    String site = "T-BS" + n;
    String item = "T-DISINF-" + n;
    Api.admin().body(Map.of("code", site, "name", "浏览器测试采样点" + n, "kind", "SAMPLING_SITE", "areaCode", "JH-LL"))
        .post("/api/v1/supplies/sites").then().statusCode(201);
    Api.admin().body(Map.of("code", item, "name", "84消毒液 " + n, "unit", "箱", "category", "HYGIENE"))
        .post("/api/v1/supplies/items").then().statusCode(201);
    int appeal = Api.as("donation-desk-01").body(Map.of("title", "消毒液募集" + n, "kind", "GOODS", "itemCode", item,
        "targetQuantity", 500, "deadline", Instant.now().plus(3, ChronoUnit.DAYS).toString(), "siteCodes",
        List.of(site))).post("/api/v1/appeals").then().statusCode(201).extract().path("id");
    int pledge = Api.as("donation-desk-01").body(Map.of("donorName", "某日化公司", "donorPhone", "13800138111",
        "quantity", 40, "siteCode", site, "promisedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1)
            .toString())).post("/api/v1/appeals/{id}/pledges", appeal).then().statusCode(201).extract().path("id");
    Task checkIn = tasks.createTaskQuery().processInstanceBusinessKey(GoodsPledgeProcess.businessKey(pledge))
        .taskDefinitionKey(GoodsPledgeProcess.TASK_CHECK_IN).singleResult();

    try (Browser browser = Browser.open(port)) {
      browser.go(TASKLIST).signIn("warehouse-01", "demo").click("物资保障任务");
      By entry = taskInList(checkIn.getId());
      browser.click(entry).waitForText("实收数量");
      assertThat(browser.fieldValue("认捐信息")).contains("某日化公司", "40箱", "浏览器测试采样点");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.fillField("实收数量", "37").fillField("拒收数量 (破损等)", "3")
          .fillField("拒收原因", "三箱瓶身破裂").click("完成");
      browser.waitUntilGone(entry);
    }
    assertThat(tasks.createTaskQuery().taskId(checkIn.getId()).count()).isZero();
    assertThat(ledger.level(site, item).onHand()).isEqualTo(37);
    Api.as("donation-desk-01").get("/api/v1/pledges/{id}", pledge).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("DELIVERED"))
        .body("refusedReason", org.hamcrest.Matchers.equalTo("三箱瓶身破裂"));
  }
}
