package org.gridaid.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.donations.DonationFixtures.DESK;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridaid.supplies.Movement;
import org.gridaid.supplies.MovementKind;
import org.gridaid.supplies.StockLedger;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The water appeal of the seeds (domain.md flow 4), end to end through the API and Tasklist's
 * engine API: at noon a social-work centre asks for 3,000 boxes of water for 50 sampling sites;
 * within two hours 127 donors pledge 3,522 boxes (the target is reached on the way); by day three
 * 147 donors have pledged over 4,000 boxes; the warehouse staff check the deliveries in at the
 * sites over three days (one short, one with damaged boxes refused); the stock at the 50 sites
 * rises by exactly what was checked in, and the public report shows the ledger's totals.
 */
class WaterAppealScenarioTests extends ApiTestSupport {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String WAREHOUSE = "warehouse-01";
  static final int SITES = 50;

  @Autowired
  StockLedger ledger;
  @Autowired
  TaskService tasks;

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  static void at(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(CHINA).toInstant()));
  }

  @Test
  void theWaterAppealReplaysEndToEnd() {
    LocalDate day1 = LocalDate.now(CHINA).plusDays(1);
    at(day1, LocalTime.NOON);
    List<String> sites = DonationFixtures.samplingSites(SITES);
    String water = DonationFixtures.water();
    Map<String, Integer> before = new HashMap<>();
    sites.forEach(site -> before.put(site, ledger.level(site, water).onHand()));

    Map<String, Object> call = new LinkedHashMap<>(DonationFixtures.goodsAppeal(water, 3000, sites));
    call.put("title", "紧急募集3000箱饮用水支援核酸采样点");
    call.put("deadline", day1.plusDays(3).atStartOfDay(CHINA).toInstant().toString());
    long appeal = ((Number) as(DESK).body(call).post("/api/v1/appeals").then().statusCode(201).extract().path("id"))
        .longValue();
    String miniProgram = Api.admin().body(Map.of("name", "donors-mini-program-" + DonationFixtures.unique(),
        "operations", List.of("donations:pledge", "donations:read"))).post("/api/v1/api-keys").then().statusCode(201)
        .extract().path("key");

    // within two hours: 127 donors, 3,522 boxes (93 of 28 and 34 of 27), for the next three days
    List<Integer> pledges = new ArrayList<>();
    for (int i = 0; i < 127; i++) {
      at(day1, LocalTime.NOON.plusMinutes(i * 110L / 127));
      pledges.add(pledge(appeal, i, i < 93 ? 28 : 27, sites.get(i % SITES), day1.plusDays(i % 3), i % 2 == 0
          ? Api.withKey(miniProgram) : as(DESK)));
    }
    var progress = as(DESK).get("/api/v1/appeals/{id}", appeal).then().statusCode(200)
        .body("progress.pledged", equalTo(3522)).body("progress.pledges", equalTo(127))
        .body("progress.targetReached", equalTo(true)).extract();
    Instant reached = Instant.parse(progress.path("progress.targetReachedAt"));
    assertThat(tasks.createTaskQuery().processDefinitionKey(AppealTargetProcess.KEY)
        .processInstanceBusinessKey(AppealTargetProcess.businessKey(appeal)).taskCandidateGroup("donation-desk").count())
        .as("the desk is told once, and keeps taking pledges until it closes the appeal").isOne();
    assertThat(reached).as("the 108th pledge reached 3,000").isBetween(
        day1.atTime(13, 30).atZone(CHINA).toInstant(), day1.atTime(14, 0).atZone(CHINA).toInstant());

    // by day three: 20 more donors, over 4,000 boxes in all
    for (int i = 127; i < 147; i++) {
      at(day1.plusDays(1), LocalTime.of(9, 0).plusMinutes(i));
      pledges.add(pledge(appeal, i, 25, sites.get(i % SITES), day1.plusDays(2), as(DESK)));
    }
    Api.withKey(miniProgram).get("/api/v1/appeals/{id}", appeal).then().statusCode(200)
        .body("progress.pledged", equalTo(4022)).body("progress.pledges", equalTo(147));

    // deliveries over three days, each checked in at its site in Tasklist
    int checkedIn = 0;
    for (int d = 0; d < 3; d++) {
      at(day1.plusDays(d), LocalTime.of(16, 0));
      for (int i = 0; i < pledges.size(); i++) {
        int id = pledges.get(i);
        if (i < 127 ? i % 3 != d : d != 2) {
          continue; // promised for another day
        }
        int quantity = i < 93 ? 28 : i < 127 ? 27 : 25;
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("expiry", Map.of("value", day1.plusMonths(12).toString()));
        if (i == 5) { // two boxes short
          form.put("receivedQuantity", Map.of("value", quantity - 2));
        } else if (i == 6) { // three boxes leaking: refused
          form.put("receivedQuantity", Map.of("value", quantity - 3));
          form.put("refusedQuantity", Map.of("value", 3));
          form.put("refusedReason", Map.of("value", "三箱外包装破损漏水"));
        } else {
          form.put("receivedQuantity", Map.of("value", quantity));
        }
        checkIn(id, form);
        checkedIn++;
      }
    }
    assertThat(checkedIn).isEqualTo(147);
    as(DESK).get("/api/v1/pledges/{id}", pledges.get(6)).then().body("status", equalTo("DELIVERED"))
        .body("refusedQuantity", equalTo(3)).body("promisedOn", equalTo(day1.toString()));

    // the stock at the 50 sites rose by exactly what was checked in
    long received = 0;
    Map<String, Long> receivedAt = new HashMap<>();
    for (int id : pledges) {
      for (Movement m : ledger.movementsOf(PledgeService.reference(id))) {
        assertThat(m.kind()).isEqualTo(MovementKind.RECEIVE);
        received += m.quantity();
        receivedAt.merge(m.siteCode(), (long) m.quantity(), Long::sum);
      }
    }
    assertThat(received).isEqualTo(4022 - 2 - 3);
    for (String site : sites) {
      assertThat(ledger.level(site, water).onHand() - before.get(site)).as(site).isEqualTo(receivedAt.get(site)
          .intValue());
    }

    // the public report shows the ledger's totals
    at(day1.plusDays(3), LocalTime.of(10, 0));
    Api.anonymous().queryParam("appealId", appeal).get("/api/v1/public/donation-report").then().statusCode(200)
        .body("pledged", equalTo(4022)).body("received", equalTo((int) received)).body("givenOut", equalTo(0))
        .body("pledges", equalTo(147)).body("bySite", hasSize(SITES)).body("byDay", hasSize(3));
    as(DESK).get("/api/v1/appeals/{id}", appeal).then().body("progress.received", equalTo((int) received));
  }

  int pledge(long appeal, int donor, int boxes, String site, LocalDate on,
      io.restassured.specification.RequestSpecification as) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("donorName", donor % 10 == 0 ? "爱心企业" + donor : "捐赠人" + donor);
    body.put("donorPhone", "139%08d".formatted(20_220_000 + donor));
    body.put("anonymous", donor % 7 == 0);
    body.put("quantity", boxes);
    body.put("siteCode", site);
    body.put("promisedOn", on.toString());
    return as.header("Idempotency-Key", "water-" + appeal + "-" + donor).body(body)
        .post("/api/v1/appeals/{id}/pledges", appeal).then().statusCode(201).extract().path("id");
  }

  /** As Tasklist does it: find the site's task, claim it, complete it with the form's fields. */
  void checkIn(int pledge, Map<String, Object> form) {
    String task = as(WAREHOUSE).get("/engine-rest/task?processInstanceBusinessKey=" + GoodsPledgeProcess.businessKey(pledge)
        + "&taskDefinitionKey=" + GoodsPledgeProcess.TASK_CHECK_IN).then().statusCode(200).body("$", hasSize(1))
        .body("[0].name", equalTo("采样点签收入库")).extract().path("[0].id");
    as(WAREHOUSE).body(Map.of("userId", WAREHOUSE)).post("/engine-rest/task/" + task + "/claim").then()
        .statusCode(204);
    as(WAREHOUSE).body(Map.of("variables", form)).post("/engine-rest/task/" + task + "/complete").then()
        .statusCode(204);
  }
}
