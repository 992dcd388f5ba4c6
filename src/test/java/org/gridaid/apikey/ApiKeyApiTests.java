package org.gridaid.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.withKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ApiKeyApiTests extends ApiTestSupport {

  @Autowired
  JdbcClient jdbc;

  @Test
  void aKeyIsShownOnceAndStoredOnlyAsAHash() {
    var issued = admin().body("{\"name\":\"partner-hotline\",\"operations\":[\"areas:read\",\"areas:resolve\"]}")
        .post("/api/v1/api-keys").then().statusCode(201)
        .body("name", equalTo("partner-hotline"))
        .body("operations", contains("areas:read", "areas:resolve"))
        .body("createdBy", equalTo("demo"))
        .body("key", startsWith("gak_"))
        .extract();
    String key = issued.path("key");
    int id = issued.path("id");

    admin().get("/api/v1/api-keys").then().statusCode(200)
        .body("find { it.id == " + id + " }.key", nullValue());
    String stored = jdbc.sql("select key_hash from api_key where id = ?").param(id).query(String.class).single();
    assertThat(stored).hasSize(64).doesNotContain(key).isEqualTo(ApiKeyService.hash(key));

    withKey(key).get("/api/v1/areas/JH").then().statusCode(200);
  }

  @Test
  void aRevokedKeyNoLongerWorks() {
    var issued = admin().body("{\"name\":\"to-revoke\",\"operations\":[\"areas:read\"]}")
        .post("/api/v1/api-keys").then().statusCode(201).extract();
    String key = issued.path("key");
    withKey(key).get("/api/v1/areas/JH").then().statusCode(200);

    admin().delete("/api/v1/api-keys/" + issued.path("id")).then().statusCode(204);

    withKey(key).get("/api/v1/areas/JH").then().statusCode(401);
  }

  @Test
  void unknownOperationsAndDuplicateNamesAreRefused() {
    admin().body("{\"name\":\"greedy\",\"operations\":[\"areas:read\",\"everything:delete\"]}")
        .post("/api/v1/api-keys").then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("operations"));
    admin().body("{\"name\":\"\",\"operations\":[]}")
        .post("/api/v1/api-keys").then().statusCode(400);
    admin().body("{\"name\":\"demo-partner\",\"operations\":[\"areas:read\"]}")
        .post("/api/v1/api-keys").then().statusCode(409);
    assertThat(jdbc.sql("select count(*) from api_key where name = 'greedy'").query(Integer.class).single()).isZero();
  }

  @Test
  void aKeyWithTheLongestNameSendsAndCancelsHelpRequests() {
    String name = "partner-" + "x".repeat(92);
    String key = admin().body("""
        {"name": "%s", "operations": ["help-requests:create", "help-requests:read", "help-requests:cancel"]}"""
            .formatted(name)).post("/api/v1/api-keys").then().statusCode(201).extract().path("key");

    int id = withKey(key).body("""
        {"callerName": "长名测试", "callerPhone": "13700009101", "gridCode": "JH-LL-ZF-01", "category": "OTHER",
         "description": "合作方长名密钥"}""").post("/api/v1/help-requests").then().statusCode(201)
        .extract().path("id");
    withKey(key).body("{\"reason\": \"居民已自行解决\"}").post("/api/v1/help-requests/" + id + "/cancel").then()
        .statusCode(200).body("status", equalTo("CANCELLED"));
    assertThat(jdbc.sql("select submitted_by from help_request where id = ?").param(id).query(String.class).single())
        .isEqualTo("api-key:" + name);
  }
}
