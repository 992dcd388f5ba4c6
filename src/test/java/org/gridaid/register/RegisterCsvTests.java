package org.gridaid.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** The register's CSV files as spreadsheets write and read them, both ways. */
class RegisterCsvTests extends ApiTestSupport {

  static final String GRID = "JH-LL-YM-01";
  static final String WORKER = "grid-lile-yongming-01";

  static ValidatableResponse upload(String user, String fileName, byte[] file) {
    return as(user).contentType("multipart/form-data").multiPart("file", fileName, file, "text/csv")
        .post("/api/v1/register/import").then();
  }

  static ValidatableResponse post(String user, String csv) {
    return as(user).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/register/import").then();
  }

  static String export(String type) {
    return as(WORKER).accept("text/csv").get("/api/v1/register/export?type=" + type + "&gridCode=" + GRID
        + "&reveal=true&reason=导出核对").then().statusCode(200).contentType("text/csv;charset=UTF-8")
        .extract().asString();
  }

  /** 永明路"老街"1号, 东单元 as a spreadsheet quotes it. */
  static final String QUOTED_ADDRESS = "\"永明路\"\"老街\"\"1号, 东单元\"";
  /** Conditions, medicines and carer with a comma, quotes and line breaks (CRLF and LF). */
  static final String QUOTED_CARE = "\"高血压,\r\n糖尿病\",\"硝苯地平 \"\"拜新同\"\"\",\"女儿, 13912340402\n(白天上班)\"";

  @Test
  void quotedFieldsWithCommasQuotesAndLineBreaksComeBackUnchanged() {
    String households = "address,gridCode,phone,size,recipientGroup\n"
        + QUOTED_ADDRESS + ",JH-LL-YM-01,13800000401,2,困难户\n"
        + "永明路2号,JH-LL-YM-01,,1,\n";
    upload(WORKER, "households.csv", households.getBytes(StandardCharsets.UTF_8)).statusCode(200)
        .body("created", equalTo(2)).body("errors", empty());
    String id = RegisterApiTests.idNumber();
    String persons = "gridCode,address,name,idNumber,phone,birthYear,flags,chronicConditions,regularMedicines,"
        + "carerContact,checkInBy,checkInEveryDays\r\n"
        + "JH-LL-YM-01," + QUOTED_ADDRESS + ",梁婆婆," + id + ",13800000402,1941,独居老人;PREGNANT,"
        + QUOTED_CARE + ",grid-JH-LL-YM-01,2\r\n"
        + "JH-LL-YM-01,永明路2号,梁小明,,,2015,,,,,,\r\n";
    post(WORKER, persons).statusCode(200).body("created", equalTo(2)).body("errors", empty());

    String exportedHouseholds = export("HOUSEHOLDS");
    String exportedPersons = export("PERSONS");

    assertThat(exportedPersons).startsWith("\uFEFFgridCode,address,name,idNumber,phone,")
        .contains(QUOTED_ADDRESS + ",梁婆婆," + id + ",13800000402,1941,ELDERLY_ALONE;PREGNANT," + QUOTED_CARE
            + ",grid-JH-LL-YM-01,2\r\n")
        .contains(",永明路2号,梁小明,,,2015,,,,,,\r\n");
    int householdRows = (int) exportedHouseholds.lines().count() - 1;
    // every household and person of the grid (the demo ones too) reads back as it is
    post(WORKER, exportedHouseholds).statusCode(200).body("type", equalTo("HOUSEHOLDS"))
        .body("rows", equalTo(householdRows)).body("unchanged", equalTo(householdRows))
        .body("created", equalTo(0)).body("updated", equalTo(0)).body("errors", empty());
    upload(WORKER, "persons.csv", exportedPersons.getBytes(StandardCharsets.UTF_8)).statusCode(200)
        .body("type", equalTo("PERSONS")).body("created", equalTo(0)).body("updated", equalTo(0))
        .body("errors", empty());
  }

  @Test
  void aFileWithOrWithoutBomImportsAsUploadOrBody() {
    String csv = "地址,网格编码,户人数\r\n永明路BOM测试%d号,JH-LL-YM-01,1\r\n";

    upload(WORKER, "bom.csv", ("\uFEFF" + csv.formatted(1)).getBytes(StandardCharsets.UTF_8)).statusCode(200)
        .body("created", equalTo(1));
    upload(WORKER, "plain.csv", csv.formatted(2).getBytes(StandardCharsets.UTF_8)).statusCode(200)
        .body("created", equalTo(1));
    post(WORKER, "\uFEFF" + csv.formatted(3)).statusCode(200).body("created", equalTo(1));
    post(WORKER, csv.formatted(4)).statusCode(200).body("created", equalTo(1));
    upload(WORKER, "empty.csv", "\uFEFF".getBytes(StandardCharsets.UTF_8)).statusCode(400)
        .body("errors.field", contains("file"));
  }

  @Test
  void everyFaultOfARowIsNamedAndBlankLinesKeepTheRowNumbers() {
    String csv = "address,gridCode,phone,size,recipientGroup\n"
        + "\n"
        + "永明路行号测试1号,JH-LL-YM-01,,2,普通户\n"
        + " ,JH-NOWHERE,12345,many,RICH\n"
        + ",,,,\n"
        + "永明路行号测试2号,JH-LL-YM-01,,31,\n";

    post(WORKER, csv).statusCode(200).body("rows", equalTo(3)).body("created", equalTo(1))
        .body("errors.row", contains(4, 6))
        .body("errors[0].reason", equalTo("address is required; gridCode is not a known grid; "
            + "phone must be a mainland mobile (11 digits) or landline number; size must be a whole number; "
            + "recipientGroup must be one of [HARDSHIP, QUARANTINED, TRACING_STAFF, ORDINARY]"))
        .body("errors[1].reason", equalTo("size must be between 1 and 30"));
  }

  @Test
  void aPersonWithBadFieldsHearsOfEachByName() {
    as(WORKER).body("""
        {"householdId": 999999999, "name": " ", "idNumber": "440704199001011234", "phone": "123",
         "birthYear": 1800, "flags": ["独居老人", "VAMPIRE"], "chronicConditions": "%s",
         "checkInEveryDays": 31}""".formatted("病".repeat(501)))
        .post("/api/v1/persons").then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", contains("householdId", "name", "idNumber", "phone", "birthYear", "flags[1]",
            "chronicConditions", "checkInEveryDays"))
        .body("errors.message", contains("is not a known household", "is required",
            "is not a valid 18-character ID number", "must be a mainland mobile (11 digits) or landline number",
            "must be between 1900 and " + Year.now().getValue(),
            "must be one of " + List.of(Vulnerability.values()), "must be at most 500 characters",
            "must be between 1 and 30"));
  }

  @Test
  void anExportThatIsRefusedIsAProblemNotAFile() {
    as(WORKER).get("/api/v1/register/export?type=PERSONS&gridCode=" + GRID + "&reveal=true").then().statusCode(400)
        .contentType("application/problem+json").body("errors.field", contains("reason"));
    as(WORKER).get("/api/v1/register/export?gridCode=JH-LL-ZF-01").then().statusCode(400)
        .contentType("application/problem+json").body("errors.field", contains("gridCode"));
    admin().get("/api/v1/register/export?gridCode=" + GRID + "&reveal=true&reason=核对").then().statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void cellsASpreadsheetWouldRunAreExportedAsTextAndImportBackAsEntered() {
    String address = "@SUM(1+1)永明路公式1号";
    int household = as(WORKER).body("""
        {"address": "%s", "gridCode": "%s", "size": 1}""".formatted(address, GRID))
        .post("/api/v1/households").then().statusCode(201).extract().path("id");
    int person = as(WORKER).body("""
        {"householdId": %d, "name": "=1+2", "chronicConditions": "+高血压", "regularMedicines": "-硝苯地平",
         "carerContact": "＝HYPERLINK(\\"http://x\\")", "checkInBy": "'张三"}""".formatted(household))
        .post("/api/v1/persons").then().statusCode(201).extract().path("id");
    // the register and its API keep what was entered
    as(WORKER).get("/api/v1/persons/" + person + "?reveal=true&reason=核对").then().statusCode(200)
        .body("name", equalTo("=1+2")).body("chronicConditions", equalTo("+高血压"))
        .body("carerContact", equalTo("＝HYPERLINK(\"http://x\")")).body("checkInBy", equalTo("'张三"));

    String households = export("HOUSEHOLDS");
    String persons = export("PERSONS");

    assertThat(households).contains("\r\n'" + address + ",").doesNotContain("\r\n" + address);
    assertThat(persons).contains(",'" + address + ",'=1+2,", ",'+高血压,'-硝苯地平,\"'＝HYPERLINK(\"\"http://x\"\")\",''张三,")
        .doesNotContain(",=1+2,");
    post(WORKER, households).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
        .body("errors", empty());
    post(WORKER, persons).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
        .body("errors", empty());
    as(WORKER).get("/api/v1/persons/" + person + "?reveal=true&reason=核对").then().statusCode(200)
        .body("name", equalTo("=1+2")).body("regularMedicines", equalTo("-硝苯地平"))
        .body("carerContact", equalTo("＝HYPERLINK(\"http://x\")")).body("checkInBy", equalTo("'张三"));
  }

  static final java.nio.charset.Charset GB18030 = java.nio.charset.Charset.forName("GB18030");

  static ValidatableResponse post(String user, String contentType, byte[] csv) {
    return as(user).contentType(contentType).body(csv).post("/api/v1/register/import").then();
  }

  @Test
  void aRegisterSavedByChineseExcelInGbkImportsWithItsChineseNames() {
    String households = "地址,网格编码,户人数,救助类别\r\n永明路国标1号,JH-LL-YM-01,2,困难户\r\n"
        + "永明路国标2号,JH-LL-YM-01,1,普通户\r\n";
    String persons = "网格编码,地址,姓名,出生年份,特殊人群,基础疾病\r\n"
        + "JH-LL-YM-01,永明路国标1号,欧阳婆婆,1938,独居老人,高血压\r\n"
        + "JH-LL-YM-01,永明路国标2号,黄伯,1945,,糖尿病\r\n";

    upload(WORKER, "households.csv", households.getBytes(GB18030)).statusCode(200).body("created", equalTo(2))
        .body("errors", empty());
    // a body without a charset; the same file once more with the charset it is in
    post(WORKER, "text/csv", persons.getBytes(GB18030)).statusCode(200).body("created", equalTo(2))
        .body("errors", empty());
    post(WORKER, "text/csv; charset=GBK", persons.getBytes(GB18030)).statusCode(200)
        .body("unchanged", equalTo(2));

    as(WORKER).get("/api/v1/persons?gridCode=" + GRID + "&name=欧阳婆婆").then().statusCode(200)
        .body("items.chronicConditions", contains("高血压")).body("items.flags[0]", contains("ELDERLY_ALONE"));
    assertThat(export("HOUSEHOLDS")).contains("永明路国标1号,JH-LL-YM-01,,,2,HARDSHIP");
  }

  @Test
  void aFileThatChangesItsCharacterSetHalfWayIsRefusedAndNothingOfItImported() {
    StringBuilder csv = new StringBuilder("address,gridCode,size\n");
    for (int i = 0; csv.length() < 70 * 1024; i++) {
      csv.append("Yongming Road mixed ").append(i).append(",JH-LL-YM-01,1\n");
    }
    byte[] ascii = csv.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] gbk = "永明路混合编码1号,JH-LL-YM-01,1\n".getBytes(GB18030);
    byte[] file = java.util.Arrays.copyOf(ascii, ascii.length + gbk.length);
    System.arraycopy(gbk, 0, file, ascii.length, gbk.length);
    long lines = csv.chars().filter(c -> c == '\n').count();

    post(WORKER, "text/csv", file).statusCode(400).contentType("application/problem+json")
        .body("errors.field", contains("file"))
        .body("errors[0].message", equalTo("is not UTF-8 text from line " + (lines + 1) + " on: save the whole file"
            + " in one character set, \"CSV UTF-8\" or GB18030 (GBK)"));
    upload(WORKER, "binary.csv", new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0x80, 'a', ',', 'b'}).statusCode(400)
        .contentType("application/problem+json").body("errors.field", contains("file"));
    post(WORKER, "text/csv; charset=x-no-such-set", ascii).statusCode(415).contentType("application/problem+json");
    String oddPart = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"odd.csv\"\r\n"
        + "Content-Type: text/csv; charset=x-no-such-set\r\n\r\naddress,gridCode,size\r\n--b--\r\n";
    post(WORKER, "multipart/form-data; boundary=b", oddPart.getBytes(StandardCharsets.US_ASCII)).statusCode(400)
        .body("errors.field", contains("charset"));
    as(WORKER).get("/api/v1/households?gridCode=" + GRID + "&size=500").then().statusCode(200)
        .body("items.address", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Yongming Road mixed 0")));
  }
}
