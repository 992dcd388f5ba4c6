package org.gridaid.test;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Callers of the running application, as REST Assured request specifications. */
public final class Api {

  public static final String DEMO_PASSWORD = "demo";
  public static final String ADMIN = "demo";
  public static final String PARTNER_KEY = "demo-partner-key";

  private Api() {}

  public static RequestSpecification anonymous() {
    return given().accept(ContentType.JSON).contentType(ContentType.JSON);
  }

  /** A demo staff member (or the demo administrator) over HTTP Basic. */
  public static RequestSpecification as(String userId) {
    return as(userId, DEMO_PASSWORD);
  }

  public static RequestSpecification as(String userId, String password) {
    return anonymous().auth().preemptive().basic(userId, password);
  }

  public static RequestSpecification admin() {
    return as(ADMIN);
  }

  public static RequestSpecification withKey(String apiKey) {
    return anonymous().header("X-Api-Key", apiKey);
  }
}
