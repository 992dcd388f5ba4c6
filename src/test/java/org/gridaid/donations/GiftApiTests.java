package org.gridaid.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.donations.DonationFixtures.DESK;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.gridaid.messaging.MessageOwner;
import org.gridaid.messaging.TextMessage;
import org.gridaid.messaging.TextMessages;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Money from the online donation platform and what finance does with it, over REST. */
class GiftApiTests extends ApiTestSupport {

  static final String FINANCE = "finance-01";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TextMessages messages;

  String platformKey;
  long appeal;

  @BeforeEach
  void aPlatformKeyAndAMoneyAppeal() {
    platformKey = platformKey("platform-" + DonationFixtures.unique());
    appeal = ((Number) as(DESK).body(DonationFixtures.moneyAppeal("100000.00")).post("/api/v1/appeals").then()
        .statusCode(201).extract().path("id")).longValue();
  }

  static String platformKey(String name) {
    return Api.admin().body(Map.of("name", name, "operations", List.of("donations:platform")))
        .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
  }

  RequestSpecification platform() {
    return Api.withKey(platformKey);
  }

  static Map<String, Object> gift(String transactionId, Long appealId, Object amount) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("transactionId", transactionId);
    body.put("appealId", appealId);
    body.put("amount", amount);
    body.put("donorName", "陈女士");
    body.put("donorPhone", "13912345678");
    body.put("anonymous", false);
    return body;
  }

  static String transaction() {
    return "WX" + DonationFixtures.unique();
  }

  Map<String, Object> progress() {
    return as(DESK).get("/api/v1/appeals/{id}", appeal).then().statusCode(200).extract().path("progress");
  }

  long rows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** Every intake of a desk gift the engine runs: a retry must not start another. */
  long intakes() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(DonationIntakeProcess.KEY).count();
  }

  /** Finance's tasks to confirm the desk gift. */
  long financeTasks(int giftId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(DonationIntakeProcess.businessKey(giftId))
        .taskDefinitionKey(DonationIntakeProcess.TASK_CONFIRM).count();
  }

  /** A gift of {@code amount} from the platform, confirmed: refunds and corrections take from it. */
  int confirmedGift(String amount) {
    String tx = transaction();
    int id = platform().body(gift(tx, appeal, amount)).post("/api/v1/donations").then().statusCode(201)
        .extract().path("id");
    platform().body(Map.of("transactionId", tx)).post("/api/v1/donations/confirmations").then().statusCode(200);
    return id;
  }

  static String key() {
    return "retry-" + DonationFixtures.unique();
  }

  @Test
  void aDeskGiftSentAgainWithItsKeyIsRecordedOnceWithOneTaskForFinance() {
    Map<String, Object> body = DonationIntakeProcessTests.deskGift(appeal, "CASH", "300.00");
    String key = key();
    int id = as(DESK).header("Idempotency-Key", key).body(body).post("/api/v1/donations/desk").then()
        .statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
    long gifts = rows("donation_gift");
    long intakes = intakes();

    as(DESK).header("Idempotency-Key", key).body(body).post("/api/v1/donations/desk").then().statusCode(201)
        .header("Idempotent-Replayed", "true").body("id", equalTo(id)).body("amount", equalTo(300.00f))
        .body("status", equalTo("AWAITING_CONFIRMATION"));
    assertThat(rows("donation_gift")).isEqualTo(gifts);
    assertThat(intakes()).isEqualTo(intakes);
    assertThat(financeTasks(id)).isOne();
    assertThat(progress()).containsEntry("pledged", 300.00f).containsEntry("received", 0.0f)
        .containsEntry("pledges", 1);

    // keys are the caller's own: the same key from somebody else is a gift of theirs
    int others = Api.admin().header("Idempotency-Key", key).body(body).post("/api/v1/donations/desk").then()
        .statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
    assertThat(others).isNotEqualTo(id);
    assertThat(progress()).containsEntry("pledged", 600.00f).containsEntry("pledges", 2);
  }

  @Test
  void aDeskGiftKeyUsedAgainForAnotherGiftIsA409AndNothingIsWritten() {
    String key = key();
    int id = as(DESK).header("Idempotency-Key", key).body(DonationIntakeProcessTests.deskGift(appeal, "CASH", "300.00"))
        .post("/api/v1/donations/desk").then().statusCode(201).extract().path("id");
    long gifts = rows("donation_gift");
    long intakes = intakes();

    as(DESK).header("Idempotency-Key", key).body(DonationIntakeProcessTests.deskGift(appeal, "CASH", "300.01"))
        .post("/api/v1/donations/desk").then().statusCode(409).contentType("application/problem+json");
    as(DESK).header("Idempotency-Key", key).body(DonationIntakeProcessTests.deskGift(appeal, "BANK_TRANSFER", "300.00"))
        .post("/api/v1/donations/desk").then().statusCode(409).contentType("application/problem+json");
    assertThat(rows("donation_gift")).isEqualTo(gifts);
    assertThat(intakes()).isEqualTo(intakes);
    assertThat(financeTasks(id)).isOne();
    assertThat(progress()).containsEntry("pledged", 300.00f).containsEntry("pledges", 1);
  }

  @Test
  void deskGiftsSentAgainAtTheSameMomentAreRecordedOnceWithOneTaskForFinance() throws Exception {
    Map<String, Object> body = DonationIntakeProcessTests.deskGift(appeal, "CASH", "88.00");
    String key = key();
    long gifts = rows("donation_gift");
    long intakes = intakes();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return as(DESK).header("Idempotency-Key", key).body(body).post("/api/v1/donations/desk");
        }));
      }
      start.countDown();
      List<Integer> ids = new ArrayList<>();
      List<String> replayed = new ArrayList<>();
      for (Future<Response> answer : answers) {
        Response response = answer.get();
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        ids.add(response.path("id"));
        replayed.add(response.header("Idempotent-Replayed"));
      }
      assertThat(ids).containsOnly(ids.get(0));
      assertThat(replayed).containsOnlyOnce("false");
      assertThat(rows("donation_gift")).isEqualTo(gifts + 1);
      assertThat(intakes()).isEqualTo(intakes + 1);
      assertThat(financeTasks(ids.get(0))).isOne();
      assertThat(progress()).containsEntry("pledged", 88.00f).containsEntry("pledges", 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRefundSentAgainWithItsKeyIsEnteredOnce() {
    int gift = confirmedGift("100.00");
    Map<String, Object> refund = Map.of("amount", "10.01", "reason", "捐赠人重复支付，退回");
    String key = key();
    int id = as(FINANCE).header("Idempotency-Key", key).body(refund).post("/api/v1/donations/{id}/refunds", gift)
        .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
    long entries = rows("donation_gift");

    as(FINANCE).header("Idempotency-Key", key).body(refund).post("/api/v1/donations/{id}/refunds", gift).then()
        .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id))
        .body("entryKind", equalTo("REFUND")).body("amount", equalTo(-10.01f)).body("correctsId", equalTo(gift));
    assertThat(rows("donation_gift")).isEqualTo(entries);
    assertThat(progress()).containsEntry("received", 89.99f).containsEntry("pledged", 89.99f);

    // keys are the caller's own
    Api.admin().header("Idempotency-Key", key).body(refund).post("/api/v1/donations/{id}/refunds", gift).then()
        .statusCode(201).header("Idempotent-Replayed", "false").body("id", org.hamcrest.Matchers.not(equalTo(id)));
    assertThat(progress()).containsEntry("received", 79.98f);
  }

  @Test
  void aRefundKeyUsedAgainForAnotherRefundIsA409AndNothingIsWritten() {
    int gift = confirmedGift("100.00");
    int other = confirmedGift("50.00");
    String key = key();
    as(FINANCE).header("Idempotency-Key", key).body(Map.of("amount", "10.01", "reason", "退回"))
        .post("/api/v1/donations/{id}/refunds", gift).then().statusCode(201);
    long entries = rows("donation_gift");

    as(FINANCE).header("Idempotency-Key", key).body(Map.of("amount", "10.02", "reason", "退回"))
        .post("/api/v1/donations/{id}/refunds", gift).then().statusCode(409).contentType("application/problem+json");
    // the same body for another gift is another request too
    as(FINANCE).header("Idempotency-Key", key).body(Map.of("amount", "10.01", "reason", "退回"))
        .post("/api/v1/donations/{id}/refunds", other).then().statusCode(409).contentType("application/problem+json");
    // and so is a correction under the refund's key
    as(FINANCE).header("Idempotency-Key", key).body(Map.of("amount", "10.01", "reason", "退回"))
        .post("/api/v1/donations/{id}/corrections", gift).then().statusCode(409)
        .contentType("application/problem+json");
    assertThat(rows("donation_gift")).isEqualTo(entries);
    assertThat(progress()).containsEntry("received", 139.99f).containsEntry("pledged", 139.99f);
  }

  @Test
  void aCorrectionSentAgainWithItsKeyIsEnteredOnce() {
    int gift = confirmedGift("100.00");
    Map<String, Object> correction = Map.of("amount", "-0.99", "reason", "录入有误，更正");
    String key = key();
    int id = as(FINANCE).header("Idempotency-Key", key).body(correction)
        .post("/api/v1/donations/{id}/corrections", gift).then().statusCode(201)
        .header("Idempotent-Replayed", "false").extract().path("id");
    long entries = rows("donation_gift");

    as(FINANCE).header("Idempotency-Key", key).body(correction).post("/api/v1/donations/{id}/corrections", gift)
        .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id))
        .body("entryKind", equalTo("CORRECTION")).body("amount", equalTo(-0.99f));
    assertThat(rows("donation_gift")).isEqualTo(entries);
    assertThat(progress()).containsEntry("received", 99.01f).containsEntry("pledged", 99.01f);
  }

  @Test
  void aCorrectionKeyUsedAgainForAnotherCorrectionIsA409AndNothingIsWritten() {
    int gift = confirmedGift("100.00");
    String key = key();
    as(FINANCE).header("Idempotency-Key", key).body(Map.of("amount", "-0.99", "reason", "更正"))
        .post("/api/v1/donations/{id}/corrections", gift).then().statusCode(201);
    long entries = rows("donation_gift");

    as(FINANCE).header("Idempotency-Key", key).body(Map.of("amount", "0.99", "reason", "更正"))
        .post("/api/v1/donations/{id}/corrections", gift).then().statusCode(409)
        .contentType("application/problem+json");
    assertThat(rows("donation_gift")).isEqualTo(entries);
    assertThat(progress()).containsEntry("received", 99.01f).containsEntry("pledged", 99.01f);
  }

  @Test
  void aGiftSentTwiceIsRecordedOnceAndItsCallbackTwiceCountsOnce() {
    String tx = transaction();
    Map<String, Object> gift = gift(tx, appeal, "60778.13");
    gift.put("donorIdNumber", "44070319800101123X");
    int id = platform().body(gift).post("/api/v1/donations").then().statusCode(201)
        .header("Idempotent-Replayed", "false").body("status", equalTo("AWAITING_CONFIRMATION"))
        .body("amount", equalTo(60778.13f)).body("donorPhone", equalTo("139****5678"))
        .body("receiptNumber", nullValue()).extract().path("id");
    platform().body(gift).post("/api/v1/donations").then().statusCode(201)
        .header("Idempotent-Replayed", "true").body("id", equalTo(id));
    gift.put("amount", "60778.14");
    platform().body(gift).post("/api/v1/donations").then().statusCode(409)
        .contentType("application/problem+json");
    assertThat(progress()).containsEntry("pledged", 60778.13f).containsEntry("received", 0.0f)
        .containsEntry("pledges", 1);

    String receipt = platform().body(Map.of("transactionId", tx)).post("/api/v1/donations/confirmations").then()
        .statusCode(200).body("status", equalTo("CONFIRMED")).body("statusLabel", equalTo("已到账"))
        .extract().path("receiptNumber");
    assertThat(receipt).matches("\\d{4}-\\d{6}");
    platform().body(Map.of("transactionId", tx)).post("/api/v1/donations/confirmations").then()
        .statusCode(200).body("receiptNumber", equalTo(receipt));
    assertThat(progress()).containsEntry("pledged", 60778.13f).containsEntry("received", 60778.13f);

    List<String> thanks = messages.of(new MessageOwner("DONATION", id)).stream().map(TextMessage::body).toList();
    assertThat(thanks).singleElement().asString().contains("陈女士", "60778.13元", receipt);
  }

  @Test
  void aCallbackForATransactionNobodySentIsA404AndWritesNothing() {
    long gifts = rows("donation_gift");
    long counters = jdbc.sql("select coalesce(sum(last_number), 0) from donation_receipt_counter")
        .query(Long.class).single();
    platform().body(Map.of("transactionId", "NO-SUCH-" + DonationFixtures.unique()))
        .post("/api/v1/donations/confirmations").then().statusCode(404).contentType("application/problem+json");
    // nor may a platform confirm what another platform sent
    String tx = transaction();
    Api.withKey(platformKey("other-" + DonationFixtures.unique())).body(gift(tx, null, "5")).post("/api/v1/donations")
        .then().statusCode(201);
    platform().body(Map.of("transactionId", tx)).post("/api/v1/donations/confirmations").then().statusCode(404);
    assertThat(rows("donation_gift")).isEqualTo(gifts + 1);
    assertThat(jdbc.sql("select coalesce(sum(last_number), 0) from donation_receipt_counter").query(Long.class)
        .single()).isEqualTo(counters);
  }

  @Test
  void aNegativeOrFractionalFenAmountIsNamedAndNothingIsWritten() {
    long before = rows("donation_gift");
    for (Object bad : List.of("-1", -1, "0", 0, "12.345", 0.001, "1,000", "abc", "12345678901.00")) {
      platform().body(gift(transaction(), appeal, bad)).post("/api/v1/donations").then().statusCode(400)
          .contentType("application/problem+json").body("errors.field", hasItem("amount"));
    }
    Map<String, Object> large = gift(transaction(), appeal, "10000.00");
    platform().body(large).post("/api/v1/donations").then().statusCode(400)
        .body("errors.field", hasItem("donorIdNumber"));
    large.put("donorIdNumber", "44070319800101123X");
    platform().body(large).post("/api/v1/donations").then().statusCode(201)
        .body("donorIdNumber", equalTo("**************123X"));
    assertThat(rows("donation_gift")).isEqualTo(before + 1);
  }

  @Test
  void aGiftToAClosedAppealIsRefusedAndNothingIsWritten() {
    as(DESK).post("/api/v1/appeals/{id}/close", appeal).then().statusCode(200);
    long before = rows("donation_gift");
    platform().body(gift(transaction(), appeal, "10")).post("/api/v1/donations").then().statusCode(409);
    platform().body(gift(transaction(), 999_999_999L, "10")).post("/api/v1/donations").then().statusCode(400)
        .body("errors.field", hasItem("appealId"));
    assertThat(rows("donation_gift")).isEqualTo(before);
    assertThat(progress()).containsEntry("pledged", 0.0f).containsEntry("pledges", 0);
  }

  @Test
  void refundsAndCorrectionsAreNewEntriesAndTheTotalsReconcileToTheFen() {
    String tx = transaction();
    int id = platform().body(gift(tx, appeal, "100.00")).post("/api/v1/donations").then().statusCode(201)
        .extract().path("id");
    platform().body(Map.of("transactionId", tx)).post("/api/v1/donations/confirmations").then().statusCode(200);

    Map<String, Object> refund = Map.of("amount", "10.01", "reason", "捐赠人重复支付，退回");
    as(DESK).body(refund).post("/api/v1/donations/{id}/refunds", id).then().statusCode(403);
    as("hotline-01").body(refund).post("/api/v1/donations/{id}/refunds", id).then().statusCode(404);
    as(FINANCE).body(refund).post("/api/v1/donations/{id}/refunds", id).then().statusCode(201)
        .body("entryKind", equalTo("REFUND")).body("amount", equalTo(-10.01f)).body("correctsId", equalTo(id));
    as(FINANCE).body(Map.of("amount", "-0.99", "reason", "录入有误，更正")).post("/api/v1/donations/{id}/corrections", id)
        .then().statusCode(201).body("entryKind", equalTo("CORRECTION")).body("amount", equalTo(-0.99f));
    as(FINANCE).body(Map.of("amount", "89.01", "reason", "超过剩余金额")).post("/api/v1/donations/{id}/refunds", id)
        .then().statusCode(409);
    as(FINANCE).body(Map.of("amount", "1.001", "reason", "三位小数")).post("/api/v1/donations/{id}/refunds", id)
        .then().statusCode(400).body("errors.field", hasItem("amount"));

    // the gift itself is as it was
    as(FINANCE).get("/api/v1/donations/{id}", id).then().statusCode(200).body("amount", equalTo(100.00f))
        .body("status", equalTo("CONFIRMED"));
    long entries = jdbc.sql("select sum(amount_fen) from donation_gift where appeal_id = ? and status = 'CONFIRMED'")
        .param(appeal).query(Long.class).single();
    assertThat(entries).isEqualTo(10_000 - 1_001 - 99);
    assertThat(progress()).containsEntry("received", 89.00f).containsEntry("pledged", 89.00f);
    assertThat(new BigDecimal(progress().get("received").toString())).isEqualByComparingTo("89.00");
  }

  @Test
  void theDonorsDetailsAreStoredEncrypted() {
    int id = platform().body(gift(transaction(), null, "8.88")).post("/api/v1/donations").then().statusCode(201)
        .extract().path("id");
    Map<String, Object> row = jdbc.sql("select donor_name_enc, donor_phone_enc from donation_gift where id = ?")
        .param(id).query().singleRow();
    assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains("13912345678")
        || String.valueOf(v).contains("陈女士"));
  }
}
