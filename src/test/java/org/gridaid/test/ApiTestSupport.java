package org.gridaid.test;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Points REST Assured at the application started for the test. */
@GridAidTest
public abstract class ApiTestSupport {

  @LocalServerPort
  private int port;

  @BeforeEach
  void pointRestAssuredAtTheApp() {
    RestAssured.port = port;
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }
}
