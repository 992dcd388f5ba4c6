package org.gridaid.helprequest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.WebappSession;
import org.junit.jupiter.api.Test;

/**
 * Tasklist's hotline plugin answers the signed-in staff with the case an operator just started,
 * and nobody else; a case nobody knows or a path that is no case number is a 404.
 */
class HotlinePluginTests extends ApiTestSupport {

  static final String CASES = "/camunda/api/tasklist/plugin/grid-aid-hotline/default/help-requests/";

  static int newCase() {
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    return Api.as("hotline-01").body(Map.of("callerName", "孙女士", "callerPhone", phone, "gridCode", "JH-LL-ZF-01",
            "category", "LIVING_SUPPLIES", "description", "缺少米面"))
        .post("/api/v1/help-requests").then().statusCode(201).extract().path("id");
  }

  @Test
  void theOperatorReadsWhatToTellTheCaller() {
    int id = newCase();
    String trackingCode = Api.as("hotline-01").get("/api/v1/help-requests/{id}", id).then().extract()
        .path("trackingCode");
    WebappSession hotline = WebappSession.signedIn("tasklist", "hotline-01", "demo");

    hotline.get(CASES + id).then().statusCode(200).body("id", equalTo(id))
        .body("trackingCode", equalTo(trackingCode)).body("gridCode", equalTo("JH-LL-ZF-01"))
        .body("gridName", equalTo("中福社区第1网格"));
    hotline.get(CASES + id + "/page").then().statusCode(200).contentType(containsString("text/html"))
        .body(containsString("热线诉求 #" + id)).body(containsString(trackingCode)).body(containsString("孙女士"));
  }

  @Test
  void nobodyWithoutASessionAndNoCaseNobodyKnows() {
    int id = newCase();
    given().get(CASES + id).then().statusCode(401).body(not(containsString("孙女士")));
    given().get(CASES + id + "/page").then().statusCode(401);
    WebappSession worker = WebappSession.signedIn("tasklist", "grid-lile-zhongfu-01", "demo");
    worker.get(CASES + "999999999").then().statusCode(404);
    worker.get(CASES + "abc").then().statusCode(404);
    worker.get(CASES + id).then().statusCode(200);
  }
}
