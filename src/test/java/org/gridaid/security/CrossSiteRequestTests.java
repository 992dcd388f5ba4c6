package org.gridaid.security;

import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.anonymous;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser that once signed in with HTTP Basic sends the credentials with every request to
 * this origin, also with one a foreign page makes it send. The APIs refuse such cross-site
 * requests, and never ask a browser for Basic credentials in the first place. Server-to-server
 * calls, which send no Origin, work as before.
 */
class CrossSiteRequestTests extends ApiTestSupport {

  static final String FOREIGN = "https://attacker.example";

  @LocalServerPort
  int port;

  @Test
  void aRequestFromAForeignPageIsRefused() {
    admin().header("Origin", FOREIGN).body("{\"name\":\"forged-key\",\"operations\":[\"areas:read\"]}")
        .post("/api/v1/api-keys").then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:forbidden"));
    admin().get("/api/v1/api-keys").then().statusCode(200).body("name", not(hasItem("forged-key")));

    as("hotline-01").header("Origin", FOREIGN).get("/engine-rest/task").then().statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void aCrossSiteNavigationIsRefused() {
    // a link or a form on a foreign site: no Origin on a GET, but the browser marks it cross-site
    as("hotline-01").header("Sec-Fetch-Site", "cross-site").get("/api/v1/areas").then().statusCode(403);
    as("hotline-01").header("Sec-Fetch-Site", "cross-site").get("/engine-rest/task").then().statusCode(403);
  }

  @Test
  void aSandboxedOrFileOriginIsRefused() {
    as("hotline-01").header("Origin", "null").get("/api/v1/areas").then().statusCode(403);
  }

  @Test
  void theApplicationsOwnPagesMayCallTheApis() {
    // e.g. the API description's "try it out" in /api-docs.html
    as("hotline-01").header("Origin", "http://localhost:" + port).header("Sec-Fetch-Site", "same-origin")
        .get("/api/v1/areas").then().statusCode(200);
    as("hotline-01").header("Sec-Fetch-Site", "none").get("/api/v1/areas").then().statusCode(200);
  }

  @Test
  void serverToServerCallsWork() {
    as("hotline-01").get("/api/v1/areas").then().statusCode(200);
    as("hotline-01").get("/engine-rest/task").then().statusCode(200);
  }

  @Test
  void browsersAreNotAskedForBasicCredentials() {
    anonymous().header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Site", "none").get("/api/v1/areas").then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", nullValue());
    anonymous().header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Site", "same-origin").get("/engine-rest/task")
        .then().statusCode(401).header("WWW-Authenticate", nullValue());
  }

  @Test
  void otherClientsAreStillChallenged() {
    anonymous().get("/api/v1/areas").then().statusCode(401).header("WWW-Authenticate", "Basic realm=\"grid-aid\"");
  }
}
