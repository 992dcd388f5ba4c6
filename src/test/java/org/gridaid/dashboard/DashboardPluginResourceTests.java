package org.gridaid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.WebappSession;
import org.junit.jupiter.api.Test;

/**
 * The Cockpit plugin's resource, behind the webapps' session: the signed-in user's areas only,
 * the same figures as the REST API, and the cases behind a figure.
 */
class DashboardPluginResourceTests extends ApiTestSupport {

  static final String BOARD = "/camunda/api/cockpit/plugin/" + DashboardCockpitPlugin.ID + "/default/board";
  static final String CASES = "/camunda/api/cockpit/plugin/" + DashboardCockpitPlugin.ID + "/default/cases";

  @Test
  void theSignedInUserSeesTheBoardOfTheirAreasAsTheApiHasIt() {
    JsonPath command = WebappSession.signedIn("cockpit", "command-01", "demo").get(BOARD).then().statusCode(200)
        .extract().jsonPath();
    JsonPath api = as("command-01").get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    assertThat(command.getList("areas")).isEqualTo(api.getList("areas"));

    // a street office (which does not open Cockpit today) would see its street only
    JsonPath street = WebappSession.signedIn("tasklist", "street-waihai", "demo").get(BOARD).then().statusCode(200)
        .extract().jsonPath();
    assertThat(street.getList("areas.code", String.class)).first().isEqualTo("JH-WH");
    assertThat(street.getList("areas.code", String.class)).allMatch(code -> code.startsWith("JH-WH"));
  }

  @Test
  void whoDoesNotSuperviseOrIsNotSignedInIsRefused() {
    WebappSession.signedIn("tasklist", "grid-lile-zhongfu-01", "demo").get(BOARD).then().statusCode(403)
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:grid-aid:problem:forbidden"));
    int anonymous = RestAssured.given().get(BOARD).statusCode();
    assertThat(anonymous).as("Camunda's webapp filter: no session, no plugin API").isIn(401, 403);
  }

  @Test
  void aFigureOpensItsCasesWithinTheUsersAreasOnly() {
    Number id = as("hotline-01").body("""
            {"callerName": "看板测试", "callerPhone": "139%08d", "gridCode": "JH-WH-XC-02", "category": "COMPLAINT",
             "description": "看板测试: 居民来电"}""".formatted(ThreadLocalRandom.current().nextInt(100_000_000)))
        .post("/api/v1/help-requests").then().statusCode(201).extract().path("id");

    WebappSession command = WebappSession.signedIn("cockpit", "command-01", "demo");
    JsonPath cases = command.json().queryParam("area", "JH-WH-XC-02").queryParam("category", "COMPLAINT")
        .queryParam("level", "NONE").get(CASES).then().statusCode(200).extract().jsonPath();
    assertThat(cases.getList("cases.id", Long.class)).contains(id.longValue());
    assertThat(cases.getList("cases.gridCode", String.class)).containsOnly("JH-WH-XC-02");
    assertThat(cases.getString("cases.find { it.id == " + id + " }.processInstanceId")).isNotBlank();
    assertThat(cases.getList("cases.category", String.class)).containsOnly("COMPLAINT");

    WebappSession otherStreet = WebappSession.signedIn("tasklist", "street-lile", "demo");
    otherStreet.json().queryParam("area", "JH-WH-XC-02").get(CASES).then().statusCode(404);
    List<Long> ownStreet = otherStreet.json().get(CASES).then().statusCode(200).extract().jsonPath()
        .getList("cases.id", Long.class);
    assertThat(ownStreet).doesNotContain(id.longValue());
    command.json().queryParam("due", "LATE").get(CASES).then().statusCode(400);
  }
}
