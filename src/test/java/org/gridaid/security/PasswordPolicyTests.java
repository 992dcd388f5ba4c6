package org.gridaid.security;

import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.concurrent.ThreadLocalRandom;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Every password a person chooses follows the password policy: at least ten characters, and
 * not the user's id or name in it. The demo accounts' password {@code demo} was written by the
 * system, not chosen by anybody, and still signs in (every other test relies on that).
 */
class PasswordPolicyTests extends ApiTestSupport {

  static final String GOOD_PASSWORD = "Lantern-Harbour-42";

  /** A new hotline operator with a good initial password, registered by the administrator. */
  static String newOperator() {
    String userId = "policy-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    admin().body("""
        {"userId": "%s", "displayName": "密码测试", "role": "HOTLINE", "initialPassword": "%s"}
        """.formatted(userId, GOOD_PASSWORD)).post("/api/v1/staff").then().statusCode(201);
    return userId;
  }

  static String credentials(String password, String currentPassword) {
    return """
        {"password": "%s", "authenticatedUserPassword": "%s"}""".formatted(password, currentPassword);
  }

  @Test
  void aStaffMemberCannotChangeTheirPasswordToAShortOne() {
    String userId = newOperator();

    as(userId, GOOD_PASSWORD).body(credentials("1", GOOD_PASSWORD))
        .put("/engine-rest/user/{id}/credentials", userId)
        .then().statusCode(400).body("message", containsString("policy"));

    as(userId, GOOD_PASSWORD).get("/api/v1/areas").then().statusCode(200);
    as(userId, "1").get("/api/v1/areas").then().statusCode(401);
  }

  @Test
  void aStaffMemberCannotChangeTheirPasswordToTheirUserId() {
    String userId = newOperator();

    as(userId, GOOD_PASSWORD).body(credentials(userId, GOOD_PASSWORD))
        .put("/engine-rest/user/{id}/credentials", userId)
        .then().statusCode(400);
    as(userId, GOOD_PASSWORD).body(credentials("my-" + userId + "-again", GOOD_PASSWORD))
        .put("/engine-rest/user/{id}/credentials", userId)
        .then().statusCode(400);

    as(userId, userId).get("/api/v1/areas").then().statusCode(401);
  }

  @Test
  void aGoodPasswordIsAccepted() {
    String userId = newOperator();

    as(userId, GOOD_PASSWORD).body(credentials("Quiet-Meadow-1987", GOOD_PASSWORD))
        .put("/engine-rest/user/{id}/credentials", userId)
        .then().statusCode(204);

    as(userId, "Quiet-Meadow-1987").get("/api/v1/areas").then().statusCode(200);
    as(userId, GOOD_PASSWORD).get("/api/v1/areas").then().statusCode(401);
  }

  @Test
  void anInitialPasswordWithTheUserIdInItIsRefusedWithAProblem() {
    String userId = "policy-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);

    admin().body("""
        {"userId": "%s", "displayName": "密码测试", "role": "HOTLINE", "initialPassword": "%s-2024"}
        """.formatted(userId, userId)).post("/api/v1/staff")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:validation"))
        .body("errors.field", hasItem("initialPassword"));

    // nothing was written: the same id can be registered afterwards
    admin().get("/api/v1/staff/{id}", userId).then().statusCode(404);
  }

  @Test
  void theEngineTellsAdminAndTasklistThePolicy() {
    as("hotline-01").get("/engine-rest/identity/password-policy").then().statusCode(200)
        .body("rules.placeholder", hasItem("PASSWORD_POLICY_LENGTH"))
        .body("rules.placeholder", hasItem("PASSWORD_POLICY_USER_DATA"));
  }
}
