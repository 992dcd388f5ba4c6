package org.gridaid.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridaid.test.Api;
import org.gridaid.test.ClientAddresses;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Wrong passwords are throttled per account and client address, and per client address, at
 * both doors staff sign in by: HTTP Basic on the APIs and the webapps' sign-in form. Nobody is
 * locked out for good, and a throttled account still signs in from elsewhere. Each test calls
 * from client addresses of its own (127.x.y.z, all of them this machine) and moves the
 * engine's clock, which the throttle reads, instead of waiting.
 */
class SignInThrottleTests extends ApiTestSupport {

  @Autowired
  SignInThrottle throttle;
  @Autowired
  SignInSettings settings;
  @Autowired
  DataSource dataSource;
  @Autowired
  Clock clock;

  static final String LOGIN = "/camunda/api/admin/auth/user/default/login/";
  /** gridaid.sign-in.* in application.yaml. */
  static final int FAILURES_PER_ACCOUNT = 5;
  static final int FAILURES_PER_ADDRESS = 20;
  static final Duration PERIOD = Duration.ofMinutes(15);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A caller at this client address. */
  static RequestSpecification from(String address) {
    return given().config(ClientAddresses.sendingFrom(address));
  }

  static Response basic(String address, String user, String password) {
    return from(address).accept(ContentType.JSON).auth().preemptive().basic(user, password).get("/api/v1/areas");
  }

  static void passTime(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  @Test
  void afterFiveWrongPasswordsTheAccountIsThrottledFromThatAddress() {
    String address = ClientAddresses.newLoopback();
    for (int i = 0; i < FAILURES_PER_ACCOUNT; i++) {
      basic(address, "warehouse-02", "not-the-password").then().statusCode(401);
    }

    // the right password too: an attacker must not learn whether a guess was right
    basic(address, "warehouse-02", Api.DEMO_PASSWORD).then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("type", equalTo("urn:grid-aid:problem:too-many-requests"))
        .body("status", equalTo(429));
    int retryAfter = Integer.parseInt(basic(address, "warehouse-02", Api.DEMO_PASSWORD).header("Retry-After"));
    assertThat(retryAfter).isBetween(1, (int) PERIOD.toSeconds());
  }

  @Test
  void aThrottledAccountStillSignsInFromAnotherAddress() {
    String attacker = ClientAddresses.newLoopback();
    for (int i = 0; i <= FAILURES_PER_ACCOUNT; i++) {
      basic(attacker, Api.ADMIN, "guess-" + i);
    }
    basic(attacker, Api.ADMIN, Api.DEMO_PASSWORD).then().statusCode(429);

    basic(ClientAddresses.newLoopback(), Api.ADMIN, Api.DEMO_PASSWORD).then().statusCode(200);
  }

  @Test
  void theThrottleLiftsAfterTheCoolDown() {
    String address = ClientAddresses.newLoopback();
    for (int i = 0; i < FAILURES_PER_ACCOUNT; i++) {
      basic(address, "warehouse-01", "not-the-password").then().statusCode(401);
    }
    basic(address, "warehouse-01", Api.DEMO_PASSWORD).then().statusCode(429);

    passTime(PERIOD);

    basic(address, "warehouse-01", Api.DEMO_PASSWORD).then().statusCode(200);
  }

  @Test
  void wrongPasswordsNeverLockAnAccountForGood() {
    // more than Camunda's old limit of ten in a row, slow enough that the throttle lets each through
    String address = ClientAddresses.newLoopback();
    for (int i = 0; i < 12; i++) {
      passTime(PERIOD.dividedBy(3));
      basic(address, "pharmacy-01", "not-the-password").then().statusCode(401);
    }

    basic(address, "pharmacy-01", Api.DEMO_PASSWORD).then().statusCode(200);
  }

  @Test
  void oneAddressTryingManyAccountsIsThrottled() {
    String address = ClientAddresses.newLoopback();
    for (int i = 0; i < FAILURES_PER_ADDRESS; i++) {
      basic(address, "nobody-" + i, "not-the-password").then().statusCode(401);
    }

    basic(address, "donation-desk-01", Api.DEMO_PASSWORD).then().statusCode(429);
    basic(ClientAddresses.newLoopback(), "donation-desk-01", Api.DEMO_PASSWORD).then().statusCode(200);
  }

  /**
   * Guesses sent at the same moment all pass the question for a try before any of them has
   * failed (here: asked for one after the other, then failed together). Each still costs its
   * try: the account owes them, and stays closed until they are paid back, a period at most.
   */
  @Test
  void guessesSentAllAtOnceGainNothing() {
    String address = ClientAddresses.newLoopback();
    List<SignInThrottle.Attempt> burst = IntStream.range(0, 3 * FAILURES_PER_ACCOUNT)
        .mapToObj(i -> throttle.attempt("volunteer-waihai-01", address)).toList();
    burst.forEach(SignInThrottle.Attempt::failed);

    passTime(PERIOD.minusSeconds(1));
    basic(address, "volunteer-waihai-01", Api.DEMO_PASSWORD).then().statusCode(429);

    passTime(PERIOD.dividedBy(FAILURES_PER_ACCOUNT).plusSeconds(1));
    basic(address, "volunteer-waihai-01", Api.DEMO_PASSWORD).then().statusCode(200);
  }

  @Test
  void manySignInsAtOnceAreNeverHeldBack() throws Exception {
    String address = ClientAddresses.newLoopback();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 4 * FAILURES_PER_ADDRESS; i++) {
        answers.add(clients.submit(() -> basic(address, "nurse-02", Api.DEMO_PASSWORD).statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aRightPasswordDoesNotUseUpTheAllowance() {
    String address = ClientAddresses.newLoopback();
    for (int i = 0; i < FAILURES_PER_ADDRESS + FAILURES_PER_ACCOUNT; i++) {
      basic(address, "nurse-03", Api.DEMO_PASSWORD).then().statusCode(200);
    }
  }

  /** A browser session on the sign-in page of a webapp: cookies kept, the XSRF token echoed. */
  static final class SignInPage {
    final String address;
    final CookieFilter cookies = new CookieFilter();
    final String xsrf;

    SignInPage(String address, String app) {
      this.address = address;
      Response page = from(address).filter(cookies).get("/camunda/app/" + app + "/default/");
      page.then().statusCode(200);
      this.xsrf = page.getCookie("XSRF-TOKEN");
    }

    Response signIn(String app, String user, String password) {
      return from(address).filter(cookies).header("X-XSRF-TOKEN", xsrf)
          .contentType("application/x-www-form-urlencoded;charset=UTF-8")
          .formParam("username", user).formParam("password", password).post(LOGIN + app);
    }
  }

  @Test
  void theWebappSignInFormIsThrottledToo() {
    SignInPage page = new SignInPage(ClientAddresses.newLoopback(), "tasklist");
    for (int i = 0; i < FAILURES_PER_ACCOUNT; i++) {
      page.signIn("tasklist", "hotline-03", "not-the-password").then().statusCode(401);
    }

    page.signIn("tasklist", "hotline-03", Api.DEMO_PASSWORD).then()
        .statusCode(429)
        .header("Retry-After", notNullValue())
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:too-many-requests"))
        // the sign-in page shows the message of a refused sign-in
        .body("message", containsString("分钟"));

    new SignInPage(ClientAddresses.newLoopback(), "tasklist").signIn("tasklist", "hotline-03", Api.DEMO_PASSWORD)
        .then().statusCode(200);

    passTime(PERIOD);
    page.signIn("tasklist", "hotline-03", Api.DEMO_PASSWORD).then().statusCode(200);
  }

  @Test
  void failuresAtEitherDoorCountTogether() {
    String address = ClientAddresses.newLoopback();
    SignInPage page = new SignInPage(address, "tasklist");
    for (int i = 0; i < FAILURES_PER_ACCOUNT - 1; i++) {
      page.signIn("tasklist", "doctor-03", "not-the-password").then().statusCode(401);
    }
    basic(address, "doctor-03", "not-the-password").then().statusCode(401);

    basic(address, "doctor-03", Api.DEMO_PASSWORD).then().statusCode(429);
    page.signIn("tasklist", "doctor-03", Api.DEMO_PASSWORD).then().statusCode(429);
  }

  @Test
  void theThrottleIsSharedByTheNodesWhenItRunsOnPostgres() {
    assertThat(throttle.sharedAcrossNodes()).isEqualTo(TestDatabaseInitializer.onPostgres());
  }

  /** Two application instances on one database, as two nodes of a cluster: one allowance. */
  @Test
  void twoNodesOnPostgresCountWrongPasswordsTogether() throws Exception {
    assumeTrue(TestDatabaseInitializer.onPostgres(), "one database for several nodes is PostgreSQL");
    SignInThrottle first = new SignInThrottle(settings, dataSource, clock);
    SignInThrottle second = new SignInThrottle(settings, dataSource, clock);
    String address = ClientAddresses.newLoopback();
    for (int i = 0; i < FAILURES_PER_ACCOUNT; i++) {
      (i % 2 == 0 ? first : second).attempt("warehouse-01", address).failed();
    }

    assertThatThrownBy(() -> first.attempt("warehouse-01", address)).isInstanceOf(SignInThrottledException.class);
    assertThatThrownBy(() -> second.attempt("warehouse-01", address)).isInstanceOf(SignInThrottledException.class);
    assertThatCode(() -> second.attempt("warehouse-01", ClientAddresses.newLoopback())).doesNotThrowAnyException();
  }

  /** The engine's password check as a service would let anyone with a staff account guess others' passwords. */
  @Test
  void theEnginesPasswordCheckIsClosed() {
    Api.as("hotline-01").body("{\"username\": \"demo\", \"password\": \"a-guess\"}")
        .post("/engine-rest/identity/verify")
        .then().statusCode(403).contentType("application/problem+json");
  }
}
