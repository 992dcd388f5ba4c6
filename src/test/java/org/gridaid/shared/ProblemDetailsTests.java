package org.gridaid.shared;

import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** Whatever goes wrong under /api, the caller gets problem+json with a stable type. */
class ProblemDetailsTests extends ApiTestSupport {

  @Test
  void anUnknownPathIsNotFound() {
    as("hotline-01").get("/api/v1/nothing-here").then().statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:not-found"));
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed() {
    admin().body("{not json").post("/api/v1/areas").then().statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:malformed-request"));
  }

  @Test
  void aFieldOfTheWrongTypeIsNamed() {
    admin().body("{\"code\":\"JH-T\",\"parentCode\":\"JH\",\"level\":\"STREET\",\"name\":\"x\",\"sortOrder\":\"first\"}")
        .post("/api/v1/areas").then().statusCode(400)
        .body("type", equalTo("urn:grid-aid:problem:validation"))
        .body("errors.field", contains("sortOrder"));
  }

  @Test
  void aWrongMethodIsNamed() {
    as("hotline-01").delete("/api/v1/areas").then().statusCode(405)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:method-not-allowed"));
  }

  @Test
  void aWrongQueryParameterTypeIsNamed() {
    as("hotline-01").queryParam("level", "GALAXY").get("/api/v1/areas").then().statusCode(400)
        .body("errors.field", contains("level"));
  }
}
