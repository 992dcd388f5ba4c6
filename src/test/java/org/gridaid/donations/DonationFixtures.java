package org.gridaid.donations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.gridaid.test.Api;

/** Sampling sites and an item of their own for a test, so that no other test's appeal or stock is counted. */
final class DonationFixtures {

  static final String DESK = "donation-desk-01";
  private static final AtomicLong SERIAL = new AtomicLong(ThreadLocalRandom.current().nextInt(1_000_000) * 1000L);

  private DonationFixtures() {}

  static long unique() {
    return SERIAL.incrementAndGet();
  }

  /** {@code n} sampling sites of 礼乐街道. */
  static List<String> samplingSites(int n) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long serial = unique();
      String code = "T-DS" + serial;
      Api.admin().body(Map.of("code", code, "name", "测试采样点" + serial, "kind", "SAMPLING_SITE", "areaCode", "JH-LL"))
          .post("/api/v1/supplies/sites").then().statusCode(201);
      codes.add(code);
    }
    return codes;
  }

  /** Bottled water by the box, as the water appeal asked for. */
  static String water() {
    long serial = unique();
    String code = "T-WATER-" + serial;
    Api.admin().body(Map.of("code", code, "name", "矿泉水 550ml×24瓶 " + serial, "unit", "箱", "category", "FOOD"))
        .post("/api/v1/supplies/items").then().statusCode(201);
    return code;
  }

  static Map<String, Object> goodsAppeal(String item, int target, List<String> sites) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "抗疫一线急需饮用水 " + unique());
    body.put("kind", "GOODS");
    body.put("itemCode", item);
    body.put("targetQuantity", target);
    body.put("deadline", Instant.now().plus(Duration.ofDays(3)).toString());
    body.put("siteCodes", sites);
    return body;
  }

  static Map<String, Object> moneyAppeal(Object target) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "抗疫爱心捐款 " + unique());
    body.put("kind", "MONEY");
    body.put("targetAmount", target);
    body.put("deadline", Instant.now().plus(Duration.ofDays(7)).toString());
    return body;
  }
}
