package org.gridaid.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Browser.COCKPIT;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.carepacks.CarePackProcess;
import org.gridaid.checkin.CheckInMorning;
import org.gridaid.checkin.CheckInProcess;
import org.gridaid.checkin.CheckInService;
import org.gridaid.checkin.MissedRoundProcess;
import org.gridaid.helprequest.HelpRequestProcess;
import org.gridaid.medicine.MedicineDeliveryProcess;
import org.gridaid.test.Api;
import org.gridaid.test.Browser;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 督办看板 in the real Cockpit: the district command signs in, the board shows the same figures
 * as {@code GET /api/v1/dashboard}, and a figure opens the cases behind it, each its process
 * instance in Cockpit.
 */
@GridAidTest
class DashboardBrowserTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** What Cockpit's own frame may say in Latin letters on a Chinese page (as WebappFaceBrowserTests allows). */
  static final List<String> WEBAPP_WORDS = List.of("Camunda", "Platform", "Web", "BPMN", "DMN", "ID", "CSV", "JSON",
      "UTC");

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  CheckInService checkIns;
  @Autowired
  JdbcClient jdbc;
  /** The campaign {@link #seedCases} starts. */
  long campaign;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * Calls to the hotline across two streets, 90 minutes ago: the emergencies are overdue and with
   * the grid leader; and a care-pack campaign in one of the streets.
   */
  List<Long> seedCases(Instant intake) {
    RestAssured.port = port;
    ClockUtil.setCurrentTime(Date.from(intake));
    List<Long> emergencies = new ArrayList<>();
    String[][] calls = {
        {"JH-LL-ZF-01", "MEDICAL_EMERGENCY"}, {"JH-LL-ZF-01", "MEDICINE"}, {"JH-LL-ZF-02", "LIVING_SUPPLIES"},
        {"JH-LL-YM-01", "MEDICINE"}, {"JH-LL-YM-02", "PERSON_ALONE"}, {"JH-WH-YQ-01", "MEDICAL_EMERGENCY"},
        {"JH-WH-YQ-02", "QUESTION"}, {"JH-WH-XC-01", "LIVING_SUPPLIES"}, {"JH-WH-XC-01", "COMPLAINT"}};
    for (String[] call : calls) {
      long id = call(call[0], call[1]);
      if (call[1].equals("MEDICAL_EMERGENCY")) {
        emergencies.add(id);
      }
    }
    // a campaign of breakfast packs over a grid of 礼乐街道, planned, nobody at a door yet
    campaign = ((Number) Api.as("street-lile").body(Map.of("name", "看板测试早餐包", "areaCodes",
        List.of("JH-LL-ZF-02"), "packTypes", List.of("BREAKFAST"))).post("/api/v1/campaigns").then().statusCode(201)
        .extract().path("id")).longValue();
    ClockUtil.setCurrentTime(Date.from(intake.plus(Duration.ofMinutes(90))));
    for (long id : emergencies) {
      String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
          .singleResult().getId();
      Job timer = management.createJobQuery().processInstanceId(process)
          .activityId(HelpRequestProcess.TIMER_RESPONSE_DEADLINE).singleResult();
      management.executeJob(timer.getId());
    }
    return emergencies;
  }

  long call(String grid, String category) {
    Number id = Api.as("hotline-01").body("""
            {"callerName": "看板测试", "callerPhone": "139%08d", "gridCode": "%s", "category": "%s",
             "description": "看板测试: 居民来电"}""".formatted(ThreadLocalRandom.current().nextInt(100_000_000), grid,
            category))
        .post("/api/v1/help-requests").then().statusCode(201).extract().path("id");
    return id.longValue();
  }

  /** Every figure of the board's tables, as the page shows it: area code → column → text. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, String>> figuresOnThePage(Browser browser, String table) {
    Object read = browser.scriptAsync(Duration.ofSeconds(10), """
        var done = arguments[arguments.length - 1], figures = {};
        document.querySelectorAll('table[data-table="' + arguments[0] + '"] tr[data-area]').forEach(function (row) {
          var cells = {};
          row.querySelectorAll('td[data-column]').forEach(function (cell) {
            cells[cell.getAttribute('data-column')] = cell.textContent.trim();
          });
          figures[row.getAttribute('data-area')] = cells;
        });
        done(figures);""", table);
    return (Map<String, Map<String, String>>) read;
  }

  /** The same figures from the API, written as the board writes them ("2 (1)": two open, one of them overdue). */
  static Map<String, Map<String, String>> figuresOfTheApi(JsonPath board, String table) {
    Map<String, Map<String, String>> figures = new LinkedHashMap<>();
    for (Map<String, Object> area : board.<Map<String, Object>>getList("areas")) {
      Map<String, Object> help = map(area.get("helpRequests"));
      Map<String, Object> checkIns = map(area.get("checkIns"));
      Map<String, String> cells = new LinkedHashMap<>();
      if (table.equals("main")) {
        cells.put("open", text(help.get("open")));
        cells.put("dueSoon", text(help.get("dueSoon")));
        cells.put("overdue", text(help.get("overdue")));
        map(help.get("byLevel")).forEach((level, open) -> {
          Object overdue = map(help.get("overdueByLevel")).get(level);
          cells.put("level-" + level, text(open) + (((Number) overdue).longValue() > 0 ? " (" + overdue + ")" : ""));
        });
        map(help.get("byPriority")).forEach((priority, open) -> cells.put("priority-" + priority, text(open)));
        cells.put("roundsCompleted", text(checkIns.get("completed")));
        cells.put("roundsOpen", text(checkIns.get("open")));
        cells.put("roundsMissed", text(checkIns.get("missed")));
        cells.put("roundsMissedDayBefore", text(checkIns.get("missedDayBefore")));
        cells.put("lateDeliveries", text(area.get("lateDeliveries")));
        Map<String, Object> packs = map(area.get("carePacks"));
        cells.put("campaigns", text(packs.get("campaigns")));
        cells.put("packsPlanned", text(packs.get("planned")));
        cells.put("packsDelivered", text(packs.get("delivered")));
        cells.put("packsNotYetDelivered", text(packs.get("notYetDelivered")));
        cells.put("packsMissed", text(packs.get("missed")));
      } else {
        map(help.get("byCategory")).forEach((category, open) -> cells.put("category-" + category, text(open)));
      }
      figures.put((String) area.get("code"), cells);
    }
    return figures;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static String text(Object number) {
    return String.valueOf(((Number) number).longValue());
  }

  @Test
  void theDistrictCommandSeesTheBoardOfTheApiAndOpensTheCasesBehindAFigure() throws Exception {
    Instant intake = Instant.now();
    seedCases(intake);
    try (Browser browser = Browser.open(port)) {
      browser.clock(intake.plus(Duration.ofMinutes(90)), CHINA).windowSize(1920, 1500)
          .go(COCKPIT).signIn("command-01", "demo").waitForText("督办看板").waitForText("1小时内到期");
      browser.element(By.cssSelector("table[data-table='main'] tr[data-area='JH-LL-ZF-01']"));
      Map<String, Map<String, String>> main = figuresOnThePage(browser, "main");
      Map<String, Map<String, String>> categories = figuresOnThePage(browser, "categories");
      RestAssured.port = port;
      JsonPath api = Api.as("command-01").get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();

      assertThat(main).as("the board's figures are the API's").isEqualTo(figuresOfTheApi(api, "main"));
      assertThat(categories).isEqualTo(figuresOfTheApi(api, "categories"));
      assertThat(main.keySet()).as("district, streets, communities, grids").startsWith("JH")
          .contains("JH-WH", "JH-LL", "JH-LL-ZF", "JH-LL-ZF-01", "JH-JN-NS-03");
      assertThat(Integer.parseInt(main.get("JH-LL-ZF-01").get("overdue"))).isPositive();
      assertThat(Integer.parseInt(main.get("JH-LL-ZF-02").get("packsNotYetDelivered"))).as("the campaign's packs")
          .isPositive();

      browser.scriptAsync(Duration.ofSeconds(5), "document.querySelector('.gridaid-board').scrollIntoView();"
          + " window.scrollBy(0, -60); arguments[arguments.length - 1]();");
      browser.screenshotForDocs("cockpit-dashboard");

      // the campaign's packs not yet at the doors of 中福社区第2网格: its grid, which opens the campaign's process
      browser.click(By.cssSelector("tr[data-area='JH-LL-ZF-02'] td[data-column='packsNotYetDelivered'] a"))
          .waitForText("督办看板 · 暖心包发放").waitForText("看板测试早餐包");
      String campaignProcess = runtime.createProcessInstanceQuery()
          .processInstanceBusinessKey(CarePackProcess.businessKey(campaign)).singleResult().getId();
      assertThat(browser.element(By.cssSelector("tr[data-campaign-grid='" + campaign + "/JH-LL-ZF-02'] a"))
          .getDomAttribute("data-process-instance")).isEqualTo(campaignProcess);
      browser.click("← 返回督办看板").waitForText("1小时内到期");

      // the overdue cases of 中福社区第1网格: the list of them, then one of them in Cockpit
      int overdue = Integer.parseInt(main.get("JH-LL-ZF-01").get("overdue"));
      browser.click(By.cssSelector("tr[data-area='JH-LL-ZF-01'] td[data-column='overdue'] a"))
          .waitForText("督办看板 · 案件").waitForText("共 " + overdue + " 件");
      List<String> overdueIds = caseIdsOnThePage(browser);
      assertThat(overdueIds).hasSize(overdue);
      String processInstance = browser.element(By.cssSelector("a[data-process-instance]"))
          .getDomAttribute("data-process-instance");
      browser.click(By.cssSelector("a[data-process-instance]"));
      assertThat(processInstanceView(browser))
          .as("Cockpit's view of the first case's process instance, with its business key")
          .isEqualTo("#/process-instance/" + processInstance + "/runtime " + overdueIds.get(0));
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstance).singleResult()
          .getBusinessKey()).isEqualTo(overdueIds.get(0));
    }
  }

  @Test
  void aCheckInAndALateDeliveryFigureOpenListsWhoseRowsOpenTheirProcessInstances() throws Exception {
    RestAssured.port = port;
    // a delivery in 新村社区 whose courier is late at the door
    long delivery = ((Number) Api.as("hotline-01").body("""
            {"recipientName": "看板测试", "recipientPhone": "138%08d", "recipientAddress": "看板测试楼",
             "gridCode": "JH-WH-XC-02", "lines": [{"itemCode": "MED-IBUPROFEN", "quantity": 1}]}"""
            .formatted(ThreadLocalRandom.current().nextInt(100_000_000)))
        .post("/api/v1/medicine-requests").then().statusCode(201).extract().path("id")).longValue();
    String deliveryKey = MedicineDeliveryProcess.businessKey(delivery);
    String deliveryProcess = runtime.createProcessInstanceQuery().processInstanceBusinessKey(deliveryKey)
        .singleResult().getId();
    Task pickUp = tasks.createTaskQuery().processInstanceBusinessKey(deliveryKey)
        .taskDefinitionKey(MedicineDeliveryProcess.TASK_PICK_UP).singleResult();
    tasks.claim(pickUp.getId(), "volunteer-waihai-01");
    tasks.complete(pickUp.getId());
    management.executeJob(management.createJobQuery().processInstanceId(deliveryProcess)
        .activityId(MedicineDeliveryProcess.TIMER_DELIVERY_LATE).singleResult().getId());

    // a morning of its own: the lists go out, and one grid's round of 银泉社区 closes unfinished
    LocalDate day = LocalDate.now(CHINA).plusYears(16).plusDays(ThreadLocalRandom.current().nextInt(300));
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(CHINA).toInstant()));
    CheckInMorning.comes(management, runtime);
    String morning = runtime.createProcessInstanceQuery().processDefinitionKey(CheckInProcess.KEY)
        .variableValueEquals(CheckInProcess.DAY.getName(), day.toString()).singleResult().getId();
    var missedRound = jdbc.sql("""
            select id, grid_code from check_in_round where check_day = ? and grid_code like 'JH-WH-YQ-%'
            order by grid_code fetch first 1 rows only""").param(java.sql.Date.valueOf(day))
        .query((rs, row) -> Map.entry(rs.getLong("id"), rs.getString("grid_code"))).single();
    checkIns.closeMissed(missedRound.getKey());
    String followUp = runtime.createProcessInstanceQuery().processDefinitionKey(MissedRoundProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(missedRound.getKey())).singleResult().getId();

    try (Browser browser = Browser.open(port)) {
      browser.windowSize(1920, 1500).go(COCKPIT).signIn("command-01", "demo").waitForText("督办看板")
          .waitForText("每日随访 (" + day + ")");

      // the open rounds of 银泉社区: each a sub-process of the morning's process
      String open = browser.element(By.cssSelector("tr[data-area='JH-WH-YQ'] td[data-column='roundsOpen'] a"))
          .getText();
      browser.click(By.cssSelector("tr[data-area='JH-WH-YQ'] td[data-column='roundsOpen'] a"))
          .waitForText("督办看板 · 每日随访").waitForText("共 " + open + " 个网格");
      assertThat(processInstancesOnThePage(browser, "tr[data-round]")).hasSize(Integer.parseInt(open))
          .containsOnly(morning);
      assertThat(browser.latinWords(List.of(), null)).as("the list speaks Chinese")
          .isSubsetOf(WEBAPP_WORDS);
      browser.click("← 返回督办看板").waitForText("每日随访 (" + day + ")");

      // the grid's missed round: its row opens the community's follow-up
      browser.click(By.cssSelector("tr[data-area='" + missedRound.getValue() + "'] td[data-column='roundsMissed'] a"))
          .waitForText("督办看板 · 每日随访").waitForText("共 1 个网格");
      assertThat(browser.element(By.cssSelector("tr[data-round='" + missedRound.getKey() + "'] a"))
          .getDomAttribute("data-process-instance")).isEqualTo(followUp);
      browser.click("← 返回督办看板").waitForText("每日随访 (" + day + ")");

      // the late deliveries of 新村社区第2网格, and the late one in Cockpit
      browser.click(By.cssSelector("tr[data-area='JH-WH-XC-02'] td[data-column='lateDeliveries'] a"))
          .waitForText("督办看板 · 送药超时").waitForText("配送超时, 已报街道督办");
      By row = By.cssSelector("tr[data-delivery='" + delivery + "'] a[data-process-instance]");
      assertThat(browser.element(row).getDomAttribute("data-process-instance")).isEqualTo(deliveryProcess);
      assertThat(browser.latinWords(List.of(), null)).as("the list speaks Chinese")
          .isSubsetOf(WEBAPP_WORDS);
      browser.click(row);
      assertThat(processInstanceView(browser))
          .as("Cockpit's view of the late delivery's process instance, with its business key")
          .isEqualTo("#/process-instance/" + deliveryProcess + "/runtime " + deliveryKey);
    }
  }

  /** The process instances the rows of a list on the page link to, row by row. */
  @SuppressWarnings("unchecked")
  static List<String> processInstancesOnThePage(Browser browser, String rows) {
    return (List<String>) browser.scriptAsync(Duration.ofSeconds(5), """
        var done = arguments[arguments.length - 1];
        done(Array.prototype.map.call(document.querySelectorAll(arguments[0]), function (row) {
          var link = row.querySelector('a[data-process-instance]');
          return link ? link.getAttribute('data-process-instance') : null;
        }));""", rows);
  }

  @SuppressWarnings("unchecked")
  static List<String> caseIdsOnThePage(Browser browser) {
    return (List<String>) browser.scriptAsync(Duration.ofSeconds(5), """
        var done = arguments[arguments.length - 1];
        done(Array.prototype.map.call(document.querySelectorAll('tr[data-case]'),
          function (row) { return row.getAttribute('data-case'); }));""");
  }

  /** Cockpit's process-instance view once it shows: its address and the instance's business key. */
  private static Object processInstanceView(Browser browser) {
    return browser.scriptAsync(Duration.ofSeconds(20), """
        var done = arguments[arguments.length - 1];
        (function wait() {
          var dd = document.querySelector('dd.business-key');
          if (dd && dd.textContent.trim()) { done(window.location.hash.split('?')[0] + ' ' + dd.textContent.trim()); }
          else { setTimeout(wait, 100); }
        })();""");
  }
}
