package org.gridaid.donations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Receipt numbers are gap-free and never repeat, also when many confirmations of one year come
 * at once (each callback sent twice): run on H2 and, in the second pass, on PostgreSQL, where
 * the counter row's lock is what orders them.
 */
class ReceiptNumberConcurrencyTests extends ApiTestSupport {

  static final int GIFTS = 48;
  static final int THREADS = 16;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  void concurrentConfirmationsOfAYearAreNumberedOneToNExactly() throws Exception {
    // a year of its own, which no other test numbers receipts in
    int year = 2100 + ThreadLocalRandom.current().nextInt(800);
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(year, 3, 1).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai"))
        .toInstant()));
    String key = GiftApiTests.platformKey("receipts-" + DonationFixtures.unique());
    List<String> transactions = new ArrayList<>();
    for (int i = 0; i < GIFTS; i++) {
      String tx = "RC" + DonationFixtures.unique();
      Api.withKey(key).body(GiftApiTests.gift(tx, null, "1.00")).post("/api/v1/donations").then().statusCode(201);
      transactions.add(tx);
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (String tx : transactions) {
        for (int twice = 0; twice < 2; twice++) {
          answers.add(pool.submit(() -> Api.withKey(key).body(Map.of("transactionId", tx))
              .post("/api/v1/donations/confirmations").then().statusCode(200).extract().path("receiptNumber")));
        }
      }
      for (Future<String> answer : answers) {
        assertThat(answer.get()).startsWith(year + "-");
      }
    } finally {
      pool.shutdown();
    }

    List<Integer> numbers = jdbc.sql("select receipt_number from donation_gift where receipt_year = ?"
        + " order by receipt_number").param(year).query(Integer.class).list();
    assertThat(numbers).as("on %s", TestDatabaseInitializer.onPostgres() ? "PostgreSQL" : "H2")
        .containsExactlyElementsOf(IntStream.rangeClosed(1, GIFTS).boxed().toList());
    assertThat(jdbc.sql("select last_number from donation_receipt_counter where receipt_year = ?").param(year)
        .query(Integer.class).single()).isEqualTo(GIFTS);
  }
}
