package org.gridaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.as;

import io.restassured.RestAssured;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.checkin.CheckInMorning;
import org.gridaid.checkin.CheckInNeeds;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.test.ModuleEvents;
import org.gridaid.test.Browser;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A grid worker's morning in the real Tasklist: today's check-in list of their grid, one call
 * after another, and a need heard on the phone that becomes a help request for the grid.
 */
@GridAidTest
class CheckInBrowserTests {

  /** No other test uses this grid; its worker and its filter in Tasklist. */
  private static final String GRID = "JH-LL-YM-02";
  private static final String WORKER = "grid-lile-yongming-02";
  private static final String FILTER = "永明社区第2网格 · 网格任务";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** A day of its own: CheckInProcessTests live 100 days and more ahead. */
  private static final LocalDate DAY = LocalDate.now(CHINA).plusDays(60);
  private static final String NEED = "降压药只剩两天的量, 女儿在外地回不来";

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  CheckInNeeds needs;
  @Autowired
  PersonalDataCipher cipher;
  @Autowired
  ThreadPoolTaskExecutor applicationTaskExecutor;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aGridWorkerRecordsTodaysCallsInTasklistAndANeedBecomesAHelpRequestForTheGrid() throws Exception {
    RestAssured.port = port;
    Instant morning = DAY.atTime(8, 0).atZone(CHINA).toInstant();
    ClockUtil.setCurrentTime(Date.from(morning));
    // the grid worker puts three elderly neighbours living alone on a daily call (the grid
    // already has people on its list from the demo register)
    listedPerson("永明新村4栋601室", "JH-LL-YM-02-01", "黄秀兰");
    listedPerson("永明新村5栋702室", "JH-LL-YM-02-02", "陈国强");
    listedPerson("永明新村6栋803室", "JH-LL-YM-02-03", "林桂芳");

    CheckInMorning.comes(management, runtime);
    long round = jdbc.sql("select id from check_in_round where grid_code = ? and check_day = ?")
        .params(GRID, java.sql.Date.valueOf(DAY)).query(Long.class).single();
    Map<String, String> listed = outcomes(round);
    assertThat(listed).containsKeys("黄秀兰", "陈国强", "林桂芳").allSatisfy((name, outcome) -> assertThat(outcome).isNull());
    Task task = tasks.createTaskQuery().taskDefinitionKey("userTask_callPeople").taskCandidateGroup("grid-" + GRID)
        .list().stream().filter(t -> Long.valueOf(round).equals(asLong(tasks.getVariable(t.getId(), "roundId"))))
        .findFirst().orElseThrow();

    try (Browser browser = Browser.open(port)) {
      // the worker's browser lives on the same morning as the engine
      browser.clock(morning.plusSeconds(15 * 60), CHINA).windowSize(1400, 1400);
      browser.go(Browser.TASKLIST).signIn(WORKER, "demo").click(Browser.filter(FILTER));
      By item = Browser.taskInList(task.getId());
      assertThat(browser.textOf(Browser.taskEntry(task.getId())))
          .contains("今日电话随访", "到期");
      browser.click(item).waitForText("今日名单");
      // a medical emergency is no entry of the list: the form says to call at once
      browser.waitForText("医疗急症请立即拨打 120 或暖心服务热线, 不要等名单提交。");
      browser.listItem("姓名", "林桂芳");
      assertThat(browser.fieldValues("姓名")).as("today's list, everybody on it")
          .containsExactlyInAnyOrderElementsOf(listed.keySet());
      assertThat(browser.fieldValue("特殊人群", browser.listItem("姓名", "陈国强"))).isEqualTo("独居老人");

      browser.click("认领").waitUntilGone(By.cssSelector(".task-details .claim"));
      for (String name : listed.keySet()) {
        int person = browser.listItem("姓名", name);
        switch (name) {
          case "陈国强" -> {
            browser.selectOption("随访结果", person, "需要帮助");
            assertThat(browser.selectOptions("需求类别", person)).as("the need categories offered")
                .contains("药品需求", "生活物资").doesNotContain("医疗急症");
            browser.selectOption("需求类别", person, "药品需求").fillField("需求", person, NEED);
          }
          case "林桂芳" -> browser.selectOption("随访结果", person, "未接通");
          default -> browser.selectOption("随访结果", person, "情况良好");
        }
      }
      browser.screenshotForDocs("tasklist-check-in");
      // the form's own button: Tasklist 7.24 keeps its 完成 disabled once a list item changed
      browser.click("提交今日随访").waitUntilGone(item);
    }

    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("today's list is done").isZero();
    assertThat(jdbc.sql("select status || ' by ' || completed_by from check_in_round where id = ?").param(round)
        .query(String.class).single()).isEqualTo("COMPLETED by " + WORKER);
    Map<String, String> heard = outcomes(round);
    assertThat(heard).hasSameSizeAs(listed).containsEntry("黄秀兰", "FINE").containsEntry("陈国强", "NEEDS_HELP")
        .containsEntry("林桂芳", "NOT_REACHED");
    heard.keySet().removeAll(List.of("黄秀兰", "陈国强", "林桂芳"));
    assertThat(heard.values()).as("the demo register's people of the grid, called too").containsOnly("FINE");

    // the hotline takes the need after the list committed
    ModuleEvents.awaitHandled(applicationTaskExecutor);
    var need = jdbc.sql("""
            select e.id, e.recorded_by, r.grid_code, r.category, r.channel, r.description_enc, r.caller_name_enc
            from check_in_entry e join help_request r on r.id = e.help_request_id
            where e.round_id = ? and e.person_name = ?""").params(round, "陈国强")
        .query((rs, row) -> Map.of("need", needs.need(rs.getLong(1)).orElseThrow(), "recordedBy", rs.getString(2),
            "grid", rs.getString(3), "category", rs.getString(4), "channel", rs.getString(5),
            "description", cipher.decrypt(rs.getString(6)), "caller", cipher.decrypt(rs.getString(7))))
        .single();
    assertThat(need).containsEntry("need", NEED).containsEntry("recordedBy", WORKER).containsEntry("grid", GRID)
        .containsEntry("category", "MEDICINE").containsEntry("channel", "DAILY_CHECK_IN")
        .containsEntry("caller", "陈国强");
    assertThat(need.get("description")).contains(NEED);
    long helpRequest = jdbc.sql("select help_request_id from check_in_entry where round_id = ? and person_name = ?")
        .params(round, "陈国强").query(Long.class).single();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(helpRequest))
        .taskCandidateGroup("grid-" + GRID).list()).as("the grid's worker has the help request in Tasklist")
        .extracting(Task::getTaskDefinitionKey).contains("userTask_handleRequest");
    assertThat(jdbc.sql("select count(*) from check_in_entry where round_id = ? and help_request_id is not null")
        .param(round).query(Long.class).single()).as("only the need became a help request").isEqualTo(1);
  }

  private void listedPerson(String address, String unit, String name) {
    long household = as(WORKER).body("""
            {"address": "%s", "minimalUnitCode": "%s", "phone": "1370000%04d", "size": 1}"""
            .formatted(address, unit, Math.abs(name.hashCode()) % 10_000))
        .post("/api/v1/households").then().statusCode(201).extract().jsonPath().getLong("id");
    as(WORKER).body("""
            {"householdId": %d, "name": "%s", "birthYear": 1943, "flags": ["ELDERLY_ALONE"],
             "checkInBy": "%s", "checkInEveryDays": 1}""".formatted(household, name, WORKER))
        .post("/api/v1/persons").then().statusCode(201);
  }

  /** Who is on the round's list, with what was heard (null: not yet). */
  private Map<String, String> outcomes(long round) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    jdbc.sql("select person_name, outcome from check_in_entry where round_id = ? order by person_id").param(round)
        .query(rs -> {
          outcomes.put(rs.getString(1), rs.getString(2));
        });
    return outcomes;
  }

  private static Long asLong(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }

}
