package org.gridaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.anonymous;
import static org.gridaid.test.Api.as;
import static org.gridaid.test.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class SecurityTests extends ApiTestSupport {

  @Autowired
  ProcessEngineConfiguration engine;

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/process-definition", "/engine-rest/task", "/api/v1/areas", "/api/v1/staff",
      "/api/v1/api-keys"})
  void anonymousCallsAreRefusedWithAProblem(String path) {
    anonymous().get(path).then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Basic realm=\"grid-aid\"")
        .body("type", equalTo("urn:grid-aid:problem:unauthenticated"))
        .body("status", equalTo(401));
  }

  @Test
  void aWrongPasswordIsRefused() {
    as("hotline-03", "not-the-password").get("/api/v1/areas").then().statusCode(401);
    as("nobody-at-all", "demo").get("/api/v1/areas").then().statusCode(401);
  }

  @Test
  void staffUseTheirWebappAccountForHttpBasic() {
    as("hotline-01").get("/api/v1/areas").then().statusCode(200);
    as("hotline-01").get("/engine-rest/task").then().statusCode(200);
  }

  @Test
  void camundaAuthorizationsApplyToEngineRestCalls() {
    assertThat(engine.isAuthorizationEnabled()).isTrue();
    List<String> gridWorkerFilters = as("grid-lile-zhongfu-01").get("/engine-rest/filter")
        .then().statusCode(200).extract().jsonPath().getList("name");
    assertThat(gridWorkerFilters).containsExactlyInAnyOrder("我的待办", "中福社区第1网格 · 网格任务",
        "中福社区第1网格 · 网格任务 · 即将超期", "中福社区第1网格 · 网格任务 · 已超期");

    // creating users needs an authorization a grid worker does not have
    as("grid-lile-zhongfu-01").body("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x1234567890\"}}")
        .post("/engine-rest/user/create").then().statusCode(403);
  }

  @Test
  void outsideSystemsSignInWithTheirKey() {
    withKey(Api.PARTNER_KEY).get("/api/v1/areas/JH").then().statusCode(200).body("name", equalTo("江海区"));
  }

  @Test
  void anUnknownKeyIsRefusedEvenWithValidBasicCredentials() {
    withKey("not-a-key").auth().preemptive().basic("hotline-01", "demo").get("/api/v1/areas")
        .then().statusCode(401).contentType("application/problem+json");
  }

  @Test
  void aKeyForOneOperationCannotCallAnother() {
    String key = Api.admin().body("{\"name\":\"clinic-read-only\",\"operations\":[\"areas:read\"]}")
        .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");

    withKey(key).get("/api/v1/areas/JH-LL").then().statusCode(200);
    withKey(key).queryParam("gridCode", "JH-LL-ZF-01").get("/api/v1/areas/resolve")
        .then().statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:forbidden"));
  }

  @Test
  void apiKeysCannotUseTheEngineApiOrStaffEndpoints() {
    withKey(Api.PARTNER_KEY).get("/engine-rest/task").then().statusCode(403);
    withKey(Api.PARTNER_KEY).get("/api/v1/staff").then().statusCode(403);
  }

  @Test
  void onlyAdministratorsManageKeys() {
    as("command-01").get("/api/v1/api-keys").then().statusCode(403);
    Api.admin().get("/api/v1/api-keys").then().statusCode(200)
        .body("name", hasItem("demo-partner"))
        .body("key", not(hasItem("demo-partner-key")));
  }

  @Test
  void healthIsPublicAndNothingElseOutsideTheApis() {
    anonymous().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
    anonymous().get("/actuator/env").then().statusCode(401);
  }
}
