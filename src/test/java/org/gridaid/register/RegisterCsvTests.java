package org.gridaid.register;

import static org.gridaid.test.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** The register's CSV files as spreadsheets write and read them, and the faults they are told of. */
class RegisterCsvTests extends ApiTestSupport {

  static final String GRID = "JH-LL-YM-01";
  static final String WORKER = "grid-lile-yongming-01";

  static ValidatableResponse post(String user, String csv) {
    return as(user).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/register/import").then();
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
            + "recipientGroup must be one of [HARDSHIP, QUARANTINED, ORDINARY]"))
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
}
