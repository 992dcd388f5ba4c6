package org.gridaid.medicine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.as;
import static org.gridaid.test.Api.withKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.gridaid.supplies.StockLedger;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A clinic asks for medicine over REST, reads how it goes, and a courier's phone app reports the visit. */
class MedicineApiTests extends ApiTestSupport {

  @Autowired
  TaskService tasks;
  @Autowired
  StockLedger ledger;
  @Autowired
  MedicineDeliveryService service;

  static Map<String, Object> request(String item, int quantity) {
    return Map.of("recipientName", "王伯", "recipientPhone", MedicineScenario.newPhone(),
        "recipientAddress", MedicineScenario.ZHONGFU_ADDRESS,
        "lines", List.of(Map.of("itemCode", item, "quantity", quantity)), "urgency", "URGENT");
  }

  @Test
  void aClinicGetsTheDeliveryWithTheRecipientsCodeAndOnlyItReadsTheCode() {
    var created = withKey(Api.PARTNER_KEY).body(request(MedicineScenario.IBUPROFEN, 1))
        .post("/api/v1/medicine-requests").then().statusCode(201)
        .body("status", org.hamcrest.Matchers.equalTo("RESERVED")).body("confirmationCode", notNullValue())
        .extract();
    long id = created.<Integer>path("id");

    withKey(Api.PARTNER_KEY).get("/api/v1/medicine-requests/{id}", id).then().statusCode(200)
        .body("confirmationCode", notNullValue()).body("recipientPhone", org.hamcrest.Matchers.containsString("****"))
        .body("timeline.type", hasItem("RESERVED"));
    as("grid-lile-zhongfu-02").get("/api/v1/medicine-requests/{id}", id).then().statusCode(200)
        .body("confirmationCode", nullValue()).body("lines[0].siteCode", org.hamcrest.Matchers.equalTo("PH-JH-LL"));
    as("volunteer-lile-01").get("/api/v1/medicine-requests/{id}", id).then().statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aPersonOfTheRegisterIsFoundWithTheirPhoneAddressAndGrid() {
    long household = ((Number) as("grid-lile-zhongfu-02").body(Map.of("address", "礼乐街道中福花园5栋送药测试"
            + UUID.randomUUID().toString().substring(0, 6), "gridCode", "JH-LL-ZF-02", "phone", "13700005005",
            "size", 1, "recipientGroup", "ORDINARY"))
        .post("/api/v1/households").then().statusCode(201).extract().path("id")).longValue();
    // no vulnerability flags: the demo grids' vulnerable people all have a check-in plan
    long person = ((Number) as("grid-lile-zhongfu-02").body(Map.of("householdId", household, "name", "黄伯"))
        .post("/api/v1/persons").then().statusCode(201).extract().path("id")).longValue();

    long id = withKey(Api.PARTNER_KEY).body(Map.of("personId", person,
            "lines", List.of(Map.of("itemCode", MedicineScenario.IBUPROFEN, "quantity", 1))))
        .post("/api/v1/medicine-requests").then().statusCode(201)
        .body("gridCode", org.hamcrest.Matchers.equalTo("JH-LL-ZF-02")).extract().<Integer>path("id");

    as("hotline-01").get("/api/v1/medicine-requests/{id}", id).then().statusCode(200)
        .body("recipientName", org.hamcrest.Matchers.equalTo("黄伯"))
        .body("recipientPhone", org.hamcrest.Matchers.equalTo("13700005005"));
    withKey(Api.PARTNER_KEY).body(Map.of("personId", 999_999_999L,
            "lines", List.of(Map.of("itemCode", MedicineScenario.IBUPROFEN, "quantity", 1))))
        .post("/api/v1/medicine-requests").then().statusCode(400).body("errors.field", hasItem("personId"));
  }

  @Test
  void aRetriedRequestDoesNotAskTwice() {
    String key = UUID.randomUUID().toString();
    var body = request(MedicineScenario.IBUPROFEN, 1);
    int first = withKey(Api.PARTNER_KEY).header("Idempotency-Key", key).body(body).post("/api/v1/medicine-requests")
        .then().statusCode(201).extract().path("id");
    int second = withKey(Api.PARTNER_KEY).header("Idempotency-Key", key).body(body).post("/api/v1/medicine-requests")
        .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void badRequestsNameTheFieldAndStoreNothing() {
    withKey(Api.PARTNER_KEY).body(Map.of("recipientName", "王伯", "recipientPhone", "13800001111",
            "recipientAddress", MedicineScenario.ZHONGFU_ADDRESS,
            "lines", List.of(Map.of("itemCode", "MED-UNKNOWN", "quantity", 1), Map.of("itemCode", "MED-IBUPROFEN",
                "quantity", 0), Map.of("itemCode", "MED-INSULIN", "quantity", 1))))
        .post("/api/v1/medicine-requests").then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("lines[0].itemCode")).body("errors.field", hasItem("lines[1].quantity"))
        .body("errors.field", hasItem("lines[2].prescribedBy"));
    var onOtherStreet = new java.util.HashMap<>(request(MedicineScenario.IBUPROFEN, 1));
    onOtherStreet.put("siteCode", "PH-JH-WH");
    withKey(Api.PARTNER_KEY).body(onOtherStreet).post("/api/v1/medicine-requests").then().statusCode(400)
        .body("errors.field", hasItem("siteCode"));
  }

  @Test
  void theCouriersPhoneAppReportsTheVisitAndAWrongCodeChangesNothing() {
    long id = withKey(Api.PARTNER_KEY).body(request(MedicineScenario.IBUPROFEN, 1))
        .post("/api/v1/medicine-requests").then().statusCode(201).extract().<Integer>path("id");
    String key = MedicineDeliveryProcess.businessKey(id);
    var pickUp = tasks.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(MedicineDeliveryProcess.TASK_PICK_UP).singleResult();
    tasks.claim(pickUp.getId(), MedicineScenario.COURIER);
    tasks.complete(pickUp.getId(), Map.of());
    String code = service.get(id).confirmationCode();
    String wrong = code.equals("000000") ? "111111" : "000000";
    Map<String, Object> visit = Map.of("outcome", "DELIVERED", "confirmationCode", wrong,
        "lines", List.of(Map.of("lineNo", 1, "accepted", 1, "refused", 0)));

    as("volunteer-lile-02").body(visit).post("/api/v1/medicine-requests/{id}/visit", id).then().statusCode(404);
    as(MedicineScenario.COURIER).body(visit).post("/api/v1/medicine-requests/{id}/visit", id).then().statusCode(400)
        .contentType("application/problem+json").body("errors.field", hasItem("confirmationCode"));
    assertThat(service.get(id).status()).isEqualTo(DeliveryStatus.PICKED_UP);

    as(MedicineScenario.COURIER).body(Map.of("outcome", "DELIVERED", "confirmationCode", code,
            "lines", List.of(Map.of("lineNo", 1, "accepted", 1, "refused", 0))))
        .post("/api/v1/medicine-requests/{id}/visit", id).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("DELIVERED"));
  }

  @Test
  void theClinicCancelsWhatItAskedForAndTheStockIsFreeAgain() {
    int reserved = ledger.level("PH-JH-LL", MedicineScenario.IBUPROFEN).reserved();
    long id = withKey(Api.PARTNER_KEY).body(request(MedicineScenario.IBUPROFEN, 2))
        .post("/api/v1/medicine-requests").then().statusCode(201).extract().<Integer>path("id");

    withKey(Api.PARTNER_KEY).body(Map.of("reason", "患者已住院")).post("/api/v1/medicine-requests/{id}/cancel", id)
        .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));

    assertThat(ledger.level("PH-JH-LL", MedicineScenario.IBUPROFEN).reserved()).isEqualTo(reserved);
    withKey(Api.PARTNER_KEY).body(Map.of("reason", "再撤一次")).post("/api/v1/medicine-requests/{id}/cancel", id)
        .then().statusCode(409);
  }
}
