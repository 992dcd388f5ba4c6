package org.gridaid.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridaid.test.Browser;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A grid worker's first morning: sign in to the real Tasklist and find their grid's queue. */
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

  @Test
  void theCommandCentreSignsInToCockpit() throws Exception {
    try (Browser browser = Browser.open(port)) {
      browser.go(Browser.COCKPIT).signIn("command-01", "demo")
          .waitForText("运行中的流程实例");
      browser.screenshot("cockpit-command");
    }
  }
}
