package org.gridaid.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The register over REST: staff of an area, masked personal data, reveals that are recorded. */
class RegisterApiTests extends ApiTestSupport {

  static final String GRID = "JH-WH-YQ-02";
  static final String WORKER = "grid-waihai-yinquan-02";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  PersonalDataCipher cipher;

  /** The addresses of the register that begin so, decrypted, in order. */
  List<String> addresses(String prefix) {
    return jdbc.sql("select address_enc from household").query(String.class).list().stream().map(cipher::decrypt)
        .filter(address -> address.startsWith(prefix)).sorted().toList();
  }

  static String phone() {
    return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  static String idNumber() {
    return IdNumbers.withCheck("440704" + (1940 + ThreadLocalRandom.current().nextInt(60)) + "0101"
        + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
  }

  int household(String phone) {
    return as(WORKER).body("""
        {"address": "银泉花园%d栋%d室", "gridCode": "%s", "phone": "%s", "size": 2, "recipientGroup": "HARDSHIP"}"""
            .formatted(ThreadLocalRandom.current().nextInt(1000), ThreadLocalRandom.current().nextInt(1000), GRID,
                phone))
        .post("/api/v1/households").then().statusCode(201).extract().path("id");
  }

  int person(int household, String idNumber, String phone) {
    return as(WORKER).body("""
        {"householdId": %d, "name": "王伯", "idNumber": "%s", "phone": "%s", "birthYear": 1946,
         "flags": ["ELDERLY_ALONE", "CHRONIC_ILLNESS"], "chronicConditions": "高血压",
         "regularMedicines": "氨氯地平", "carerContact": "女儿 13912345678", "checkInBy": "%s",
         "checkInEveryDays": 1}""".formatted(household, idNumber, phone, WORKER))
        .post("/api/v1/persons").then().statusCode(201).extract().path("id");
  }

  @Test
  void phonesAndIdNumbersAreStoredEncryptedAndShownMasked() {
    String phone = phone();
    String id = idNumber();
    int person = person(household(phone()), id, phone);

    as(WORKER).get("/api/v1/persons/" + person).then().statusCode(200)
        .body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
        .body("idNumber", equalTo(id.substring(0, 4) + "**********" + id.substring(14)))
        .body("carerContact", equalTo("女儿 139****5678"))
        .body("flagLabels", contains("独居老人", "基础性病患者"))
        .body("masked", equalTo(true));
    var stored = jdbc.sql("select phone_enc, id_number_enc, phone_hash from person where id = ?").param(person)
        .query((rs, row) -> rs.getString(1) + rs.getString(2) + rs.getString(3)).single();
    assertThat(stored).doesNotContain(phone).doesNotContain(id);
  }

  @Test
  void theGridStaffServingAHouseholdRevealWithAReasonAndTheReadIsRecorded() {
    String phone = phone();
    int person = person(household(phone()), idNumber(), phone);

    as(WORKER).get("/api/v1/persons/" + person + "?reveal=true").then().statusCode(400)
        .body("errors.field", contains("reason"));
    as(WORKER).get("/api/v1/persons/" + person + "?reveal=true&reason=上门送药前电话确认").then().statusCode(200)
        .body("phone", equalTo(phone))
        .body("masked", equalTo(false));
    as("gridleader-waihai-yinquan-02").get("/api/v1/persons/" + person + "?reveal=true&reason=核实").then()
        .statusCode(200).body("phone", equalTo(phone));
    as("community-waihai-yinquan").get("/api/v1/persons/" + person).then().statusCode(200)
        .body("masked", equalTo(true));
    as("community-waihai-yinquan").get("/api/v1/persons/" + person + "?reveal=true&reason=好奇").then()
        .statusCode(403);
    as("grid-waihai-yinquan-01").get("/api/v1/persons/" + person).then().statusCode(404);

    var log = jdbc.sql("select user_id, reason from personal_data_access where subject = 'PERSON' and subject_id = ?"
        + " order by id").param(person).query((rs, row) -> rs.getString(1) + ":" + rs.getString(2)).list();
    assertThat(log).containsExactly(WORKER + ":上门送药前电话确认", "gridleader-waihai-yinquan-02:核实");
  }

  @Test
  void staffSearchPersonsOfTheirAreaByFlagNameAndPhone() {
    String phone = phone();
    int person = person(household(phone()), idNumber(), phone);

    as(WORKER).get("/api/v1/persons?flag=ELDERLY_ALONE&gridCode=" + GRID + "&size=500").then().statusCode(200)
        .body("items.id", hasItem(person))
        .body("items.flags", everyItem(hasItem("ELDERLY_ALONE")));
    as(WORKER).get("/api/v1/persons?phone=" + phone).then().body("items.id", contains(person));
    as(WORKER).get("/api/v1/persons?name=王伯&size=500").then().body("items.id", hasItem(person));
    as("grid-waihai-yinquan-01").get("/api/v1/persons?phone=" + phone).then().body("items", org.hamcrest.Matchers.empty());
    as(WORKER).get("/api/v1/persons?flag=VAMPIRE").then().statusCode(400).body("errors.field", contains("flag"));
  }

  @Test
  void badInputIsRefusedFieldByFieldAndStaffWriteOnlyInTheirGrids() {
    as(WORKER).body("""
        {"address": "", "gridCode": "JH-NOWHERE", "phone": "123", "size": 0, "recipientGroup": "RICH"}""")
        .post("/api/v1/households").then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("address", "gridCode", "phone", "size",
            "recipientGroup"));
    as(WORKER).body("""
        {"address": "外区某处", "gridCode": "JH-LL-ZF-01", "size": 1}""")
        .post("/api/v1/households").then().statusCode(400).body("errors.field", contains("gridCode"));
    int household = household(phone());
    as(WORKER).body("""
        {"householdId": %d, "name": "张三", "idNumber": "440704199001011234"}""".formatted(household))
        .post("/api/v1/persons").then().statusCode(400).body("errors.field", contains("idNumber"));
    String id = idNumber();
    person(household, id, phone());
    as(WORKER).body("""
        {"householdId": %d, "name": "重复", "idNumber": "%s"}""".formatted(household, id))
        .post("/api/v1/persons").then().statusCode(409);
  }

  @Test
  void thoseWhoSeeEveryGridReadTheRegisterButOnlyTheAreasOwnStaffChangeIt() {
    String phone = phone();
    int household = household(phone);
    String sameHousehold = """
        {"address": "银泉花园1栋%d室", "gridCode": "%s", "phone": "%s", "size": 3}"""
        .formatted(household, GRID, phone);
    int person = person(household, idNumber(), phone());
    long before = jdbc.sql("select count(*) from household").query(Long.class).single();

    for (String seesOnly : new String[] {"doctor-01", "hotline-01", "command-01"}) {
      as(seesOnly).get("/api/v1/persons/" + person).then().statusCode(200);
      as(seesOnly).body(sameHousehold).put("/api/v1/households/" + household).then().statusCode(403)
          .contentType("application/problem+json").body("type", equalTo("urn:grid-aid:problem:forbidden"));
      as(seesOnly).body("{\"householdId\": %d, \"name\": \"李四\"}".formatted(household))
          .post("/api/v1/persons").then().statusCode(403);
      as(seesOnly).body(sameHousehold.replace("1栋", "2栋")).post("/api/v1/households").then().statusCode(403);
      as(seesOnly).contentType("text/csv; charset=UTF-8")
          .body("address,gridCode,size\r\n银泉花园3栋1室," + GRID + ",1\r\n")
          .post("/api/v1/register/import").then().statusCode(403);
    }
    as("pharmacy-01").body(sameHousehold).put("/api/v1/households/" + household).then().statusCode(404);
    assertThat(jdbc.sql("select count(*) from household").query(Long.class).single()).isEqualTo(before);
    as(WORKER).get("/api/v1/households/" + household).then().body("size", equalTo(2));

    // the community office of the area keeps its grids' register; another grid's worker cannot add to it
    as("community-waihai-yinquan").body(sameHousehold).put("/api/v1/households/" + household).then()
        .statusCode(200).body("size", equalTo(3));
    as("grid-waihai-yinquan-01").body("{\"householdId\": %d, \"name\": \"李四\"}".formatted(household))
        .post("/api/v1/persons").then().statusCode(400).body("errors.field", contains("householdId"));
  }

  @Test
  void householdsImportFromCsvWithChineseHeadersAndBomAndReimportingChangesNothing() {
    String csv = "\uFEFF地址,网格编码,最小单元编码,电话,户人数,救助类别\r\n"
        + "泉景苑7栋101,JH-WH-YQ-03,,13800000101,3,困难户\r\n"
        + "泉景苑7栋102,JH-WH-YQ-03,,13800000102,1,ORDINARY\r\n"
        + "泉景苑7栋103,JH-WH-YQ-03,,not-a-phone,2,ORDINARY\r\n"
        + "泉景苑7栋101,JH-WH-YQ-03,,13800000101,3,困难户\r\n"
        + "\"泉景苑7栋104, 东单元\",JH-WH-YQ-03,,,2,QUARANTINED\r\n";

    admin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/register/import").then().statusCode(200)
        .body("type", equalTo("HOUSEHOLDS"))
        .body("created", equalTo(3)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
        .body("errors.row", contains(4, 5))
        .body("errors[0].reason", startsWith("phone"))
        .body("errors[1].reason", org.hamcrest.Matchers.containsString("repeats row 2"));
    admin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/register/import").then().statusCode(200)
        .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
    admin().contentType("text/csv; charset=UTF-8").body(csv.replace("13800000102,1,ORDINARY", "13800000102,2,ORDINARY"))
        .post("/api/v1/register/import").then().body("updated", equalTo(1)).body("unchanged", equalTo(2));
  }

  @Test
  void aCarerContactOfTheFullLengthIsStoredEncrypted() {
    String contact = "女儿王小红, 住江海区礼乐街道中福花园5栋, 白天上班请打单位电话".repeat(10).substring(0, 200);
    int person = as(WORKER).body("""
        {"householdId": %d, "name": "王伯", "carerContact": "%s"}""".formatted(household(phone()), contact))
        .post("/api/v1/persons").then().statusCode(201).extract().path("id");

    as(WORKER).get("/api/v1/persons/" + person + "?reveal=true&reason=联系监护人").then().statusCode(200)
        .body("carerContact", equalTo(contact));
  }

  @Test
  void aRowTheDatabaseRefusesIsReportedAndTheRestOfItsBatchGoesIn() {
    // a rule only the database knows, as when somebody else changed the register meanwhile
    jdbc.sql("alter table household add constraint refuse_for_test check (address_hash <> '"
        + cipher.lookupHash("永泉路拒收1号") + "')").update();
    try {
      String csv = "address,gridCode,size\n永泉路拒收0号,JH-WH-YQ-01,1\n永泉路拒收1号,JH-WH-YQ-01,1\n"
          + "永泉路拒收2号,JH-WH-YQ-01,1\n";
      admin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/register/import").then().statusCode(200)
          .body("created", equalTo(2)).body("errors.row", contains(3))
          .body("errors[0].reason", startsWith("could not be stored"));
      assertThat(addresses("永泉路拒收")).containsExactly("永泉路拒收0号", "永泉路拒收2号");
    } finally {
      jdbc.sql("alter table household drop constraint refuse_for_test").update();
    }
  }

  @Test
  void anAtomicImportWithABadRowChangesNothing() {
    String csv = "address,gridCode,phone,size,recipientGroup\n"
        + "新创村东片9巷1号,JH-WH-XC-01,13800000201,4,HARDSHIP\n"
        + "新创村东片9巷2号,JH-WH-XC-01,13800000202,many,HARDSHIP\n";

    admin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/register/import?atomic=true").then().statusCode(400)
        .body("applied", equalTo(false)).body("created", equalTo(0)).body("errors.row", contains(3));
    assertThat(addresses("新创村东片9巷")).isEmpty();
  }

  @Test
  void personsImportWithTheirHouseholdsAndExportMasked() {
    String household = "address,gridCode,size\n东湖花园8栋1室,JH-JN-DH-02,2\n";
    admin().contentType("text/csv; charset=UTF-8").body(household).post("/api/v1/register/import").then().statusCode(200);
    String id = idNumber();
    String persons = "姓名,身份证号,电话,出生年份,特殊人群,基础疾病,网格编码,地址,随访间隔天数\n"
        + "李婆婆," + id + ",13800000301,1940,独居老人;行动不便,糖尿病,JH-JN-DH-02,东湖花园8栋1室,1\n"
        + "无家可归,,,1950,,,JH-JN-DH-02,不存在的地址,\n";

    admin().contentType("text/csv; charset=UTF-8").body(persons).post("/api/v1/register/import").then().statusCode(200)
        .body("type", equalTo("PERSONS")).body("created", equalTo(1)).body("errors.row", contains(3));

    String export = as("grid-jiangnan-donghu-02").accept("text/csv").get("/api/v1/register/export?type=PERSONS")
        .then().statusCode(200).extract().asString();
    assertThat(export).contains("李婆婆", "ELDERLY_ALONE;MOBILITY_IMPAIRED", "138****0301")
        .doesNotContain(id).doesNotContain("13800000301");
    String unmasked = as("grid-jiangnan-donghu-02").accept("text/csv")
        .get("/api/v1/register/export?type=PERSONS&gridCode=JH-JN-DH-02&reveal=true&reason=入户核对").then()
        .statusCode(200).extract().asString();
    assertThat(unmasked).contains(id, "13800000301");
    as("community-jiangnan-donghu").get("/api/v1/register/export?type=PERSONS&gridCode=JH-JN-DH-02&reveal=true"
        + "&reason=x").then().statusCode(403);
  }

  @Test
  void tenThousandHouseholdsImportInOneGo() {
    StringBuilder csv = new StringBuilder("address,gridCode,phone,size,recipientGroup\n");
    for (int i = 0; i < 10_000; i++) {
      csv.append("南山村北片").append(i / 100).append("巷").append(i % 100).append("号,JH-JN-NS-03,1380")
          .append(String.format("%07d", i)).append(",").append(1 + i % 5).append(",ORDINARY\n");
    }

    admin().contentType("text/csv; charset=UTF-8").body(csv.toString()).post("/api/v1/register/import").then().statusCode(200)
        .body("rows", equalTo(10_000)).body("created", equalTo(10_000)).body("errors", org.hamcrest.Matchers.empty());
    admin().contentType("text/csv; charset=UTF-8").body(csv.toString()).post("/api/v1/register/import").then().statusCode(200)
        .body("unchanged", equalTo(10_000));
    as("grid-jiangnan-nanshan-03").get("/api/v1/households?gridCode=JH-JN-NS-03&size=1").then()
        .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(10_000))
        .body("items[0].phone", not(startsWith("1380000")));
  }

  @Test
  void aPersonOrHouseholdThatDoesNotExistIsNotFound() {
    int household = household(phone());
    as(WORKER).body("""
        {"householdId": %d, "name": "无此人"}""".formatted(household)).put("/api/v1/persons/999999999").then()
        .statusCode(404).contentType("application/problem+json").body("type", equalTo("urn:grid-aid:problem:not-found"));
    as(WORKER).get("/api/v1/persons/999999999").then().statusCode(404);
    as(WORKER).body("""
        {"address": "无此户", "gridCode": "%s", "size": 1}""".formatted(GRID)).put("/api/v1/households/999999999")
        .then().statusCode(404).contentType("application/problem+json");
  }

  static final String OTHER_GRID = "JH-WH-YQ-01";
  static final String OTHER_WORKER = "grid-waihai-yinquan-01";

  int householdOf(String worker, String grid, String address) {
    return as(worker).body("""
        {"address": "%s", "gridCode": "%s", "size": 2}""".formatted(address, grid))
        .post("/api/v1/households").then().statusCode(201).extract().path("id");
  }

  static String personBody(int household, String name, String idNumber) {
    return """
        {"householdId": %d, "name": "%s", "idNumber": "%s", "birthYear": 1950}""".formatted(household, name, idNumber);
  }

  /** What a worker sees of registering a person with this number, twice, and of changing and importing them. */
  List<Object> whatTheWorkerSees(String idNumber, String tag) {
    List<Object> seen = new java.util.ArrayList<>();
    String address = "银泉花园核对" + tag + "栋";
    int household = householdOf(WORKER, GRID, address);
    var created = as(WORKER).body(personBody(household, "赵伯", idNumber)).post("/api/v1/persons").then().extract();
    seen.add(created.statusCode());
    int person = created.path("id");
    String masked = IdNumbers.mask(idNumber);
    java.util.Map<String, Object> body = created.jsonPath().getMap("");
    seen.add(masked.equals(body.remove("idNumber")));
    body.remove("id");
    body.remove("householdId");
    seen.add(body);
    java.util.Map<String, Object> read = as(WORKER).get("/api/v1/persons/" + person).then().extract().jsonPath()
        .getMap("");
    seen.add(masked.equals(read.remove("idNumber")));
    read.remove("id");
    read.remove("householdId");
    seen.add(read);
    seen.add(as(WORKER).get("/api/v1/persons/" + person + "?reveal=true&reason=核对").then().extract().path("idNumber")
        .equals(idNumber));
    var again = as(WORKER).body(personBody(householdOf(WORKER, GRID, address + "2室"), "赵伯", idNumber))
        .post("/api/v1/persons").then().extract();
    seen.add(again.statusCode());
    seen.add(again.<String>path("detail").replace(String.valueOf(person), "<person>"));
    seen.add(as(WORKER).body(personBody(household, "赵伯伯", idNumber)).put("/api/v1/persons/" + person).then()
        .extract().statusCode());
    var imported = as(WORKER).contentType("text/csv; charset=UTF-8")
        .body("gridCode,address,name,idNumber,birthYear\n" + GRID + "," + address + ",赵伯伯," + idNumber + ",1950\n")
        .post("/api/v1/register/import").then().extract().jsonPath().getMap("");
    seen.add(imported);
    seen.add(as(WORKER).get("/api/v1/persons?idNumberHeld=true&size=500").then().extract().path("total"));
    return seen;
  }

  @Test
  void aGridWorkerCannotLearnWhetherAnIdNumberIsRegisteredInAnotherGrid() {
    String elsewhere = idNumber();
    int otherHousehold = householdOf(OTHER_WORKER, OTHER_GRID, "银泉一区" + elsewhere.substring(10) + "号");
    int registered = as(OTHER_WORKER).body(personBody(otherHousehold, "钱婆婆", elsewhere)).post("/api/v1/persons")
        .then().statusCode(201).extract().path("id");

    List<Object> registeredElsewhere = whatTheWorkerSees(elsewhere, "甲" + elsewhere.substring(14));
    List<Object> registeredNowhere = whatTheWorkerSees(idNumber(), "乙" + elsewhere.substring(14));

    assertThat(registeredElsewhere.get(0)).isEqualTo(201);
    assertThat(registeredElsewhere.get(1)).isEqualTo(true);
    assertThat(registeredElsewhere).isEqualTo(registeredNowhere);
    // a household of the other grid is as unknown as one that does not exist
    as(WORKER).body(personBody(otherHousehold, "孙伯", idNumber())).post("/api/v1/persons").then().statusCode(400)
        .body("errors.field", contains("householdId")).body("errors.message", contains("is not a known household"));

    // the other grid's resident is as they were
    as(OTHER_WORKER).get("/api/v1/persons/" + registered + "?reveal=true&reason=核对").then().statusCode(200)
        .body("name", equalTo("钱婆婆")).body("householdId", equalTo(otherHousehold))
        .body("idNumber", equalTo(elsewhere));
    // staff who cover both grids find the person whose number is held, and whose number it is
    List<Integer> held = as("community-waihai-yinquan").get("/api/v1/persons?idNumberHeld=true&size=500").then()
        .statusCode(200).extract().path("items.id");
    assertThat(held).isNotEmpty();
    int heldPerson = held.get(held.size() - 1);
    as("community-waihai-yinquan").get("/api/v1/persons/" + heldPerson).then().statusCode(200)
        .body("idNumberHeldFor", equalTo(registered)).body("name", equalTo("赵伯伯"));
    as(WORKER).get("/api/v1/persons/" + heldPerson).then().statusCode(200)
        .body("idNumberHeldFor", org.hamcrest.Matchers.nullValue());
  }
}
