package org.gridaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.as;
import static org.gridaid.test.Api.withKey;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.gridaid.messaging.MessageOwner;
import org.gridaid.messaging.TextMessage;
import org.gridaid.messaging.TextMessages;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a resident told the hotline, what the register knows about a household and a person, and
 * what the texts to residents and donors say are never in clear in a table: read back raw, row
 * by row, after a call, a repeated call, a household's and a person's registration through the
 * API, and a text queued.
 */
class PersonalDataAtRestTests extends ApiTestSupport {

  static final String GRID = "JH-WH-YQ-02";
  static final String WORKER = "grid-waihai-yinquan-02";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  TextMessages messages;
  @Autowired
  TransactionTemplate transaction;

  static String phone() {
    return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  @Test
  void theHotlineTablesHoldTheCallersDetailsOnlyEncrypted() {
    String phone = phone();
    String call = """
        {"callerName": "欧阳秀英", "callerPhone": "%s", "address": "礼乐街道中福花园5栋1201室",
         "category": "MEDICINE", "description": "%s", "affectedPerson": "母亲, 82岁, 糖尿病",
         "vulnerabilities": ["ELDERLY_ALONE"]}""";
    var answer = withKey(Api.PARTNER_KEY).body(call.formatted(phone, "胰岛素只剩一支了"))
        .post("/api/v1/help-requests").then().statusCode(201).extract();
    int first = answer.path("id");
    String trackingCode = answer.path("trackingCode");
    int repeated = withKey(Api.PARTNER_KEY).body(call.formatted(phone, "再次来电: 胰岛素用完了"))
        .post("/api/v1/help-requests").then().statusCode(201).extract().path("id");
    List<String> secrets = List.of(phone, "欧阳秀英", "中福花园5栋1201室", "胰岛素", "糖尿病");

    assertThat(rows("select * from help_request where id in (?, ?)", first, repeated)).hasSize(2)
        .allSatisfy(row -> assertThat(row.toString()).doesNotContain(secrets));
    assertThat(rows("select * from help_request_event where help_request_id in (?, ?)", first, repeated))
        .isNotEmpty().allSatisfy(row -> assertThat(row.toString()).doesNotContain(secrets));
    List<String> texts = messages.of(new MessageOwner("HELP_REQUEST", first)).stream().map(TextMessage::body)
        .toList();
    assertThat(texts).as("what the texts say, read through the outbox").anySatisfy(body ->
        assertThat(body).contains(trackingCode));
    assertThat(rows("select * from text_message where owner_type = 'HELP_REQUEST' and owner_id in (?, ?)",
        first, repeated)).isNotEmpty().allSatisfy(row -> assertThat(row.toString()).doesNotContain(secrets)
        .doesNotContain(texts).doesNotContain(trackingCode));
    assertThat(rows("select * from event_publication")).allSatisfy(row ->
        assertThat(row.toString()).doesNotContain(secrets));

    as("hotline-01").get("/api/v1/help-requests/" + first).then().statusCode(200)
        .body("callerPhone", org.hamcrest.Matchers.equalTo(phone))
        .body("description", org.hamcrest.Matchers.equalTo("胰岛素只剩一支了"));
  }

  @Test
  void aMedicineDeliveryHoldsTheRecipientAndWhatTheyNeedOnlyEncrypted() {
    String phone = phone();
    String request = """
        {"recipientName": "欧阳秀英", "recipientPhone": "%s", "recipientAddress": "礼乐街道中福花园5栋1201室",
         "note": "糖尿病, 胰岛素只剩一支了", "lines": [{"itemCode": "MED-IBUPROFEN", "quantity": 1}]}""";
    int id = withKey(Api.PARTNER_KEY).body(request.formatted(phone)).post("/api/v1/medicine-requests").then()
        .statusCode(201).extract().path("id");
    List<String> secrets = List.of(phone, "欧阳秀英", "中福花园5栋1201室", "胰岛素", "糖尿病");

    assertThat(rows("select * from medicine_delivery where id = ?", id)).singleElement()
        .satisfies(row -> assertThat(row.toString()).doesNotContain(secrets));
    assertThat(rows("select * from medicine_delivery_event where delivery_id = ?", id)).isNotEmpty()
        .allSatisfy(row -> assertThat(row.toString()).doesNotContain(secrets));
    assertThat(rows("select * from text_message where owner_type = 'MEDICINE_DELIVERY' and owner_id = ?", id))
        .isNotEmpty().allSatisfy(row -> assertThat(row.toString()).doesNotContain(secrets));

    as("hotline-01").get("/api/v1/medicine-requests/" + id).then().statusCode(200)
        .body("recipientPhone", org.hamcrest.Matchers.equalTo(phone))
        .body("requestedItems", org.hamcrest.Matchers.equalTo("糖尿病, 胰岛素只剩一支了"));
  }

  @Test
  void theRegisterHoldsPhonesIdNumbersCarersAndHealthOnlyEncrypted() {
    String householdPhone = phone();
    String personPhone = phone();
    String idNumber = "440704194602030017";
    String address = "银泉花园%d栋%d室".formatted(ThreadLocalRandom.current().nextInt(100_000), 1201);
    int household = as(WORKER).body("""
        {"address": "%s", "gridCode": "%s", "phone": "%s", "size": 1}""".formatted(address, GRID, householdPhone))
        .post("/api/v1/households").then().statusCode(201).extract().path("id");
    int person = as(WORKER).body("""
        {"householdId": %d, "name": "王伯", "idNumber": "%s", "phone": "%s", "birthYear": 1946,
         "flags": ["CHRONIC_ILLNESS"], "chronicConditions": "慢性阻塞性肺病", "regularMedicines": "噻托溴铵",
         "carerContact": "女儿 13811112222", "checkInBy": "%s", "checkInEveryDays": 1}"""
            .formatted(household, idNumber, personPhone, WORKER))
        .post("/api/v1/persons").then().statusCode(201).extract().path("id");

    assertThat(rows("select * from household where id = ?", household).get(0).toString())
        .doesNotContain(householdPhone, address, "银泉花园");
    assertThat(rows("select * from person where id = ?", person).get(0).toString())
        .doesNotContain(personPhone, idNumber, "13811112222", "慢性阻塞性肺病", "噻托溴铵", address);

    as(WORKER).get("/api/v1/households/" + household).then().statusCode(200)
        .body("address", org.hamcrest.Matchers.equalTo(address));
    as(WORKER).body("""
        {"address": "%s", "gridCode": "%s", "size": 2}""".formatted(address, GRID))
        .post("/api/v1/households").then().statusCode(409);
  }

  @Test
  void aTextToADonorIsStoredOnlyEncrypted() {
    MessageOwner owner = new MessageOwner("DONATION", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    String phone = phone();
    String body = "【暖心捐赠】欧阳秀英女士, 您捐赠的60778.13元已到账, 收据号 2026-000042, 谢谢您!";
    transaction.executeWithoutResult(status -> messages.queue(owner, phone, "THANKS", body));

    assertThat(rows("select * from text_message where owner_type = ? and owner_id = ?", owner.type(), owner.id()))
        .singleElement().satisfies(row -> assertThat(row.toString())
            .doesNotContain(phone, "欧阳秀英", "60778.13", "2026-000042"));
    assertThat(messages.of(owner)).extracting(TextMessage::body).containsExactly(body);
  }

  private List<Map<String, Object>> rows(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query().listOfRows();
  }
}
