package org.gridaid.test;

import static io.restassured.RestAssured.given;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser's session with the webapps, without the browser: cookies kept between calls and
 * Camunda's XSRF token echoed back, as Tasklist's and Cockpit's scripts do.
 */
public final class WebappSession {

  /** The webapps' sign-in, followed by the app's name; what their sign-in page posts its form to. */
  public static final String LOGIN = "/camunda/api/admin/auth/user/default/login/";
  /** The webapps' engine API: the same resources as /engine-rest, behind the session. */
  public static final String ENGINE_API = "/camunda/api/engine/engine/default";

  private final CookieFilter cookies = new CookieFilter();
  private String xsrf;

  public WebappSession open(String app) {
    Response page = given().filter(cookies).get("/camunda/app/" + app + "/default/");
    page.then().statusCode(200);
    xsrf = page.getCookie("XSRF-TOKEN");
    return this;
  }

  public Response signIn(String app, String user, String password) {
    Response response = request().formParam("username", user).formParam("password", password).post(LOGIN + app);
    String renewed = response.getCookie("XSRF-TOKEN");
    if (renewed != null) {
      xsrf = renewed;
    }
    return response;
  }

  /** Opens {@code app} and signs in, failing unless it worked. */
  public static WebappSession signedIn(String app, String user, String password) {
    WebappSession session = new WebappSession().open(app);
    session.signIn(app, user, password).then().statusCode(200);
    // signing in starts a new session, whose token the next page load hands out
    session.open(app);
    return session;
  }

  public Response get(String path) {
    return request().get(path);
  }

  /** A JSON request in this session, as the webapps' scripts send it. */
  public RequestSpecification json() {
    return request().accept(ContentType.JSON).contentType(ContentType.JSON);
  }

  /** A request for HAL, as Tasklist asks for its lists. */
  public RequestSpecification hal() {
    return request().accept("application/hal+json");
  }

  private RequestSpecification request() {
    return given().filter(cookies).header("X-XSRF-TOKEN", xsrf);
  }
}
