package org.gridaid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.gridaid.helprequest.HelpRequestProcess;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /actuator/prometheus}: who may scrape it, and gauges that say what the board says. */
class OperationsMetricsTests extends ApiTestSupport {

  @Autowired
  OperationsMetrics metrics;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String scrape(io.restassured.specification.RequestSpecification as) {
    return as.accept("text/plain").get("/actuator/prometheus").then().statusCode(200).extract().asString();
  }

  /** The value of one series, e.g. {@code gridaid_help_requests_open{level="NONE",street="JH-LL"}}; NaN if absent. */
  static double value(String scraped, String name, String labels) {
    Matcher found = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scraped);
    while (found.find()) {
      if (("," + found.group(1) + ",").contains("," + labels + ",") || found.group(1).equals(labels)) {
        return Double.parseDouble(found.group(2));
      }
    }
    return Double.NaN;
  }

  @Test
  void onlyAdministratorsAndTheDistrictCommandScrapeIt() {
    RestAssured.given().get("/actuator/prometheus").then().statusCode(401)
        .contentType(startsWith("application/problem+json"));
    as("hotline-01").get("/actuator/prometheus").then().statusCode(403);
    as("street-lile").get("/actuator/prometheus").then().statusCode(403);
    scrape(as("command-01"));
    scrape(admin());
  }

  @Test
  void theGaugesCountTheOpenAndOverdueCasesPerLevelAndStreetAsTheBoardDoes() {
    Instant intake = Instant.now();
    ClockUtil.setCurrentTime(Date.from(intake));
    Number id = as("hotline-01").body("""
            {"callerName": "指标测试", "callerPhone": "139%08d", "gridCode": "JH-LL-YM-02",
             "category": "MEDICAL_EMERGENCY", "description": "指标测试: 居民来电"}"""
            .formatted(ThreadLocalRandom.current().nextInt(100_000_000)))
        .post("/api/v1/help-requests").then().statusCode(201).extract().path("id");
    double escalatedBefore = value(scrape(admin()), "gridaid_help_request_escalations_total", "level=\"GRID_LEADER\"");

    ClockUtil.setCurrentTime(Date.from(intake.plus(Duration.ofMinutes(30))));
    String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id))
        .singleResult().getId();
    Job timer = management.createJobQuery().processInstanceId(process)
        .activityId(HelpRequestProcess.TIMER_RESPONSE_DEADLINE).singleResult();
    management.executeJob(timer.getId());

    metrics.forget();
    String scraped = scrape(as("command-01"));
    JsonPath board = admin().get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    for (String street : new String[] {"JH-WH", "JH-LL", "JH-JN"}) {
      Map<String, Integer> open = board.getMap("areas.find { it.code == '" + street + "' }.helpRequests.byLevel");
      Map<String, Integer> overdue =
          board.getMap("areas.find { it.code == '" + street + "' }.helpRequests.overdueByLevel");
      open.forEach((level, n) -> assertThat(value(scraped, "gridaid_help_requests_open",
          "level=\"" + level + "\",street=\"" + street + "\"")).as("open, %s, %s", level, street).isEqualTo(n.doubleValue()));
      overdue.forEach((level, n) -> assertThat(value(scraped, "gridaid_help_requests_overdue",
          "level=\"" + level + "\",street=\"" + street + "\"")).as("overdue, %s, %s", level, street).isEqualTo(n.doubleValue()));
    }
    assertThat(value(scraped, "gridaid_help_requests_overdue", "level=\"GRID_LEADER\",street=\"JH-LL\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(scraped, "gridaid_help_request_escalations_total", "level=\"GRID_LEADER\""))
        .as("the escalation the clock fired").isEqualTo(escalatedBefore + 1);
    assertThat(scraped).containsPattern("(?m)^gridaid_jobs_due \\S+$").containsPattern("(?m)^gridaid_jobs_failed \\S+$")
        .contains("gridaid_text_message_failures_total{outcome=\"given_up\"");
    assertThat(Pattern.compile("(?m)^gridaid_jobs_failed (\\S+)$").matcher(scraped).results()
        .map(m -> Double.parseDouble(m.group(1))).findFirst()).contains(
            (double) management.createJobQuery().noRetriesLeft().count());
  }
}
