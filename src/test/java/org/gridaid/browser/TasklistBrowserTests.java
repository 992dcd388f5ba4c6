package org.gridaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.gridaid.test.Api;
import org.gridaid.test.Browser;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A grid worker's first morning: sign in to the real Tasklist and land on their grid's queue. */
@GridAidTest
class TasklistBrowserTests {

  @LocalServerPort
  int port;

  @Test
  void aGridWorkerSignsInToTasklistInChineseAndSeesTheirGridsFilter() throws Exception {
    try (Browser browser = Browser.open(port)) {
      browser.go(Browser.TASKLIST).signIn("grid-lile-zhongfu-02", "demo")
          .waitForText("中福社区第2网格 · 网格任务");

      String page = browser.text();
      browser.screenshot("tasklist-grid-worker");
      assertThat(page).contains("我的待办", "中福社区第2网格 · 网格任务")
          .doesNotContain("中福社区第1网格 · 网格任务");
    }
  }

  /**
   * Each role lands on its own queue, selected: Tasklist selects the first filter, and the
   * filters stand in the order of their priority.
   */
  @Test
  void eachRoleLandsOnItsOwnQueue() throws Exception {
    RestAssured.port = port;
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    Api.withKey(Api.PARTNER_KEY).body(Map.of("callerName", "何阿姨", "callerPhone", phone, "gridCode", "JH-LL-ZF-03",
        "category", "LIVING_SUPPLIES", "description", "家里缺米和食用油")).post("/api/v1/help-requests").then()
        .statusCode(201);
    Map<String, String> landsOn = new LinkedHashMap<>();
    landsOn.put("grid-lile-zhongfu-03", "中福社区第3网格 · 网格任务");
    landsOn.put("gridleader-lile-zhongfu-03", "中福社区第3网格 · 网格长督办");
    landsOn.put("hotline-01", "热线任务");
    try (Browser browser = Browser.open(port)) {
      for (var user : landsOn.entrySet()) {
        browser.go(Browser.TASKLIST).signIn(user.getKey(), "demo").waitForText(user.getValue());
        assertThat(browser.textOf(SELECTED_FILTER)).as("%s lands on", user.getKey())
            .startsWith(user.getValue());
        if (user.getKey().startsWith("grid-")) {
          browser.waitForText("网格员处置");
          assertThat(browser.text()).contains("中福社区第3网格 · 网格任务 · 即将超期", "中福社区第3网格 · 网格任务 · 已超期");
          browser.screenshotForDocs("tasklist-grid-worker");
        }
        browser.signOut();
      }
    }
  }

  static final By SELECTED_FILTER = By.cssSelector(".task-filter.active h4.name");

  @Test
  void theCommandCentreSignsInToCockpit() throws Exception {
    try (Browser browser = Browser.open(port)) {
      browser.go(Browser.COCKPIT).signIn("command-01", "demo")
          .waitForText("运行中的流程实例");
      browser.screenshot("cockpit-command");
    }
  }
}
