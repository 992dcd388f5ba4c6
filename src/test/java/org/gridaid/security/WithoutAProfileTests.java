package org.gridaid.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.gridaid.GridAidApplication;
import org.gridaid.test.Api;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started without a profile, as a real deployment starts it: the production
 * rules, with only the configured administrator. No demo account, demo password or demo key
 * signs in. One application context of its own (on a database of its own), closed at the end.
 */
class WithoutAProfileTests {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "a-long-production-secret";

  static ConfigurableApplicationContext app;
  static int port;

  @BeforeAll
  static void startWithoutAProfile() {
    Map<String, Object> properties = new HashMap<>(TestDatabaseInitializer.newDatabase());
    properties.put(TestDatabaseInitializer.GIVEN, "true");
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("gridaid.events.resubmit-cron", "-");
    // engines and the webapps are registered once per JVM: a name of its own, and no webapps,
    // so that closing this context leaves the other test contexts' engine alone
    properties.put("camunda.bpm.webapp.enabled", "false");
    properties.put("camunda.bpm.process-engine-name", "noProfile" + System.nanoTime());
    properties.put("camunda.bpm.admin-user.password", ADMIN_PASSWORD);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    properties.put("gridaid.data-key", Base64.getEncoder().encodeToString(key));
    // as command-line arguments (they win over application.yaml), and no profile among them
    app = new SpringApplicationBuilder(GridAidApplication.class).run(properties.entrySet().stream()
        .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theConfiguredAdministratorSignsIn() {
    given().port(port).auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/api/v1/areas")
        .then().statusCode(200);
  }

  @Test
  void theDemoAdministratorDoesNotExist() {
    given().port(port).auth().preemptive().basic(Api.ADMIN, Api.DEMO_PASSWORD).get("/api/v1/areas")
        .then().statusCode(401);
  }

  @Test
  void noDemoStaffAccountSignsIn() {
    for (String user : new String[] {"hotline-01", "command-01", "grid-lile-zhongfu-01"}) {
      given().port(port).auth().preemptive().basic(user, Api.DEMO_PASSWORD).get("/api/v1/areas")
          .then().statusCode(401);
    }
  }

  @Test
  void nobodyDeploysOverTheApiNotEvenTheAdministrator() {
    given().port(port).auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("multipart/form-data")
        .multiPart("deployment-name", "injected").multiPart("note.txt", "note.txt", "说明".getBytes(), "text/plain")
        .post("/engine-rest/deployment/create").then().statusCode(403)
        .contentType("application/problem+json");
    assertThat(app.getBean(RepositoryService.class).createDeploymentQuery().deploymentName("injected").count())
        .isZero();
  }

  @Test
  void theDemoApiKeyIsRefused() {
    given().port(port).header("X-Api-Key", Api.PARTNER_KEY).get("/api/v1/areas/JH")
        .then().statusCode(401);
  }
}
