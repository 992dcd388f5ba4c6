package org.gridaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.carepacks.CarePackProcess;
import org.gridaid.test.Api;
import org.gridaid.test.Browser;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.restassured.RestAssured;

/**
 * A grid worker records the doors of a care-pack campaign in the real Tasklist: the grid's
 * household list, an outcome picked per household, the list submitted; the household nobody
 * opened for comes back on the follow-up list.
 */
@GridAidTest
class CarePackBrowserTests {

  /** No other test starts campaigns in this grid; its worker and its filter in Tasklist. */
  private static final String GRID = "JH-JN-NS-02";
  private static final String WORKER = "grid-jiangnan-nanshan-02";
  private static final String FILTER = "南山村第2网格 · 网格任务";

  @LocalServerPort
  int port;
  @Autowired
  TaskService tasks;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aGridWorkerRecordsTheDoorsOfTheGridInTasklist() throws Exception {
    RestAssured.port = port;
    long campaign = ((Number) Api.as("street-jiangnan").body(Map.of("name", "南山村早餐包", "areaCodes", List.of(GRID),
            "packTypes", List.of("BREAKFAST"))).post("/api/v1/campaigns").then().statusCode(201).extract().path("id"))
        .longValue();
    Task handOver = tasks.createTaskQuery().processInstanceBusinessKey(CarePackProcess.businessKey(campaign))
        .taskDefinitionKey(CarePackProcess.TASK_HAND_OVER).singleResult();
    tasks.complete(handOver.getId());
    List<String> addresses = Api.as(WORKER).get("/api/v1/campaigns/{id}/grids/{grid}/households", campaign, GRID)
        .then().statusCode(200).extract().path("address");
    assertThat(addresses).hasSizeGreaterThanOrEqualTo(3);
    Task deliver = tasks.createTaskQuery().processInstanceBusinessKey(CarePackProcess.businessKey(campaign))
        .taskDefinitionKey(CarePackProcess.TASK_DELIVER).singleResult();

    try (Browser browser = Browser.open(port)) {
      browser.windowSize(1400, 1400);
      browser.go(Browser.TASKLIST).signIn(WORKER, "demo").click(Browser.filter(FILTER));
      By item = Browser.taskInList(deliver.getId());
      assertThat(browser.textOf(Browser.taskEntry(deliver.getId()))).contains("入户发放");
      browser.click(item).waitForText("本网格住户");
      assertThat(browser.fieldValues("住址")).as("every household of the grid, with its address")
          .containsExactlyInAnyOrderElementsOf(addresses);
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      for (int i = 0; i < addresses.size(); i++) {
        browser.selectOption("发放结果", browser.listItem("住址", addresses.get(i)), i == 0 ? "不在家" : "已送达");
      }
      browser.screenshotForDocs("tasklist-deliver-care-packs");
      browser.click("提交").waitUntilGone(item);
    }

    assertThat(jdbc.sql("select recorded_by from care_pack_delivery where campaign_id = ?").param(campaign)
        .query(String.class).list()).as("every door recorded from the list, by the worker").containsOnly(WORKER);
    Api.as(WORKER).get("/api/v1/campaigns/{id}", campaign).then().statusCode(200)
        .body("totals.delivered", org.hamcrest.Matchers.equalTo(addresses.size() - 1))
        .body("totals.notVisited", org.hamcrest.Matchers.equalTo(0));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(CarePackProcess.businessKey(campaign))
        .taskDefinitionKey(CarePackProcess.TASK_FOLLOW_UP).count()).as("the one nobody opened for: a second attempt")
        .isOne();
  }
}
