package org.gridaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Browser.COCKPIT;
import static org.gridaid.test.Browser.TASKLIST;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridaid.test.Api;
import org.gridaid.test.Browser;
import org.gridaid.test.GridAidTest;
import org.gridaid.test.PendingJobs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Chinese browser sees the webapps as the product's own: Chinese text (English only in data
 * and product names), 网格救助 and its mark in the header and on the sign-in page, and no
 * banner asking to migrate to Camunda 8.
 */
@GridAidTest
class WebappFaceBrowserTests {

  static final String ADMIN = "/camunda/app/admin/default/";
  static final String WELCOME = "/camunda/app/welcome/default/";

  /** Names and abbreviations a Chinese user reads as they are (the footer names Camunda Platform). */
  private static final Set<String> ALLOWED = Set.of("Camunda", "Platform", "Web", "BPMN", "DMN", "ID", "CSV", "JSON",
      "UTC");
  private static final By GRID_QUEUE = Browser.filter("中福社区第2网格 · 网格任务");
  /** Rows of Cockpit's and Admin's tables are data: keys, ids, variables and their types and values. */
  private static final String DATA = ".cam-table tbody, table.table tbody";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void theDistrictCommandSeesCockpitInChineseUnderTheProductsName() throws Exception {
    ProcessInstance helpRequest = aHelpRequest();
    try (Browser browser = Browser.open(port)) {
      browser.windowSize(1600, 1000); // the diagram readable on the screenshot
      browser.go(COCKPIT).waitForText("登录");
      seesTheSignInPageOfTheProduct(browser, "监控中心");

      browser.signIn("command-01", "demo").waitForText("运行中的流程实例");
      seesChineseUnderTheProductsName(browser, "Cockpit's dashboard");

      browser.go(COCKPIT + "#/processes").waitForText("个流程定义已部署").waitForText("热线诉求");
      seesChineseUnderTheProductsName(browser, "Cockpit's processes");

      browser.go(COCKPIT + "#/process-definition/" + helpRequest.getProcessDefinitionId() + "/runtime")
          .waitForText("定义键：").waitForText("网格员处置");
      seesChineseUnderTheProductsName(browser, "Cockpit's help request process");
      browser.screenshotForDocs("cockpit-zh");

      browser.go(COCKPIT + "#/process-instance/" + helpRequest.getId() + "/runtime")
          .waitForText("实例 ID：").waitForText("gridCode");
      seesChineseUnderTheProductsName(browser, "Cockpit's help request instance");
    }
  }

  @Test
  void tasklistSpeaksChineseDatesIncluded() throws Exception {
    aHelpRequest();
    try (Browser browser = Browser.open(port)) {
      browser.go(TASKLIST).waitForText("登录");
      seesTheSignInPageOfTheProduct(browser, "任务中心");

      browser.signIn("command-01", "demo").waitForText("启动流程");
      seesChineseUnderTheProductsName(browser, "Tasklist of the district command");
      browser.signOut();

      // the grid worker's new case: due and follow-up dates are said in Chinese, also when the
      // English locale file (the fallback) arrives after the Chinese one
      chineseTextsKeptEnglishOnesFetched(browser, "tasklist");
      browser.go(TASKLIST).signIn("grid-lile-zhongfu-02", "demo").click(GRID_QUEUE)
          .waitForText("网格员处置").waitForText("到期 2 天后");
      seesChineseUnderTheProductsName(browser, "Tasklist of a grid worker");
      assertThat(browser.text()).doesNotContain(" ago", "in 2 days");
    }
  }

  @Test
  void adminAndTheWelcomePageSpeakChineseUnderTheProductsName() throws Exception {
    try (Browser browser = Browser.open(port)) {
      browser.go(ADMIN).waitForText("登录");
      seesTheSignInPageOfTheProduct(browser, "系统管理");

      browser.signIn("demo", "demo").waitForText("用户");
      seesChineseUnderTheProductsName(browser, "Admin's dashboard");

      browser.go(ADMIN + "#/users").waitForText("command-01");
      seesChineseUnderTheProductsName(browser, "Admin's users");

      browser.go(WELCOME).waitForText("应用程序").waitForText("个人信息");
      seesChineseUnderTheProductsName(browser, "the welcome page");
    }
  }

  @Test
  void aBrowserThatAsksForEnglishGetsEnglishUnderTheProductsName() throws Exception {
    aHelpRequest();
    try (Browser browser = Browser.open(port, "en-US,en")) {
      browser.go(COCKPIT).signIn("command-01", "demo").waitForText("Running Process Instances");
      assertThat(browser.textOf(By.cssSelector(".navbar-brand .brand-name"))).isEqualTo("网格救助 监控中心");
      assertThat(browser.shows(".ce-eol-banner")).as("the migration banner").isFalse();
      assertThat(browser.latinWords(data(), DATA)).contains("Processes", "Decisions");

      browser.go(TASKLIST).signOut().signIn("grid-lile-zhongfu-02", "demo").click(GRID_QUEUE)
          .waitForText("网格员处置").waitForText("in 2 days");
    }
  }

  /**
   * The order in which a webapp's Chinese and English locale files arrive, made certain: the
   * Chinese texts are kept in the browser (as Camunda keeps them from an earlier visit), the
   * English ones are fetched, so they come last. Camunda makes each file's date language
   * moment's current one as it arrives: without gridaid/language.js Tasklist then says
   * "到期 in 2 days".
   */
  private static void chineseTextsKeptEnglishOnesFetched(Browser browser, String app) {
    browser.scriptAsync(Duration.ofSeconds(10), """
        var prefix = arguments[0], done = arguments[arguments.length - 1];
        fetch(prefix + 'zh.json').then(function (response) { return response.json(); }).then(function (zh) {
          var kept = JSON.parse(localStorage.getItem('camunda-web') || '{}');
          Object.keys(kept).filter(function (key) { return key.indexOf('_locales_data_') >= 0; })
              .forEach(function (key) { delete kept[key]; });
          kept[prefix + '_locales_data_zh_' + window.bust] = JSON.stringify(zh);
          localStorage.setItem('camunda-web', JSON.stringify(kept));
          done(true);
        });""", "/camunda/app/" + app + "/locales/");
  }

  private void seesTheSignInPageOfTheProduct(Browser browser, String app) {
    assertThat(browser.style(".form-signin .app-name", "::before", "content")).isEqualTo("\"网格救助\"");
    assertThat(browser.text()).contains(app);
    assertThat(browser.style(".form-signin .login-logo", null, "background-image")).contains("gridaid/mark.svg");
    assertThat(browser.shows(".form-signin .login-logo svg")).as("Camunda's logo").isFalse();
    assertThat(browser.title()).isEqualTo("网格救助 " + app);
    assertThat(browser.shows(".ce-eol-banner")).as("the banner on the sign-in page").isFalse();
    assertThat(browser.latinWords(List.of(), DATA)).as("English on the sign-in page").isSubsetOf(ALLOWED);
  }

  private void seesChineseUnderTheProductsName(Browser browser, String page) {
    assertThat(browser.shows(".ce-eol-banner")).as("the migration banner on %s", page).isFalse();
    assertThat(browser.text()).as("%s", page).doesNotContain("Camunda 8");
    assertThat(browser.textOf(By.cssSelector(".navbar-brand .brand-name"))).as("the header of %s", page)
        .startsWith("网格救助 ");
    assertThat(browser.title()).as("the title of %s", page).startsWith("网格救助 ");
    assertThat(browser.style(".navbar-brand .brand-logo", null, "background-image")).contains("gridaid/mark.svg");
    assertThat(browser.latinWords(data(), DATA)).as("English on %s", page).isSubsetOf(ALLOWED);
  }

  /** What the engine holds that the pages show as it is: process keys, people and groups. */
  private List<String> data() {
    List<String> data = new ArrayList<>();
    engine.getRepositoryService().createProcessDefinitionQuery().list().stream().map(ProcessDefinition::getKey)
        .forEach(data::add);
    for (User user : engine.getIdentityService().createUserQuery().list()) {
      data.addAll(Arrays.asList(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail()));
    }
    engine.getIdentityService().createGroupQuery().list().forEach(group -> data.add(group.getName()));
    data.removeIf(Objects::isNull);
    return data;
  }

  /** A new help request for 中福社区第2网格, triaged and routed. */
  private ProcessInstance aHelpRequest() {
    RestAssured.port = port;
    long id = Api.as("hotline-01").body(Map.of("callerName", "陈先生", "callerPhone", "1380013" + (int) (Math.random() * 9000 + 1000),
            "address", "礼乐街道中福花园5栋", "category", "LIVING_SUPPLIES", "description", "家里缺米面", "channel", "HOTLINE"))
        .post("/api/v1/help-requests").then().statusCode(201).extract().<Integer>path("id");
    PendingJobs.runFor(engine, String.valueOf(id));
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
        .singleResult();
  }
}
