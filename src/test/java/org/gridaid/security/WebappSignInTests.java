package org.gridaid.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.WebappSession.ENGINE_API;
import static org.gridaid.test.WebappSession.LOGIN;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.WebappSession;
import org.junit.jupiter.api.Test;

/** Signing in to Tasklist, Cockpit and Admin as the webapps do it, with Camunda's CSRF token; their Chinese texts. */
class WebappSignInTests extends ApiTestSupport {

  @Test
  void aGridWorkerSignsInToTasklistAndSeesTheirGridsFilter() {
    WebappSession session = new WebappSession().open("tasklist");
    session.signIn("tasklist", "grid-waihai-yinquan-02", "demo").then().statusCode(200)
        .body("authorizedApps", hasItems("tasklist"));

    List<String> filters = session.get(ENGINE_API + "/filter?resourceType=Task")
        .then().statusCode(200).extract().jsonPath().getList("name");
    assertThat(filters).containsExactlyInAnyOrder("我的待办", "银泉社区第2网格 · 网格任务",
        "银泉社区第2网格 · 网格任务 · 即将超期", "银泉社区第2网格 · 网格任务 · 已超期");
  }

  @Test
  void aGridWorkerCannotOpenCockpit() {
    WebappSession session = new WebappSession().open("cockpit");
    session.signIn("cockpit", "grid-waihai-yinquan-02", "demo").then().statusCode(403);
  }

  @Test
  void theDemoAdministratorSeesTheHierarchysGroupsAndUsersInAdmin() {
    new WebappSession().open("cockpit").signIn("cockpit", "demo", "demo").then().statusCode(200);
    WebappSession session = new WebappSession().open("admin");
    session.signIn("admin", "demo", "demo").then().statusCode(200);

    session.get(ENGINE_API + "/group/grid-JH-LL-ZF-01").then().statusCode(200)
        .body("name", equalTo("网格员 · 中福社区第1网格"));
    List<String> members = session.get(ENGINE_API + "/user?memberOfGroup=grid-JH-LL-ZF-01")
        .then().statusCode(200).extract().jsonPath().getList("id");
    assertThat(members).contains("grid-lile-zhongfu-01", "grid-lile-zhongfu-01-pt");
  }

  @Test
  void theCommandCentreOpensCockpit() {
    WebappSession session = new WebappSession().open("cockpit");
    session.signIn("cockpit", "command-01", "demo").then().statusCode(200);
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
          .body("labels.TASKLIST_APP", equalTo("任务中心"));
    }
  }

  @Test
  void aWrongPasswordDoesNotSignIn() {
    WebappSession session = new WebappSession().open("tasklist");
    session.signIn("tasklist", "hotline-02", "wrong").then().statusCode(401);
  }
}
