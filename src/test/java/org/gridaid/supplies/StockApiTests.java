package org.gridaid.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.as;
import static org.gridaid.test.Api.withKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The stock over REST and CSV as warehouse and pharmacy staff, the offices and outside systems use it. */
class StockApiTests extends ApiTestSupport {

  static final String WAREHOUSE = "warehouse-01";
  static final String PHARMACY = "pharmacy-01";

  @Autowired
  SupplySites sites;
  @Autowired
  SupplyItems items;
  @Autowired
  StockLedger ledger;

  SupplyFixtures fixtures;
  String pharmacy;
  String item;

  @BeforeEach
  void aPharmacyAndAnItemOfTheirOwn() {
    fixtures = new SupplyFixtures(sites, items);
    pharmacy = fixtures.pharmacy("JH-LL").code();
    item = fixtures.item().code();
  }

  static Map<String, Object> receipt(String site, String item, Object quantity) {
    return new java.util.LinkedHashMap<>(Map.of("siteCode", site, "itemCode", item, "quantity", quantity,
        "reason", "区指挥部调拨到货", "reference", Map.of("type", "ALLOCATION", "id", "调拨单-2022-0715")));
  }

  ValidatableResponse stockOf(String site) {
    return as(WAREHOUSE).queryParam("siteCode", site).queryParam("itemCode", item).get("/api/v1/stock").then()
        .statusCode(200);
  }

  @Test
  void aReceiptSentTwiceWithItsKeyIsCountedOnce() {
    var first = as(WAREHOUSE).header("Idempotency-Key", "receipt-1").body(receipt(pharmacy, item, 30))
        .post("/api/v1/stock/receipts").then().statusCode(201).header("Idempotent-Replayed", "false")
        .body("movements.kind", contains("RECEIVE")).body("movements[0].kindLabel", equalTo("入库"))
        .body("movements[0].actor", equalTo(WAREHOUSE)).body("movements[0].reference.typeLabel", equalTo("上级调拨"))
        .body("stock[0].onHand", equalTo(30)).extract();

    as(WAREHOUSE).header("Idempotency-Key", "receipt-1").body(receipt(pharmacy, item, 30))
        .post("/api/v1/stock/receipts").then().statusCode(201).header("Idempotent-Replayed", "true")
        .body("movements[0].id", equalTo(first.path("movements[0].id")));
    as(WAREHOUSE).header("Idempotency-Key", "receipt-1").body(receipt(pharmacy, item, 31))
        .post("/api/v1/stock/receipts").then().statusCode(409).contentType("application/problem+json");
    as("warehouse-02").header("Idempotency-Key", "receipt-1").body(receipt(pharmacy, item, 31))
        .post("/api/v1/stock/receipts").then().statusCode(201); // a key is the caller's own

    stockOf(pharmacy).body("total", equalTo(1)).body("items[0].onHand", equalTo(61))
        .body("items[0].available", equalTo(61)).body("items[0].siteName", containsString("测试药房"));
  }

  @Test
  void badQuantitiesUnknownCodesAndAMissingReasonAreNamed() {
    for (Object quantity : List.of(0, -3)) {
      as(WAREHOUSE).body(receipt(pharmacy, item, quantity)).post("/api/v1/stock/receipts").then().statusCode(400)
          .contentType("application/problem+json").body("errors.field", contains("quantity"));
    }
    as(WAREHOUSE).body(receipt("NO-SUCH-SITE", "NO-SUCH-ITEM", 1)).post("/api/v1/stock/receipts").then()
        .statusCode(400).body("errors.field", contains("siteCode", "itemCode"));
    as(WAREHOUSE).body(Map.of("siteCode", pharmacy, "itemCode", item, "change", -1)).post("/api/v1/stock/adjustments")
        .then().statusCode(400).body("errors.field", contains("reason"));
    as(WAREHOUSE).body(Map.of("siteCode", pharmacy, "itemCode", item, "change", 0, "reason", "盘点"))
        .post("/api/v1/stock/adjustments").then().statusCode(400).body("errors.field", contains("change"));
    stockOf(pharmacy).body("total", equalTo(0));
  }

  @Test
  void anAdjustmentThatWouldTakeWhatIsPromisedIsRefusedByName() {
    ledger.receive(new Receipt(pharmacy, item, 5, null, null, null, null), WAREHOUSE, null);
    ledger.reserve(pharmacy, item, 4, Reference.of(ReferenceType.MEDICINE_DELIVERY, 7), PHARMACY).orElseThrow();

    as(PHARMACY).body(Map.of("siteCode", pharmacy, "itemCode", item, "change", -2, "reason", "破损"))
        .post("/api/v1/stock/adjustments").then().statusCode(400).body("errors.field", contains("change"))
        .body("errors[0].message", containsString("4 promised"));
    as(PHARMACY).body(Map.of("siteCode", pharmacy, "itemCode", item, "change", -1, "reason", "破损"))
        .post("/api/v1/stock/adjustments").then().statusCode(201).body("movements[0].kind", equalTo("ADJUST_OUT"))
        .body("movements[0].onHandChange", equalTo(-1)).body("stock[0].available", equalTo(0));
    stockOf(pharmacy).body("items[0].onHand", equalTo(4)).body("items[0].reserved", equalTo(4));
  }

  @Test
  void thePharmacyRecordsAtPharmaciesAndTheWarehouseEverywhere() {
    String warehouse = fixtures.warehouse().code();
    as(PHARMACY).body(receipt(warehouse, item, 5)).post("/api/v1/stock/receipts").then().statusCode(403)
        .contentType("application/problem+json");
    as(WAREHOUSE).body(receipt(warehouse, item, 5)).post("/api/v1/stock/receipts").then().statusCode(201);
    as(PHARMACY).body(Map.of("fromSiteCode", warehouse, "toSiteCode", pharmacy, "itemCode", item, "quantity", 2))
        .post("/api/v1/stock/transfers").then().statusCode(403);
    as(WAREHOUSE).body(Map.of("fromSiteCode", warehouse, "toSiteCode", pharmacy, "itemCode", item, "quantity", 2))
        .post("/api/v1/stock/transfers").then().statusCode(201)
        .body("movements.kind", contains("TRANSFER_OUT", "TRANSFER_IN"))
        .body("stock.find { it.siteCode == '" + pharmacy + "' }.onHand", equalTo(2))
        .body("stock.find { it.siteCode == '" + warehouse + "' }.onHand", equalTo(3));
    as("grid-lile-zhongfu-01").body(receipt(pharmacy, item, 5)).post("/api/v1/stock/receipts").then()
        .statusCode(403);
  }

  @Test
  void anAreaListsTheStockOfTheSitesInsideIt() {
    String waihai = fixtures.pharmacy("JH-WH").code();
    ledger.receive(new Receipt(pharmacy, item, 3, null, null, null, null), WAREHOUSE, null);
    ledger.receive(new Receipt(waihai, item, 4, null, null, null, null), WAREHOUSE, null);

    as("street-lile").queryParam("areaCode", "JH-LL").queryParam("itemCode", item).get("/api/v1/stock").then()
        .statusCode(200).body("items.siteCode", contains(pharmacy));
    as("hotline-01").queryParam("areaCode", "JH").queryParam("itemCode", item).queryParam("kind", "PHARMACY")
        .get("/api/v1/stock").then().statusCode(200).body("items.siteCode", hasItems(pharmacy, waihai));
    as("hotline-01").queryParam("areaCode", "JH-NOWHERE").get("/api/v1/stock").then().statusCode(400)
        .body("errors.field", contains("areaCode"));
    as("hotline-01").queryParam("kind", "CASTLE").get("/api/v1/stock").then().statusCode(400)
        .body("errors.field", contains("kind"));
    withKey(Api.PARTNER_KEY).queryParam("itemCode", "MED-INSULIN").get("/api/v1/stock").then().statusCode(200)
        .body("items.siteCode", hasItem("WH-JH")).body("items[0].coldChain", equalTo(true));
    as("volunteer-lile-01").get("/api/v1/stock").then().statusCode(403).contentType("application/problem+json");
  }

  @Test
  void theDemoStockHasTheDistrictWarehouseAPharmacyPerStreetAndTheirMedicines() {
    as("command-01").queryParam("itemCode", "MED-INSULIN").queryParam("size", 200).get("/api/v1/stock").then()
        .statusCode(200).body("items.siteCode", hasItems("WH-JH", "PH-JH-WH", "PH-JH-LL", "PH-JH-JN"))
        .body("items.find { it.siteCode == 'WH-JH' }.batches[0].batch", equalTo("INS2207"))
        .body("items.find { it.siteCode == 'PH-JH-LL' }.firstExpiry", org.hamcrest.Matchers.notNullValue());
    as("command-01").get("/api/v1/supplies/sites").then().statusCode(200)
        .body("find { it.code == 'WH-JH' }.name", equalTo("区应急物资仓库"))
        .body("find { it.code == 'PH-JH-LL' }.areaName", equalTo("礼乐街道"));
    as("command-01").queryParam("category", "FOOD").get("/api/v1/supplies/items").then().statusCode(200)
        .body("name", hasItem("大米 2.5kg")).body("code", not(hasItem("MED-INSULIN")));
  }

  @Test
  void theHistoryIsNewestFirstAndFilteredByWhatItBelongsTo() {
    Instant before = Instant.now().minusSeconds(1);
    ledger.receive(new Receipt(pharmacy, item, 5, null, null, null, null), WAREHOUSE, null);
    Reference delivery = Reference.of(ReferenceType.MEDICINE_DELIVERY, fixtures.unique());
    Reservation r = ledger.reserve(pharmacy, item, 2, delivery, PHARMACY).orElseThrow();
    ledger.issue(r.id(), 1, "volunteer-lile-01");

    as("street-lile").queryParam("siteCode", pharmacy).get("/api/v1/stock/movements").then().statusCode(200)
        .body("items.kind", contains("RELEASE", "ISSUE", "RESERVE", "RECEIVE"));
    as(PHARMACY).queryParam("referenceType", "MEDICINE_DELIVERY").queryParam("referenceId", delivery.id())
        .get("/api/v1/stock/movements").then().statusCode(200).body("total", equalTo(3))
        .body("items.reservationId", org.hamcrest.Matchers.everyItem(equalTo((int) r.id())));
    as(PHARMACY).queryParam("siteCode", pharmacy).queryParam("from", before.toString())
        .queryParam("to", before.plusSeconds(3600).toString()).get("/api/v1/stock/movements").then()
        .statusCode(200).body("total", equalTo(4));
    as(PHARMACY).queryParam("from", "yesterday").get("/api/v1/stock/movements").then().statusCode(400)
        .body("errors.field", contains("from"));
    as("hotline-01").get("/api/v1/stock/movements").then().statusCode(403);
  }

  @Test
  void theExportsAreSpreadsheetsWithFormulasDefused() {
    as(WAREHOUSE).body(Map.of("siteCode", pharmacy, "itemCode", item, "quantity", 3,
            "reason", "=HYPERLINK(\"http://evil\",\"点我\")", "batch", "+B1"))
        .post("/api/v1/stock/receipts").then().statusCode(201);

    String movements = as(PHARMACY).queryParam("siteCode", pharmacy).accept("text/csv")
        .get("/api/v1/stock/movements/export").then().statusCode(200).contentType("text/csv;charset=UTF-8")
        .extract().asString();
    assertThat(movements).startsWith("\uFEFF时间,类型,站点编码");
    assertThat(movements).contains(",入库,").contains("'=HYPERLINK").contains(",'+B1,").doesNotContain(",=HYPERLINK");

    String stock = as("hotline-01").queryParam("siteCode", pharmacy).accept("text/csv").get("/api/v1/stock/export")
        .then().statusCode(200).extract().asString();
    assertThat(stock.split("\r\n")).hasSize(2);
    assertThat(stock.split("\r\n")[1]).startsWith(pharmacy + ",").contains(",否,否,3,0,3,").contains("'+B1 × 3");
    as("hotline-01").accept("text/csv").get("/api/v1/stock/movements/export").then().statusCode(403);
  }

  @Test
  void sitesAndItemsAreAddedByThoseWhoKeepThem() {
    long n = SupplyFixtures.unique();
    Map<String, Object> item = Map.of("code", "T-NEW-" + n, "name", "新到药品" + n, "unit", "盒", "category", "药品",
        "prescriptionOnly", true);
    as(PHARMACY).body(item).post("/api/v1/supplies/items").then().statusCode(201)
        .body("category", equalTo("MEDICINE")).body("prescriptionOnly", equalTo(true))
        .body("coldChain", equalTo(false));
    as(PHARMACY).body(item).post("/api/v1/supplies/items").then().statusCode(409);
    as("street-lile").body(item).post("/api/v1/supplies/items").then().statusCode(403);

    Map<String, Object> site = Map.of("code", "T-CC-" + n, "name", "永明社区党群服务中心", "kind", "COMMUNITY_CENTRE",
        "areaCode", "JH-LL-YM");
    as(WAREHOUSE).body(site).post("/api/v1/supplies/sites").then().statusCode(403);
    admin().body(site).post("/api/v1/supplies/sites").then().statusCode(201).body("areaName", equalTo("永明社区"))
        .body("kindLabel", equalTo("党群服务中心"));
    admin().body(Map.of("code", "t-lower", "name", "x", "kind", "CASTLE", "areaCode", "JH-NOWHERE"))
        .post("/api/v1/supplies/sites").then().statusCode(400)
        .body("errors.field", contains("code", "kind", "areaCode"));
  }
}
