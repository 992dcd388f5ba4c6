package org.gridaid.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.donations.DonationFixtures.DESK;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Appeals over REST as the donation desk and the street offices open, follow and close them. */
class AppealApiTests extends ApiTestSupport {

  static final String STREET = "street-lile";

  @Autowired
  JdbcClient jdbc;

  long appeals() {
    return jdbc.sql("select count(*) from donation_appeal").query(Long.class).single();
  }

  long appealsTitled(Object title) {
    return jdbc.sql("select count(*) from donation_appeal where title = ?").param(title).query(Long.class).single();
  }

  @Test
  void anAppealSentAgainWithItsKeyIsOpenedOnceAndAnsweredAsTheFirstTime() {
    String water = DonationFixtures.water();
    List<String> sites = DonationFixtures.samplingSites(2);
    Map<String, Object> body = DonationFixtures.goodsAppeal(water, 400, sites);
    String key = "appeal-" + DonationFixtures.unique();
    int id = as(DESK).header("Idempotency-Key", key).body(body).post("/api/v1/appeals").then().statusCode(201)
        .header("Idempotent-Replayed", "false").extract().path("id");
    as(DESK).body(GoodsPledgeProcessTests.pledge(25, sites.get(0), LocalDate.now().plusDays(2)))
        .post("/api/v1/appeals/{id}/pledges", id).then().statusCode(201);
    long before = appeals();

    // the answer is the first one's: the same appeal, its progress as it is, nothing opened again
    as(DESK).header("Idempotency-Key", key).body(body).post("/api/v1/appeals").then().statusCode(201)
        .header("Idempotent-Replayed", "true").body("id", equalTo(id)).body("status", equalTo("OPEN"))
        .body("target", equalTo(400)).body("sites.code", contains(sites.toArray()))
        .body("progress.pledged", equalTo(25)).body("progress.pledges", equalTo(1));
    assertThat(appeals()).isEqualTo(before);
    assertThat(appealsTitled(body.get("title"))).isOne();
    assertThat(jdbc.sql("select count(*) from donation_appeal_site where appeal_id = ?").param(id).query(Long.class)
        .single()).isEqualTo(2);

    // keys are the caller's own: the same key from somebody else opens an appeal of theirs
    int others = Api.admin().header("Idempotency-Key", key).body(body).post("/api/v1/appeals").then().statusCode(201)
        .header("Idempotent-Replayed", "false").extract().path("id");
    assertThat(others).isNotEqualTo(id);
    assertThat(appealsTitled(body.get("title"))).isEqualTo(2);
  }

  @Test
  void anAppealKeyUsedAgainForAnotherAppealIsA409AndNothingIsWritten() {
    Map<String, Object> body = DonationFixtures.moneyAppeal("800.00");
    String key = "appeal-" + DonationFixtures.unique();
    int id = as(DESK).header("Idempotency-Key", key).body(body).post("/api/v1/appeals").then().statusCode(201)
        .extract().path("id");
    long before = appeals();

    Map<String, Object> other = new LinkedHashMap<>(body);
    other.put("targetAmount", "800.01");
    as(DESK).header("Idempotency-Key", key).body(other).post("/api/v1/appeals").then().statusCode(409)
        .contentType("application/problem+json");
    other = DonationFixtures.moneyAppeal("800.00");
    as(DESK).header("Idempotency-Key", key).body(other).post("/api/v1/appeals").then().statusCode(409)
        .contentType("application/problem+json");
    assertThat(appeals()).isEqualTo(before);
    assertThat(appealsTitled(other.get("title"))).isZero();
    as(DESK).get("/api/v1/appeals/{id}", id).then().statusCode(200).body("target", equalTo(800.00f));
  }

  @Test
  void appealsSentAgainAtTheSameMomentAreOpenedOnce() throws Exception {
    Map<String, Object> body = DonationFixtures.moneyAppeal("1200.00");
    String key = "appeal-" + DonationFixtures.unique();
    var pool = Executors.newFixedThreadPool(4);
    try {
      var start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return as(DESK).header("Idempotency-Key", key).body(body).post("/api/v1/appeals");
        }));
      }
      start.countDown();
      List<Integer> ids = new ArrayList<>();
      List<String> replayed = new ArrayList<>();
      for (var answer : answers) {
        var response = answer.get();
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        ids.add(response.path("id"));
        replayed.add(response.header("Idempotent-Replayed"));
      }
      assertThat(ids).containsOnly(ids.get(0));
      assertThat(replayed).containsOnlyOnce("false");
      assertThat(appealsTitled(body.get("title"))).isOne();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDeskOpensAGoodsAppealAndItsProgressStartsAtNothing() {
    String water = DonationFixtures.water();
    List<String> sites = DonationFixtures.samplingSites(3);
    int id = as(DESK).body(DonationFixtures.goodsAppeal(water, 3000, sites)).post("/api/v1/appeals").then()
        .statusCode(201).body("kind", equalTo("GOODS")).body("kindLabel", equalTo("物资"))
        .body("unit", equalTo("箱")).body("target", equalTo(3000)).body("status", equalTo("OPEN"))
        .body("statusLabel", equalTo("征集中")).body("sites.code", contains(sites.toArray()))
        .body("openedBy", equalTo(DESK)).body("progress.pledged", equalTo(0)).body("progress.received", equalTo(0))
        .body("progress.target", equalTo(3000)).body("progress.targetReached", equalTo(false))
        .extract().path("id");

    as("hotline-01").get("/api/v1/appeals/{id}", id).then().statusCode(200).body("title",
        org.hamcrest.Matchers.startsWith("抗疫一线急需饮用水"));
    as("volunteer-lile-01").queryParam("status", "OPEN").queryParam("kind", "GOODS").queryParam("size", 200)
        .get("/api/v1/appeals").then().statusCode(200).body("items.id", hasItem(id));
  }

  @Test
  void aMoneyTargetIsExactToTheFen() {
    as(STREET).body(DonationFixtures.moneyAppeal("60778.13")).post("/api/v1/appeals").then().statusCode(201)
        .body("unit", equalTo("元")).body("target", equalTo(60778.13f)).body("areaCode", equalTo("JH-LL"))
        .body("progress.pledged", equalTo(0.00f));
    long target = jdbc.sql("select target from donation_appeal where id = (select max(id) from donation_appeal"
        + " where opened_by = ?)").param(STREET).query(Long.class).single();
    assertThat(target).isEqualTo(6_077_813L);
    // as a JSON string too
    as(DESK).body(DonationFixtures.moneyAppeal("0.01")).post("/api/v1/appeals").then().statusCode(201)
        .body("target", equalTo(0.01f));
  }

  @Test
  void aNegativeOrFractionalFenTargetIsNamedAndNothingIsWritten() {
    long before = appeals();
    for (Object bad : List.of("-5", -5, "0", "12.345", 12.345, "1e-3", "abc", "99999999999.00")) {
      as(DESK).body(DonationFixtures.moneyAppeal(bad)).post("/api/v1/appeals").then().statusCode(400)
          .contentType("application/problem+json").body("errors.field", hasItem("targetAmount"));
    }
    assertThat(appeals()).isEqualTo(before);
  }

  @Test
  void anUnknownItemOrSiteAndWhatAKindDoesNotTakeAreNamedAtOnce() {
    long before = appeals();
    Map<String, Object> body = DonationFixtures.goodsAppeal("NO-SUCH-ITEM", 10, List.of("NO-SUCH-SITE"));
    body.put("targetAmount", "100.00");
    as(DESK).body(body).post("/api/v1/appeals").then().statusCode(400)
        .body("errors.field", hasItems("itemCode", "targetAmount", "siteCodes[0]"));
    Map<String, Object> money = DonationFixtures.moneyAppeal("100.00");
    money.put("itemCode", DonationFixtures.water());
    money.put("deadline", "2020-01-01T00:00:00Z");
    as(DESK).body(money).post("/api/v1/appeals").then().statusCode(400)
        .body("errors.field", hasItems("itemCode", "deadline"));
    assertThat(appeals()).isEqualTo(before);
  }

  @Test
  void aClosedAppealIsClosedOnceAndOnlyByTheDeskOrItsOwnStreet() {
    int ownStreet = as(STREET).body(DonationFixtures.moneyAppeal("500")).post("/api/v1/appeals").then()
        .statusCode(201).extract().path("id");
    int desk = as(DESK).body(DonationFixtures.moneyAppeal("500")).post("/api/v1/appeals").then()
        .statusCode(201).extract().path("id");

    as("street-waihai").post("/api/v1/appeals/{id}/close", ownStreet).then().statusCode(403)
        .contentType("application/problem+json");
    as(STREET).post("/api/v1/appeals/{id}/close", desk).then().statusCode(403);
    as(STREET).post("/api/v1/appeals/{id}/close", ownStreet).then().statusCode(200)
        .body("status", equalTo("CLOSED")).body("closedBy", equalTo(STREET));
    as(DESK).post("/api/v1/appeals/{id}/close", ownStreet).then().statusCode(409)
        .contentType("application/problem+json");
    as(DESK).post("/api/v1/appeals/{id}/close", 999_999_999).then().statusCode(404);
  }
}
