package org.gridaid.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import java.util.List;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** Signing in to Tasklist, Cockpit and Admin as the webapps do it, with Camunda's CSRF token; their Chinese texts. */
class WebappSignInTests extends ApiTestSupport {

  private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/";

  /** A browser session: cookies kept between calls and the XSRF token echoed back. */
  private static final class Browser {
    final CookieFilter cookies = new CookieFilter();
    String xsrf;

    Browser open(String app) {
      Response page = given().filter(cookies).get("/camunda/app/" + app + "/default/");
      page.then().statusCode(200);
      xsrf = page.getCookie("XSRF-TOKEN");
      return this;
    }

    Response signIn(String app, String user, String password) {
      Response response = given().filter(cookies).header("X-XSRF-TOKEN", xsrf)
          .formParam("username", user).formParam("password", password).post(LOGIN + app);
      String renewed = response.getCookie("XSRF-TOKEN");
      if (renewed != null) {
        xsrf = renewed;
      }
      return response;
    }

    Response get(String path) {
      return given().filter(cookies).header("X-XSRF-TOKEN", xsrf).get(path);
    }
  }

  @Test
  void aGridWorkerSignsInToTasklistAndSeesTheirGridsFilter() {
    Browser browser = new Browser().open("tasklist");
    browser.signIn("tasklist", "grid-waihai-yinquan-02", "demo").then().statusCode(200)
        .body("authorizedApps", hasItems("tasklist"));

    List<String> filters = browser.get("/camunda/api/engine/engine/default/filter?resourceType=Task")
        .then().statusCode(200).extract().jsonPath().getList("name");
    assertThat(filters).containsExactlyInAnyOrder("我的待办", "银泉社区第2网格 · 网格任务");
  }

  @Test
  void aGridWorkerCannotOpenCockpit() {
    Browser browser = new Browser().open("cockpit");
    browser.signIn("cockpit", "grid-waihai-yinquan-02", "demo").then().statusCode(403);
  }

  @Test
  void theDemoAdministratorSeesTheHierarchysGroupsAndUsersInAdmin() {
    new Browser().open("cockpit").signIn("cockpit", "demo", "demo").then().statusCode(200);
    Browser browser = new Browser().open("admin");
    browser.signIn("admin", "demo", "demo").then().statusCode(200);

    browser.get("/camunda/api/engine/engine/default/group/grid-JH-LL-ZF-01").then().statusCode(200)
        .body("name", equalTo("网格员 · 中福社区第1网格"));
    List<String> members = browser.get("/camunda/api/engine/engine/default/user?memberOfGroup=grid-JH-LL-ZF-01")
        .then().statusCode(200).extract().jsonPath().getList("id");
    assertThat(members).contains("grid-lile-zhongfu-01", "grid-lile-zhongfu-01-pt");
  }

  @Test
  void theCommandCentreOpensCockpit() {
    Browser browser = new Browser().open("cockpit");
    browser.signIn("cockpit", "command-01", "demo").then().statusCode(200);
  }

  @Test
  void signingInWithoutTheCsrfTokenIsRefused() {
    given().formParam("username", "demo").formParam("password", "demo").post(LOGIN + "cockpit")
        .then().statusCode(403);
  }

  @Test
  void tasklistAndAdminOfferChinese() {
    for (String app : List.of("tasklist", "admin", "welcome")) {
      given().get("/camunda/app/" + app + "/scripts/config.js").then().statusCode(200)
          .body(containsString("availableLocales: ['zh', 'en']"));
      given().get("/camunda/app/" + app + "/locales/zh.json").then().statusCode(200)
          .body("labels.TASKLIST_APP", equalTo("任务列表"));
    }
  }

  @Test
  void aWrongPasswordDoesNotSignIn() {
    Browser browser = new Browser().open("tasklist");
    browser.signIn("tasklist", "hotline-02", "wrong").then().statusCode(401);
  }
}
