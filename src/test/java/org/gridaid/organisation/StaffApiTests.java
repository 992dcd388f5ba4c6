package org.gridaid.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class StaffApiTests extends ApiTestSupport {

  @Autowired
  IdentityService identity;
  @Autowired
  JdbcClient jdbc;

  @Test
  void movingAGridWorkerToAnotherGridMovesTheirGroupsAndFilters() {
    admin().body("""
        {"userId": "grid-test-mover", "displayName": "调岗测试网格员", "role": "GRID_STAFF",
         "areaCode": "JH-LL-YM-01", "initialPassword": "a-long-test-password"}""")
        .post("/api/v1/staff").then().statusCode(201)
        .body("groups", containsInAnyOrder("grid-staff", "grid-JH-LL-YM-01"));

    admin().body("""
        {"displayName": "调岗测试网格员", "role": "GRID_STAFF", "areaCode": "JH-LL-YM-03"}""")
        .put("/api/v1/staff/grid-test-mover").then().statusCode(200)
        .body("areaCode", equalTo("JH-LL-YM-03"))
        .body("groups", containsInAnyOrder("grid-staff", "grid-JH-LL-YM-03"));

    assertThat(groupsOf("grid-test-mover")).containsExactlyInAnyOrder("grid-staff", "grid-JH-LL-YM-03");
    List<String> filters = as("grid-test-mover", "a-long-test-password").get("/engine-rest/filter")
        .then().statusCode(200).extract().jsonPath().getList("name");
    assertThat(filters).containsExactlyInAnyOrder("我的待办", "永明社区第3网格 · 网格任务",
        "永明社区第3网格 · 网格任务 · 即将超期", "永明社区第3网格 · 网格任务 · 已超期");
  }

  @Test
  void promotingAGridWorkerToGridLeaderGivesTheLeadersGroupsAndKeepsTheGridsTasks() {
    admin().body("""
        {"userId": "grid-test-promoted", "displayName": "晋升测试", "role": "GRID_STAFF", "areaCode": "JH-JN-DH-02"}""")
        .post("/api/v1/staff").then().statusCode(201);
    admin().body("""
        {"displayName": "晋升测试", "role": "GRID_LEADER", "areaCode": "JH-JN-DH-02"}""")
        .put("/api/v1/staff/grid-test-promoted").then().statusCode(200);

    // the grid's group too (its tasks), but no longer the grid staff's role group
    assertThat(groupsOf("grid-test-promoted"))
        .containsExactlyInAnyOrder("grid-leaders", "grid-leader-JH-JN-DH-02", "grid-JH-JN-DH-02");
  }

  @Test
  void aDeactivatedPersonLeavesTheirGroupsAndCannotSignIn() {
    admin().body("""
        {"userId": "volunteer-test-leaver", "displayName": "离队志愿者", "role": "VOLUNTEER",
         "areaCode": "JH-JN", "initialPassword": "a-long-test-password"}""")
        .post("/api/v1/staff").then().statusCode(201);
    as("volunteer-test-leaver", "a-long-test-password").get("/api/v1/areas/JH").then().statusCode(200);

    admin().body("""
        {"displayName": "离队志愿者", "role": "VOLUNTEER", "areaCode": "JH-JN", "active": false}""")
        .put("/api/v1/staff/volunteer-test-leaver").then().statusCode(200)
        .body("active", equalTo(false))
        .body("groups", empty());

    assertThat(groupsOf("volunteer-test-leaver")).isEmpty();
    as("volunteer-test-leaver", "a-long-test-password").get("/api/v1/areas/JH").then().statusCode(401);
    assertThat(jdbc.sql("select updated_by from staff where user_id = 'volunteer-test-leaver'")
        .query(String.class).single()).isEqualTo("demo");
  }

  @Test
  void anAreaOfTheWrongLevelIsRefusedAndNothingChanges() {
    admin().body("""
        {"displayName": "中福社区第1网格网格员", "role": "GRID_STAFF", "areaCode": "JH-LL-ZF"}""")
        .put("/api/v1/staff/grid-lile-zhongfu-01").then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("areaCode"));
    admin().body("""
        {"userId": "Bad User", "displayName": "", "role": "ASTRONAUT"}""")
        .post("/api/v1/staff").then().statusCode(400)
        .body("errors.field", containsInAnyOrder("role"));
    admin().body("""
        {"userId": "Bad User", "displayName": "", "role": "HOTLINE", "initialPassword": "short"}""")
        .post("/api/v1/staff").then().statusCode(400)
        .body("errors.field", containsInAnyOrder("userId", "displayName", "initialPassword"));

    as("hotline-01").get("/api/v1/staff/grid-lile-zhongfu-01").then().body("areaCode", equalTo("JH-LL-ZF-01"));
    assertThat(groupsOf("grid-lile-zhongfu-01")).containsExactlyInAnyOrder("grid-staff", "grid-JH-LL-ZF-01");
  }

  @Test
  void aUserIdIsRegisteredOnce() {
    admin().body("""
        {"userId": "hotline-01", "displayName": "重复", "role": "HOTLINE"}""")
        .post("/api/v1/staff").then().statusCode(409).body("type", equalTo("urn:grid-aid:problem:conflict"));
  }

  @Test
  void onlyAdministratorsChangeTheRegister() {
    as("command-01").body("""
        {"displayName": "x", "role": "GRID_STAFF", "areaCode": "JH-LL-ZF-02"}""")
        .put("/api/v1/staff/grid-lile-zhongfu-01").then().statusCode(403);
  }

  @Test
  void staffAreListedByRoleAndArea() {
    as("command-01").queryParam("role", "GRID_LEADER").queryParam("areaCode", "JH-WH-XC-03")
        .get("/api/v1/staff").then().statusCode(200)
        .body("userId", containsInAnyOrder("gridleader-waihai-xinchuang-03"))
        .body("roleLabel", everyItem(equalTo("网格长")));
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
