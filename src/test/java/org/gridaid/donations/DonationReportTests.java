package org.gridaid.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.donations.DonationFixtures.DESK;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.supplies.Movement;
import org.gridaid.supplies.MovementKind;
import org.gridaid.supplies.Receipt;
import org.gridaid.supplies.Reference;
import org.gridaid.supplies.ReferenceType;
import org.gridaid.supplies.StockLedger;
import org.gridaid.supplies.Transfer;
import org.gridaid.test.Api;
import org.gridaid.test.ClientAddresses;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The public transparency report: its totals are the ledger's, no donor is named in it, it is
 * kept for {@code report-cache} and read only so often a minute per client address. The limit is
 * small here, so these tests have an application of their own (an engine of its own name, no
 * webapps: both are registered by name for the whole JVM), and the limit and cache tests call
 * from client addresses of their own (127.x.y.z, all of them this machine).
 */
@TestPropertySource(properties = {"gridaid.donations.report-requests-per-minute=" + DonationReportTests.PER_MINUTE,
    "camunda.bpm.process-engine-name=donationReport", "camunda.bpm.webapp.enabled=false"})
class DonationReportTests extends ApiTestSupport {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** Enough for the report in its three forms and a 404 from one address. */
  static final int PER_MINUTE = 5;

  @Autowired
  TaskService tasks;
  @Autowired
  StockLedger ledger;
  @Autowired
  DonationReports reports;
  @Autowired
  DonationSettings settings;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Anybody, calling from this client address. */
  static RequestSpecification from(String address) {
    return Api.anonymous().config(ClientAddresses.sendingFrom(address));
  }

  static void setClock(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  int pledge(long appeal, String site, int quantity, boolean anonymous) {
    Map<String, Object> body = GoodsPledgeProcessTests.pledge(quantity, site, LocalDate.now(CHINA).plusDays(1));
    body.put("donorName", "公示测试捐赠人");
    body.put("anonymous", anonymous);
    return as(DESK).body(body).post("/api/v1/appeals/{id}/pledges", appeal).then().statusCode(201).extract()
        .path("id");
  }

  void issue(String site, String item, int quantity) {
    var reservation = ledger.reserve(site, item, quantity, Reference.of(ReferenceType.CAMPAIGN, "核酸采样-饮用水"),
        "warehouse-01").orElseThrow();
    ledger.issue(reservation.id(), quantity, "warehouse-01");
  }

  void checkIn(int pledge, long received) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(GoodsPledgeProcess.businessKey(pledge))
        .taskDefinitionKey(GoodsPledgeProcess.TASK_CHECK_IN).singleResult();
    tasks.setAssignee(task.getId(), "warehouse-01");
    tasks.complete(task.getId(), Map.of("receivedQuantity", received, "expiry",
        LocalDate.now(CHINA).plusMonths(12).toString()));
  }

  @Test
  void theReportsTotalsAreTheLedgersAndNameNoDonor() {
    String water = DonationFixtures.water();
    List<String> sites = DonationFixtures.samplingSites(3);
    String elsewhere = sites.get(2);
    long appeal = ((Number) as(DESK).body(DonationFixtures.goodsAppeal(water, 3000, sites.subList(0, 2)))
        .post("/api/v1/appeals").then().statusCode(201).extract().path("id")).longValue();
    int a = pledge(appeal, sites.get(0), 120, false);
    int b = pledge(appeal, sites.get(1), 80, true);
    pledge(appeal, sites.get(1), 30, false);
    checkIn(a, 118);
    checkIn(b, 80);
    // the sites also hold water that was bought, not given: 500 boxes keeping longer than the
    // donated ones at the first site, 100 boxes expiring sooner at the second
    LocalDate today = LocalDate.now(CHINA);
    ledger.receive(new Receipt(sites.get(0), water, 500, "采购-1", today.plusMonths(24), "采购入库", null),
        "warehouse-01", null);
    ledger.receive(new Receipt(sites.get(1), water, 100, "采购-2", today.plusMonths(1), "采购入库", null),
        "warehouse-01", null);
    // 40 boxes of the first site go out to a sampling campaign: the donated batch expires first
    issue(sites.get(0), water, 40);
    // 30 boxes of the second: the bought batch expires first, nothing donated is given out
    issue(sites.get(1), water, 30);
    // 10 donated boxes handed on to a site outside the appeal, then issued there (counted once),
    // 5 moved between the appeal's own sites (not given out)
    ledger.transfer(new Transfer(sites.get(1), elsewhere, water, 10, PledgeService.batch(b), "调往其他采样点", null),
        "warehouse-01", null);
    issue(elsewhere, water, 10);
    ledger.transfer(new Transfer(sites.get(0), sites.get(1), water, 5, PledgeService.batch(a), "采样点间调拨", null),
        "warehouse-01", null);

    long receivedInLedger = 0;
    for (int pledge : List.of(a, b)) {
      receivedInLedger += ledger.movementsOf(PledgeService.reference(pledge)).stream()
          .filter(m -> m.kind() == MovementKind.RECEIVE).mapToLong(Movement::quantity).sum();
    }
    long onHand = ledger.level(sites.get(0), water).onHand() + ledger.level(sites.get(1), water).onHand();
    long boughtOnHand = 500 + 100 - 30;

    DonationReport report = reports.build(appeal);
    assertThat(report.pledged()).isEqualTo(230L);
    assertThat(report.received()).isEqualTo(receivedInLedger).isEqualTo(198L);
    assertThat(report.givenOut()).isEqualTo(50L);
    assertThat((long) report.received() - (long) report.givenOut()).as("what is left of the gifts is on hand")
        .isEqualTo(onHand - boughtOnHand);
    assertThat(report.bySite()).extracting(DonationReport.SiteLine::received).containsExactlyInAnyOrder(118L, 80L);
    assertThat(report.bySite()).extracting(DonationReport.SiteLine::givenOut).containsExactlyInAnyOrder(40L, 10L);
    assertThat(report.byDay()).extracting(DonationReport.DayLine::received).containsExactly(198L);
    Map<String, Object> progress = as(DESK).get("/api/v1/appeals/{id}", appeal).then().extract().path("progress");
    assertThat(progress).containsEntry("pledged", 230).containsEntry("received", 198);

    String json = Api.anonymous().queryParam("appealId", appeal).get("/api/v1/public/donation-report").then()
        .statusCode(200).header("Cache-Control", containsString("max-age")).body("received", equalTo(198))
        .body("givenOut", equalTo(50)).body("pledges", equalTo(3)).extract().asString();
    assertThat(json).doesNotContain("公示测试捐赠人", "13800138000", "138****8000");
    Api.anonymous().queryParam("appealId", appeal).get("/api/v1/public/donation-report/print").then()
        .statusCode(200).contentType(containsString("text/html")).body(containsString("捐赠公示"))
        .body(containsString("198箱")).body(not(containsString("公示测试捐赠人")))
        .body(org.hamcrest.Matchers.matchesRegex("(?s).*生成时间 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</p>.*"));
    String csv = Api.anonymous().queryParam("appealId", appeal).get("/api/v1/public/donation-report/export").then()
        .statusCode(200).contentType(containsString("text/csv")).extract().asString();
    assertThat(csv).contains("合计,,230,198,50").doesNotContain("公示测试捐赠人");
    Api.anonymous().queryParam("appealId", 999_999_999).get("/api/v1/public/donation-report").then()
        .statusCode(404);
  }

  @Test
  void aMoneyReportIsExactToTheFenAfterARefund() {
    long appeal = ((Number) as(DESK).body(DonationFixtures.moneyAppeal("244100.00")).post("/api/v1/appeals").then()
        .statusCode(201).extract().path("id")).longValue();
    String key = GiftApiTests.platformKey("report-" + DonationFixtures.unique());
    for (String amount : List.of("0.01", "99.99", "60678.13")) {
      String tx = GiftApiTests.transaction();
      Map<String, Object> gift = GiftApiTests.gift(tx, appeal, amount);
      gift.put("donorIdNumber", "44070319800101123X");
      int id = Api.withKey(key).body(gift).post("/api/v1/donations").then().statusCode(201).extract().path("id");
      Api.withKey(key).body(Map.of("transactionId", tx)).post("/api/v1/donations/confirmations").then()
          .statusCode(200);
      if (amount.equals("99.99")) {
        as("finance-01").body(Map.of("amount", "9.99", "reason", "部分退款")).post("/api/v1/donations/{id}/refunds", id)
            .then().statusCode(201);
      }
    }
    DonationReport report = reports.build(appeal);
    assertThat(report.received()).isEqualTo(new java.math.BigDecimal("60768.14"));
    assertThat(report.pledged()).isEqualTo(new java.math.BigDecimal("60768.14"));
    Map<String, Object> progress = as(DESK).get("/api/v1/appeals/{id}", appeal).then().extract().path("progress");
    assertThat(progress).containsEntry("received", 60768.14f);
  }

  @Test
  void theReportIsRateLimitedPerClientAddress() {
    long appeal = ((Number) as(DESK).body(DonationFixtures.moneyAppeal("1000.00")).post("/api/v1/appeals").then()
        .statusCode(201).extract().path("id")).longValue();
    String address = ClientAddresses.newLoopback();
    assertThat(settings.reportRequestsPerMinute()).isEqualTo(PER_MINUTE);
    for (int i = 0; i < PER_MINUTE; i++) {
      from(address).queryParam("appealId", appeal).get("/api/v1/public/donation-report").then().statusCode(200);
    }
    from(address).queryParam("appealId", appeal).get("/api/v1/public/donation-report").then().statusCode(429)
        .contentType("application/problem+json").header("Retry-After", notNullValue())
        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
    // the printable page and the CSV count against the same minute
    from(address).queryParam("appealId", appeal).get("/api/v1/public/donation-report/export").then()
        .statusCode(429).contentType("application/problem+json");
    // another address has a minute of its own
    from(ClientAddresses.newLoopback()).queryParam("appealId", appeal).get("/api/v1/public/donation-report").then()
        .statusCode(200);
  }

  @Test
  void theReportIsKeptForTheCacheTimeAndThenShowsWhatCameSince() {
    String water = DonationFixtures.water();
    List<String> sites = DonationFixtures.samplingSites(1);
    long appeal = ((Number) as(DESK).body(DonationFixtures.goodsAppeal(water, 500, sites)).post("/api/v1/appeals")
        .then().statusCode(201).extract().path("id")).longValue();
    pledge(appeal, sites.get(0), 40, false);
    String address = ClientAddresses.newLoopback();
    Instant start = Instant.now();
    setClock(start);

    String generatedAt = from(address).queryParam("appealId", appeal).get("/api/v1/public/donation-report").then()
        .statusCode(200).body("pledged", equalTo(40)).body("pledges", equalTo(1)).extract().path("generatedAt");
    pledge(appeal, sites.get(0), 60, true);
    as(DESK).get("/api/v1/appeals/{id}", appeal).then().body("progress.pledged", equalTo(100));

    // within the cache time: the same report, as it was generated, without the new pledge
    setClock(start.plus(settings.reportCache()).minusSeconds(1));
    from(address).queryParam("appealId", appeal).get("/api/v1/public/donation-report").then().statusCode(200)
        .body("generatedAt", equalTo(generatedAt)).body("pledged", equalTo(40)).body("pledges", equalTo(1));

    // after it: computed again, with the new pledge
    setClock(start.plus(settings.reportCache()).plusSeconds(1));
    String again = from(address).queryParam("appealId", appeal).get("/api/v1/public/donation-report").then()
        .statusCode(200).body("pledged", equalTo(100)).body("pledges", equalTo(2)).extract().path("generatedAt");
    assertThat(Instant.parse(again)).isAfter(Instant.parse(generatedAt));
  }
}
