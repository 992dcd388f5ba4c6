package org.gridaid.shared;

import static org.gridaid.test.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** Outside developers read the API description before they have a key. */
class ApiDocsTests extends ApiTestSupport {

  @Test
  void theApiDescriptionIsPublicAndNamesBothWaysToSignIn() {
    anonymous().get("/v3/api-docs").then().statusCode(200)
        .body("info.title", equalTo("Grid Aid API"))
        .body("paths", hasKey("/api/v1/areas/resolve"))
        .body("components.securitySchemes.apiKey.name", equalTo("X-Api-Key"))
        .body("components.securitySchemes.staff.scheme", equalTo("basic"));
  }
}
