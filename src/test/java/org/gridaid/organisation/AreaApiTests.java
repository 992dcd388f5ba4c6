package org.gridaid.organisation;

import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.as;
import static org.gridaid.test.Api.withKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.camunda.bpm.engine.IdentityService;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AreaApiTests extends ApiTestSupport {

  @Autowired
  IdentityService identity;

  @Test
  void theTreeRunsFromTheDistrictDownToMinimalUnits() {
    as("hotline-01").get("/api/v1/areas").then().statusCode(200)
        .body("code", contains("JH"))
        .body("[0].children.name", hasItems("外海街道", "礼乐街道", "江南街道"))
        .body("[0].children.find { it.code == 'JH-LL' }.children.name", hasItems("中福社区", "永明社区"))
        .body("[0].children[0].children[0].children[0].children", hasSize(3))
        .body("[0].children[0].children[0].children[0].children[0].level", equalTo("MINIMAL_UNIT"));
  }

  @Test
  void childrenOfOneArea() {
    as("hotline-01").queryParam("parent", "JH-LL-ZF").get("/api/v1/areas").then().statusCode(200)
        .body("code", contains("JH-LL-ZF-01", "JH-LL-ZF-02", "JH-LL-ZF-03"))
        .body("name", contains("中福社区第1网格", "中福社区第2网格", "中福社区第3网格"))
        .body("childCount", contains(3, 3, 3))
        .body("[0].children", nullValue());
  }

  @Test
  void everyAreaOfOneLevel() {
    as("hotline-01").queryParam("level", "STREET").get("/api/v1/areas").then().statusCode(200)
        .body("code", containsInAnyOrder("JH-WH", "JH-LL", "JH-JN"));
  }

  @Test
  void oneAreaWithItsPathAndChildren() {
    as("hotline-01").get("/api/v1/areas/JH-WH-XC-02").then().statusCode(200)
        .body("name", equalTo("新创村第2网格"))
        .body("level", equalTo("GRID"))
        .body("path.code", contains("JH", "JH-WH", "JH-WH-XC", "JH-WH-XC-02"))
        .body("children.address", contains("新创村东片4巷", "新创村东片5巷", "新创村东片6巷"));
  }

  @Test
  void anUnknownAreaIsAProblem() {
    as("hotline-01").get("/api/v1/areas/JH-XX").then().statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:not-found"));
    as("hotline-01").queryParam("parent", "JH-XX").get("/api/v1/areas").then().statusCode(404);
  }

  @Test
  void anAddressResolvesToTheGridOfItsBuilding() {
    withKey(Api.PARTNER_KEY).queryParam("address", "江门市江海区外海街道银泉花园5栋302房")
        .get("/api/v1/areas/resolve").then().statusCode(200)
        .body("gridCode", equalTo("JH-WH-YQ-02"))
        .body("gridName", equalTo("银泉社区第2网格"))
        .body("minimalUnitCode", equalTo("JH-WH-YQ-02-02"))
        .body("matchedBy", equalTo("ADDRESS"))
        .body("path.code", contains("JH", "JH-WH", "JH-WH-YQ", "JH-WH-YQ-02", "JH-WH-YQ-02-02"));
  }

  @Test
  void addressesAreMatchedWhateverTheWritingOfNumbersAndBuildings() {
    withKey(Api.PARTNER_KEY).queryParam("address", "中福花园 ３号楼 501")
        .get("/api/v1/areas/resolve").then().statusCode(200)
        .body("minimalUnitCode", equalTo("JH-LL-ZF-01-03"));
  }

  @Test
  void minimalUnitAndGridCodesResolveToo() {
    withKey(Api.PARTNER_KEY).queryParam("minimalUnitCode", "JH-JN-NS-03-01").get("/api/v1/areas/resolve")
        .then().statusCode(200)
        .body("gridCode", equalTo("JH-JN-NS-03"))
        .body("matchedBy", equalTo("MINIMAL_UNIT_CODE"));
    withKey(Api.PARTNER_KEY).queryParam("gridCode", "JH-JN-NS-03").get("/api/v1/areas/resolve")
        .then().statusCode(200)
        .body("gridCode", equalTo("JH-JN-NS-03"))
        .body("minimalUnitCode", nullValue())
        .body("matchedBy", equalTo("GRID_CODE"));
  }

  @Test
  void aCodeOfTheWrongLevelDoesNotResolve() {
    withKey(Api.PARTNER_KEY).queryParam("gridCode", "JH-JN-NS").get("/api/v1/areas/resolve")
        .then().statusCode(404).body("type", equalTo("urn:grid-aid:problem:address-not-resolved"));
    withKey(Api.PARTNER_KEY).queryParam("minimalUnitCode", "JH-JN-NS-03").get("/api/v1/areas/resolve")
        .then().statusCode(404);
  }

  @Test
  void anAddressNoGridServesIsNotResolved() {
    withKey(Api.PARTNER_KEY).queryParam("address", "广州市天河区体育西路1号").get("/api/v1/areas/resolve")
        .then().statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:address-not-resolved"))
        .body("candidates", nullValue());
  }

  @Test
  void anAddressNamingBuildingsOfTwoGridsIsAmbiguousAndListsThem() {
    withKey(Api.PARTNER_KEY).queryParam("address", "银泉花园1栋或泉景苑1栋").get("/api/v1/areas/resolve")
        .then().statusCode(404)
        .body("candidates.code", containsInAnyOrder("JH-WH-YQ-01-01", "JH-WH-YQ-03-01"));
  }

  @Test
  void resolvingNeedsExactlyOneOfTheThreeInputs() {
    withKey(Api.PARTNER_KEY).get("/api/v1/areas/resolve").then().statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:grid-aid:problem:validation"))
        .body("errors.field", containsInAnyOrder("address", "minimalUnitCode", "gridCode"));
    withKey(Api.PARTNER_KEY).queryParam("gridCode", "JH-WH-YQ-01").queryParam("address", "银泉花园1栋")
        .get("/api/v1/areas/resolve").then().statusCode(400);
    withKey(Api.PARTNER_KEY).queryParam("address", "长".repeat(201)).get("/api/v1/areas/resolve")
        .then().statusCode(400).body("errors.field", contains("address"));
  }

  @Test
  void anAdministratorAddsAGridAndItsGroupsAndFiltersFollow() {
    admin().body("""
        {"code": "JH-JN-DH-04", "parentCode": "JH-JN-DH", "level": "GRID", "name": "东湖社区第4网格"}""")
        .post("/api/v1/areas").then().statusCode(201).body("code", equalTo("JH-JN-DH-04"));
    admin().body("""
        {"code": "JH-JN-DH-04-01", "parentCode": "JH-JN-DH-04", "level": "MINIMAL_UNIT",
         "name": "湖畔新居1栋", "address": "湖畔新居1栋"}""")
        .post("/api/v1/areas").then().statusCode(201);

    org.assertj.core.api.Assertions.assertThat(identity.createGroupQuery()
        .groupIdIn("grid-JH-JN-DH-04", "grid-leader-JH-JN-DH-04").count()).isEqualTo(2);
    withKey(Api.PARTNER_KEY).queryParam("address", "湖畔新居1栋").get("/api/v1/areas/resolve")
        .then().statusCode(200).body("gridCode", equalTo("JH-JN-DH-04"));
  }

  @Test
  void badAreasAreRefusedFieldByFieldAndNothingIsStored() {
    admin().body("""
        {"code": "jh-bad code", "parentCode": "JH-JN-DH", "level": "GRID", "name": ""}""")
        .post("/api/v1/areas").then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("code", "name"));
    admin().body("""
        {"code": "JH-JN-DH-09", "parentCode": "JH-JN", "level": "GRID", "name": "错层网格"}""")
        .post("/api/v1/areas").then().statusCode(400)
        .body("errors.field", contains("parentCode"));
    admin().body("""
        {"code": "JH-JN-DH-09", "parentCode": "JH-JN-DH", "level": "PLANET", "name": "未知层级"}""")
        .post("/api/v1/areas").then().statusCode(400)
        .body("errors.field", contains("level"));
    admin().body("""
        {"code": "JH-JN-DH-01", "parentCode": "JH-JN-DH", "level": "GRID", "name": "重复"}""")
        .post("/api/v1/areas").then().statusCode(409);

    as("hotline-01").get("/api/v1/areas/JH-JN-DH-09").then().statusCode(404);
    as("hotline-01").get("/api/v1/areas/JH-JN-DH-01").then().body("name", equalTo("东湖社区第1网格"));
  }

  @Test
  void onlyAdministratorsAddAreas() {
    as("command-01").body("""
        {"code": "JH-JN-DH-05", "parentCode": "JH-JN-DH", "level": "GRID", "name": "东湖社区第5网格"}""")
        .post("/api/v1/areas").then().statusCode(403);
  }
}
