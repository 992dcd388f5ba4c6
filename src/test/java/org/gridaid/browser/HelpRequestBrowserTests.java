package org.gridaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Browser.COCKPIT;
import static org.gridaid.test.Browser.TASKLIST;
import static org.gridaid.test.Browser.taskEntry;
import static org.gridaid.test.Browser.taskInList;

import io.restassured.RestAssured;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import java.util.List;
import org.gridaid.test.Api;
import org.gridaid.test.Browser;
import org.gridaid.test.EngineHistory;
import org.gridaid.test.PendingJobs;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.gridaid.shared.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident's call from the hotline to the call-back, worked by real people in the real
 * Tasklist: the operator records it, the grid worker of the address handles it, the operator
 * calls back, and the command centre finds the process in Cockpit.
 */
@GridAidTest
class HelpRequestBrowserTests {

  /** 中福花园5栋 is a minimal unit of 中福社区第2网格 in the demo organisation. */
  private static final String ADDRESS = "礼乐街道中福花园5栋";
  private static final String GRID = "JH-LL-ZF-02";

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  ProcessEngine engine;
  @Autowired
  PersonalDataCipher cipher;

  @Test
  void aCallIsRecordedHandledByTheGridCalledBackAndClosedInTasklist() throws Exception {
    String phone = newPhone();
    try (Browser browser = Browser.open(port)) {
      // tall enough for the whole intake form on one screenshot
      browser.windowSize(1400, 1500);

      // the hotline operator records the call
      startCall(browser).fillField("来电人姓名", "李女士")
          .fillField("联系电话", phone)
          .fillField("地址", ADDRESS)
          .selectOption("诉求类别", "药品需求")
          .fillField("诉求内容", "家中老人降压药只剩一天的量, 附近药房不送货")
          .fillField("涉及人员", "王伯, 78岁")
          .click("独居老人");
      assertThat(browser.fieldValue("来源渠道")).isEqualTo("暖心服务热线");
      browser.screenshotForDocs("tasklist-record-help-request");
      browser.click("开始").waitForText("流程已启动");
      // the job executor is off in tests: run the triage and routing that follow 登记诉求
      PendingJobs.runFor(engine, String.valueOf(helpRequestOf(phone).id()));

      CaseRow recorded = helpRequestOf(phone);
      long id = recorded.id();
      String businessKey = String.valueOf(id);
      assertThat(recorded.gridCode()).as("the grid of %s", ADDRESS).isEqualTo(GRID);
      assertThat(recorded.category()).isEqualTo("MEDICINE");
      assertThat(recorded.vulnerabilities()).isEqualTo("ELDERLY_ALONE");

      // the grid worker of the address finds it in the grid's filter, takes it and resolves it
      Task handle = openTask(businessKey, "userTask_handleRequest");
      browser.signOut().signIn("grid-lile-zhongfu-02", "demo").click(Browser.filter("中福社区第2网格 · 网格任务"));
      By handleItem = taskInList(handle.getId());
      assertThat(browser.textOf(taskEntry(handle.getId()))).contains("网格员处置", "热线诉求", "到期");
      assertThat(handle.getDueDate()).isNotNull();
      browser.click(handleItem).waitForText("处置结果");
      assertThat(browser.fieldValue("诉求概要")).contains("#" + id, "药品需求", "李女士", phone, ADDRESS, "独居老人");
      assertThat(browser.fieldValue("时限")).contains("首次响应", "办结");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.click("已解决").fillField("处置情况", "已联系礼乐药房配药, 网格员当天送到王伯家门口").click("完成");
      browser.waitUntilGone(handleItem);
      assertThat(tasks.createTaskQuery().taskId(handle.getId()).count()).as("the grid's task is done").isZero();

      // the hotline operator calls the resident back: reached and satisfied
      Task callback = openTask(businessKey, "userTask_callback");
      browser.signOut().signIn("hotline-01", "demo").click(Browser.filter("热线任务"));
      By callbackItem = taskInList(callback.getId());
      assertThat(browser.textOf(taskEntry(callback.getId()))).contains("回访居民", "热线诉求", "到期");
      browser.click(callbackItem).waitForText("回访记录");
      assertThat(browser.fieldValue("诉求概要")).contains("#" + id, phone);
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.click("已接通").click("满意").fillField("回访记录", "王伯已收到降压药, 家属表示满意")
          .click("完成");
      browser.waitUntilGone(callbackItem);

      // the case is closed in the grid of the address, and its process ended as 办结
      CaseRow closed = helpRequestOf(phone);
      assertThat(closed.status()).isEqualTo("CLOSED");
      assertThat(closed.gridCode()).isEqualTo(GRID);
      assertThat(closed.outcome()).isEqualTo("RESOLVED");
      // business keys are ids, which other processes' cases share
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("helpRequest")
          .processInstanceBusinessKey(businessKey).count()).isZero();
      HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey("helpRequest").processInstanceBusinessKey(businessKey).singleResult();
      assertThat(process.getEndTime()).isNotNull();
      assertThat(process.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
      assertThat(process.getStartUserId()).isEqualTo("hotline-01");
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
          .activityId("endEvent_closed").finished().count()).isEqualTo(1);
      // what the forms showed and took about the caller is in the case tables, never in history
      assertThat(new EngineHistory(jdbc).textsContaining(
          List.of("李女士", phone, "中福花园5栋", "降压药只剩", "王伯", "当天送到", "家属表示满意")))
          .as("personal data in the engine's history").isEmpty();

      // the district command centre opens the process in Cockpit (Cockpit CE lists running
      // instances only; a wide window makes the diagram readable on the screenshot)
      browser.signOut().windowSize(1920, 1400).go(COCKPIT).signIn("demo", "demo")
          .waitForText("运行中的流程实例");
      browser.go(COCKPIT + "#/processes").click("热线诉求")
          .waitForText("定义键：").waitForText("helpRequest")
          .waitForText("回访居民").waitForText("办结");
      browser.screenshotForDocs("cockpit-help-request");
    }
  }

  @Test
  void theHotlinePicksTheGridOfAnUnknownAddressFromAList() throws Exception {
    String phone = newPhone();
    try (Browser browser = Browser.open(port)) {
      browser.windowSize(1400, 1500);
      startCall(browser).fillField("来电人姓名", "周先生").fillField("联系电话", phone).fillField("地址", "新建的无名小区12栋")
          .selectOption("诉求类别", "生活物资").fillField("诉求内容", "家里没有米了");
      browser.click("开始").waitForText("流程已启动");
      // the job executor is off in tests: run the triage and routing that follow 登记诉求
      PendingJobs.runFor(engine, String.valueOf(helpRequestOf(phone).id()));
      long id = helpRequestOf(phone).id();

      Task pick = openTask(String.valueOf(id), "userTask_pickGrid");
      browser.click(Browser.filter("热线任务"));
      browser.click(taskInList(pick.getId())).waitForText("选择负责的网格");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      browser.selectOption("网格", "礼乐街道 中福社区第2网格 (JH-LL-ZF-02)").click("完成");
      browser.waitUntilGone(taskInList(pick.getId()));

      assertThat(helpRequestOf(phone).gridCode()).isEqualTo(GRID);
      assertThat(openTask(String.valueOf(id), "userTask_handleRequest")).isNotNull();
    }
  }

  @Test
  void theGridLeaderRefusesASecondHoldInTasklistAndTheGridGoesOn() throws Exception {
    RestAssured.port = port;
    String phone = newPhone();
    long id = Api.as("hotline-01").body(Map.of("callerName", "陈先生", "callerPhone", phone, "address", ADDRESS,
            "category", "LIVING_SUPPLIES", "description", "家里缺米面", "channel", "HOTLINE"))
        .post("/api/v1/help-requests").then().statusCode(201).extract().<Integer>path("id");
    String businessKey = String.valueOf(id);
    // the first hold, over; then the worker asks for another one
    String resumeAt = OffsetDateTime.now().plusHours(3).toString();
    Api.as("grid-lile-zhongfu-02").body(Map.of("reason", "居民外出", "resumeAt", resumeAt))
        .post("/api/v1/help-requests/" + id + "/hold").then().statusCode(200);
    Api.as("grid-lile-zhongfu-02").post("/api/v1/help-requests/" + id + "/resume").then().statusCode(200);
    Api.as("grid-lile-zhongfu-02").body(Map.of("reason", "居民仍在外地, 下周回来", "resumeAt", resumeAt))
        .post("/api/v1/help-requests/" + id + "/hold").then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"))
        .body("holdAwaitingApproval", org.hamcrest.Matchers.equalTo(true));

    Task approval = openTask(businessKey, "userTask_approveHold");
    try (Browser browser = Browser.open(port)) {
      browser.windowSize(1400, 1300);
      browser.go(TASKLIST).signIn("gridleader-lile-zhongfu-02", "demo").click(Browser.filter("中福社区第2网格 · 网格长督办"));
      browser.click(taskInList(approval.getId())).waitForText("是否同意暂缓");
      assertThat(browser.fieldValue("网格员申请再次暂缓")).contains("居民仍在外地", "此前已暂缓 1 次", "上限 7天");
      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      // a refusal says why: Tasklist shows the form's refusal and the task stays open
      browser.click("不同意, 继续处置").click("完成").waitForText("表单有误");
      assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isOne();
      browser.fillField("审批意见", "居民家中只有老人, 请今日先送米面").click("完成");
      browser.waitUntilGone(taskInList(approval.getId()));
    }

    assertThat(jdbc.sql("select status from help_request where id = ?").param(id).query(String.class).single())
        .isEqualTo("IN_PROGRESS");
    Task grid = openTask(businessKey, "userTask_handleRequest");
    assertThat(tasks.getVariables(grid.getId())).as("the grid worker's form opens empty")
        .doesNotContainKeys("outcome", "holdReason", "resumeAt");
  }

  @Test
  void theOperatorReadsTheCaseNumberAndTrackingCodeToTheCallerAndOpensTheCase() throws Exception {
    String phone = newPhone();
    try (Browser browser = Browser.open(port)) {
      startCall(browser).fillField("来电人姓名", "郑先生").fillField("联系电话", phone).fillField("地址", ADDRESS)
          .selectOption("诉求类别", "生活物资").fillField("诉求内容", "家里只剩两天的米");
      browser.click("开始").waitForText("已登记热线诉求, 请告知来电人");
      long id = helpRequestOf(phone).id();
      String trackingCode = jdbc.sql("select tracking_code from help_request where id = ?").param(id)
          .query(String.class).single();
      assertThat(browser.textOf(STARTED_CASE)).contains("#" + id, trackingCode, "正在");

      // the job executor is off in tests: triage and routing follow 登记诉求 in a job
      PendingJobs.runFor(engine, String.valueOf(id));
      browser.waitForText("中福社区第2网格 (" + GRID + ")");
      String priority = jdbc.sql("select priority from help_request where id = ?").param(id).query(String.class)
          .single();
      assertThat(browser.textOf(STARTED_CASE)).contains("#" + id, trackingCode, priority, "已派单");
      browser.screenshotForDocs("tasklist-hotline-case-number");

      String caseLink = browser.element(By.cssSelector("#grid-aid-started-case a")).getDomAttribute("href");
      browser.go(caseLink.substring(caseLink.indexOf("/camunda/"))).waitForText("办理经过");
      assertThat(browser.text()).contains("热线诉求 #" + id, trackingCode, "郑先生", "家里只剩两天的米", "中福社区第2网格");
    }
  }

  static final By STARTED_CASE = By.id("grid-aid-started-case");

  /** The hotline operator signs in to Tasklist and opens the start form of 热线诉求. */
  private static Browser startCall(Browser browser) {
    browser.go(TASKLIST).signIn("hotline-01", "demo").waitForText("热线任务");
    return browser.click("启动流程").click("热线诉求").waitForText("登记来电诉求");
  }

  private static String newPhone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  record CaseRow(long id, String status, String gridCode, String category, String vulnerabilities, String outcome) {}

  private CaseRow helpRequestOf(String phone) {
    return jdbc.sql("select id, status, grid_code, category, vulnerabilities, outcome from help_request"
        + " where caller_phone_hash = ?").param(cipher.lookupHash(phone))
        .query((rs, row) -> new CaseRow(rs.getLong("id"), rs.getString("status"), rs.getString("grid_code"),
            rs.getString("category"), rs.getString("vulnerabilities"), rs.getString("outcome")))
        .single();
  }

  private Task openTask(String businessKey, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task %s of help request %s", taskKey, businessKey).isNotNull();
    return task;
  }
}
