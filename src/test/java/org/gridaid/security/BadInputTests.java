package org.gridaid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.test.Api.admin;
import static org.gridaid.test.Api.as;
import static org.gridaid.test.Api.withKey;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.checkin.CheckInService;
import org.gridaid.carepacks.CarePackProcess;
import org.gridaid.medicine.MedicineDeliveryProcess;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.gridaid.test.ModuleEvents;
import org.gridaid.test.StreamingUpload;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write endpoint of /api/v1, as a caller allowed to write there, gets every class of bad
 * input: malformed JSON, wrong types, nulls, over-long text, unknown codes, control characters,
 * broken UTF-16, wrong path variables and huge bodies. Each is a 4xx problem that names the
 * field at fault, and nothing is written. Injection strings (SQL, script tags) and text of the
 * longest allowed length are valid text: they are stored and read back as sent.
 *
 * <p>The endpoints are one table, {@link #writes()}; {@link #everyWriteEndpointHasARow()} fails
 * for a write endpoint the table does not have, so a new one cannot go without these tests.
 * The register import answers bad rows with its report (a 400 with {@code atomic=true}, rows
 * and reasons by field), not with a problem: its rows are {@link #importCases}.
 */
class BadInputTests extends ApiTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int BODY_LIMIT = 1024 * 1024;
  static final String GRID = "JH-JN-DH-03";
  static final String WORKER = "grid-jiangnan-donghu-03";
  /** Another grid of the worker's community, in the fixture's care-pack campaign too. */
  static final String OTHER_GRID = "JH-JN-DH-02";
  static final String COMMAND = "command-01";
  /** A volunteer of the worker's street, who carries deliveries there. */
  static final String COURIER = "volunteer-jiangnan-01";
  static final String STAFF_PASSWORD = "Dh3-bad-input-Pw!";
  /** Stands for a text with a lone surrogate, which only JSON's \\u escape can carry. */
  static final String LONE_SURROGATE = "@@lone-surrogate@@";
  static final List<String> INJECTIONS = List.of("Robert'); DROP TABLE person;--", "<script>alert(1)</script>",
      "1' OR '1'='1", "${jndi:ldap://x/a}");
  static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  PersonalDataCipher cipher;
  @Autowired
  CheckInService checkIns;
  @Autowired
  TaskService tasks;
  @Autowired
  ThreadPoolTaskExecutor applicationTaskExecutor;
  @LocalServerPort
  int port;

  // ---- the table -------------------------------------------------------------------------

  enum Kind {
    /** One line of text. */
    TEXT,
    /** Text with line breaks. */
    MULTILINE,
    NUMBER,
    BOOLEAN,
    /** A code of an enum, as text. */
    CODE,
    /** A list of codes. */
    CODES,
    /** A list of objects. */
    OBJECTS,
    /** The id of something in the register. */
    ID,
    /** Money in yuan, a JSON number or text with at most two decimals. */
    AMOUNT
  }

  /**
   * A field of a body: {@code path} as the API names it ({@code entries[0].need}); {@code max}
   * the longest text; {@code free}: any text of that length is taken (not a code that must be
   * known), so it is stored and read back as sent.
   */
  record Field(String path, Kind kind, int max, boolean required, boolean free) {

    static Field text(String path, int max, boolean required, boolean free) {
      return new Field(path, Kind.TEXT, max, required, free);
    }

    static Field multiline(String path, int max, boolean required) {
      return new Field(path, Kind.MULTILINE, max, required, true);
    }

    static Field of(String path, Kind kind, boolean required) {
      return new Field(path, kind, 0, required, false);
    }
  }

  /**
   * One write endpoint: its mapping ({@code POST /api/v1/persons}), the caller allowed to
   * write there, its path with real ids (made anew for each case when {@code fresh}), a good
   * body, its fields, a snapshot of what it would write, and how to read a stored text back
   * from the answer (a field's path to its value as the API shows it now).
   */
  record Write(String mapping, Supplier<RequestSpecification> caller, Supplier<String> path,
      Supplier<Map<String, Object>> body, List<Field> fields, Supplier<Object> written,
      Function<ExtractableResponse<Response>, Map<String, String>> readBack) {

    String method() {
      return mapping.substring(0, mapping.indexOf(' '));
    }

    List<String> pathVariables() {
      List<String> names = new ArrayList<>();
      Matcher m = Pattern.compile("\\{(\\w+)}").matcher(mapping);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }
  }

  /** Every write endpoint of /api/v1. The import's two mappings are in {@link #importCases}. */
  List<Write> writes() {
    return List.of(
        new Write("POST /api/v1/households", () -> as(WORKER), () -> "/api/v1/households", this::household,
            List.of(Field.text("address", 200, true, true), Field.text("gridCode", 40, false, false),
                Field.text("minimalUnitCode", 40, false, false), Field.text("phone", 20, false, false),
                Field.of("size", Kind.NUMBER, true), Field.of("recipientGroup", Kind.CODE, false)),
            () -> count("household"), answer -> texts(answer, "address")),
        new Write("PUT /api/v1/households/{id}", () -> as(WORKER), () -> "/api/v1/households/" + fixture().household(),
            this::household,
            List.of(Field.text("address", 200, true, true), Field.text("gridCode", 40, false, false),
                Field.text("minimalUnitCode", 40, false, false), Field.text("phone", 20, false, false),
                Field.of("size", Kind.NUMBER, true), Field.of("recipientGroup", Kind.CODE, false)),
            () -> rows("select address_hash, size, phone_hash from household where id = ?", fixture().household()),
            answer -> texts(answer, "address")),
        new Write("POST /api/v1/persons", () -> as(WORKER), () -> "/api/v1/persons", this::person, personFields(),
            () -> count("person"), answer -> texts(answer, "name", "chronicConditions", "regularMedicines",
                "carerContact", "checkInBy")),
        new Write("PUT /api/v1/persons/{id}", () -> as(WORKER), () -> "/api/v1/persons/" + fixture().person(),
            this::person, personFields(),
            () -> rows("select name, id_number_hash, chronic_conditions_enc, check_in_by from person where id = ?",
                fixture().person()),
            answer -> texts(answer, "name", "chronicConditions", "regularMedicines", "carerContact", "checkInBy")),
        new Write("POST /api/v1/check-ins/{roundId}/entries", () -> as(WORKER),
            () -> "/api/v1/check-ins/" + fixture().round() + "/entries", this::checkInEntries,
            List.of(Field.of("entries", Kind.OBJECTS, false), Field.of("entries[0].personId", Kind.ID, true),
                Field.of("entries[0].outcome", Kind.CODE, false), Field.multiline("entries[0].need", 500, false),
                Field.text("entries[0].needCategory", 30, false, true), Field.of("finish", Kind.BOOLEAN, false)),
            () -> rows("select person_id, outcome, need_enc, recorded_by from check_in_entry where round_id = ?"
                + " order by id", fixture().round()),
            answer -> Map.of("entries[0].need", answer.path("entries.find { it.personId == " + fixture().person()
                + " }.need"))),
        new Write("POST /api/v1/help-requests", () -> withKey(Api.PARTNER_KEY), () -> "/api/v1/help-requests",
            this::helpRequest,
            List.of(Field.text("callerName", 50, true, true), Field.text("callerPhone", 20, true, false),
                Field.text("address", 200, false, true), Field.text("minimalUnitCode", 40, false, false),
                Field.text("gridCode", 40, false, false), Field.of("category", Kind.CODE, true),
                Field.multiline("description", 2000, true), Field.text("affectedPerson", 200, false, true),
                Field.of("vulnerabilities", Kind.CODES, false), Field.of("channel", Kind.CODE, false)),
            () -> List.of(count("help_request"), count("help_request_event")),
            answer -> staffView(answer.path("id"), "callerName", "address", "description", "affectedPerson")),
        new Write("POST /api/v1/help-requests/{id}/cancel", () -> withKey(Api.PARTNER_KEY),
            () -> "/api/v1/help-requests/" + openCase() + "/cancel", () -> body("reason", "居民已自行解决"),
            List.of(Field.multiline("reason", 500, true)),
            () -> List.of(count("help_request_event"), rows("select status from help_request order by id")),
            answer -> staffView(answer.path("id"), "cancelReason")),
        new Write("POST /api/v1/help-requests/{id}/hold", () -> as(WORKER),
            () -> "/api/v1/help-requests/" + openCase() + "/hold", this::hold,
            List.of(Field.multiline("reason", 500, true), Field.text("resumeAt", 40, true, false)),
            () -> List.of(count("help_request_event"), rows("select status from help_request order by id")),
            answer -> Map.of("reason", holdReason(answer))),
        new Write("POST /api/v1/help-requests/{id}/resume", () -> as(WORKER),
            () -> "/api/v1/help-requests/" + caseOnHold() + "/resume", () -> null, List.of(),
            () -> List.of(count("help_request_event"), rows("select status from help_request order by id")),
            answer -> Map.of()),
        new Write("POST /api/v1/api-keys", Api::admin, () -> "/api/v1/api-keys",
            () -> body("name", "bad-input-" + SERIAL.incrementAndGet(), "operations", List.of("areas:read")),
            List.of(Field.text("name", 100, true, true), Field.of("operations", Kind.CODES, true)),
            () -> count("api_key"), answer -> texts(answer, "name")),
        new Write("DELETE /api/v1/api-keys/{id}", Api::admin, () -> "/api/v1/api-keys/" + apiKey(), () -> null,
            List.of(), () -> rows("select id, revoked_at from api_key order by id"), answer -> Map.of()),
        new Write("POST /api/v1/staff", Api::admin, () -> "/api/v1/staff", this::newStaff,
            List.of(Field.text("userId", 64, true, false), Field.text("displayName", 100, true, true),
                Field.of("role", Kind.CODE, true), Field.text("areaCode", 40, false, false),
                Field.of("employment", Kind.CODE, false), Field.text("initialPassword", 128, false, false)),
            () -> List.of(count("staff"), count("act_id_user")), answer -> texts(answer, "displayName")),
        new Write("PUT /api/v1/staff/{userId}", Api::admin, () -> "/api/v1/staff/" + fixture().staff(),
            () -> body("displayName", "东湖三格兼职网格员", "role", "GRID_STAFF", "areaCode", GRID, "employment",
                "PART_TIME", "active", true),
            List.of(Field.text("displayName", 100, true, true), Field.of("role", Kind.CODE, true),
                Field.text("areaCode", 40, false, false), Field.of("employment", Kind.CODE, false),
                Field.of("active", Kind.BOOLEAN, false)),
            () -> rows("select display_name, role, area_code, active from staff where user_id = ?", fixture().staff()),
            answer -> texts(answer, "displayName")),
        new Write("POST /api/v1/medicine-requests", () -> withKey(Api.PARTNER_KEY), () -> "/api/v1/medicine-requests",
            this::medicineRequest,
            List.of(Field.of("personId", Kind.ID, false), Field.text("recipientName", 50, true, true),
                Field.text("recipientPhone", 20, true, false), Field.text("recipientAddress", 200, true, true),
                Field.text("gridCode", 40, false, false), Field.of("lines", Kind.OBJECTS, true),
                Field.text("lines[0].itemCode", 40, true, false), Field.of("lines[0].quantity", Kind.NUMBER, true),
                Field.text("lines[0].prescribedBy", 100, false, true), Field.of("urgency", Kind.CODE, false),
                Field.text("siteCode", 40, false, false), Field.multiline("note", 1000, false)),
            () -> List.of(count("medicine_delivery"), count("stock_movement")),
            answer -> deliveryView(answer.path("id"), Map.of("recipientName", "recipientName",
                "recipientAddress", "recipientAddress", "note", "requestedItems",
                "lines[0].prescribedBy", "lines[0].prescribedBy"))),
        new Write("POST /api/v1/medicine-requests/{id}/cancel", () -> withKey(Api.PARTNER_KEY),
            () -> "/api/v1/medicine-requests/" + delivery() + "/cancel", () -> body("reason", "居民已自行购药"),
            List.of(Field.multiline("reason", 500, true)),
            () -> List.of(count("medicine_delivery_event"), rows("select status from medicine_delivery order by id")),
            answer -> deliveryView(answer.path("id"), Map.of("reason", "closeReason"))),
        new Write("POST /api/v1/medicine-requests/{id}/visit", () -> as(COURIER),
            () -> "/api/v1/medicine-requests/" + deliveryOnTheWay() + "/visit",
            () -> body("outcome", "NOT_AT_HOME", "note", "敲门无人应答", "lines",
                List.of(body("lineNo", 1, "accepted", 1, "refused", 0))),
            List.of(Field.of("outcome", Kind.CODE, true), Field.text("confirmationCode", 10, false, false),
                Field.text("receivedBy", 50, false, true), Field.multiline("note", 500, false),
                Field.of("lines", Kind.OBJECTS, false), Field.of("lines[0].lineNo", Kind.NUMBER, true),
                Field.of("lines[0].accepted", Kind.NUMBER, true), Field.of("lines[0].refused", Kind.NUMBER, true),
                Field.text("lines[0].refusalReason", 200, false, true)),
            () -> List.of(count("medicine_delivery_event"),
                rows("select status, delivery_attempts from medicine_delivery order by id")),
            answer -> Map.of("note", lastVisitNote(answer.path("id")))),
        new Write("POST /api/v1/campaigns", () -> as(COMMAND), () -> "/api/v1/campaigns", this::campaign,
            List.of(Field.text("name", 100, true, true), Field.of("areaCodes", Kind.CODES, true),
                Field.of("packTypes", Kind.CODES, true), Field.text("deadline", 40, false, false)),
            () -> List.of(count("care_pack_campaign"), count("care_pack_delivery"), count("stock_movement")),
            answer -> texts(answer, "name")),
        new Write("POST /api/v1/campaigns/{id}/deliveries", () -> as(WORKER),
            () -> "/api/v1/campaigns/" + fixture().campaign() + "/deliveries", this::doors,
            List.of(Field.of("deliveries", Kind.OBJECTS, true), Field.of("deliveries[0].householdId", Kind.ID, true),
                Field.of("deliveries[0].packType", Kind.CODE, false), Field.of("deliveries[0].outcome", Kind.CODE, true)),
            () -> rows("select household_id, pack_type, outcome, attempt, final from care_pack_delivery"
                + " where campaign_id = ? order by household_id, pack_type", fixture().campaign()),
            answer -> Map.of()),
        new Write("POST /api/v1/stock/receipts", () -> as(STOCK_KEEPER), () -> "/api/v1/stock/receipts",
            this::receipt,
            List.of(Field.text("siteCode", 40, true, false), Field.text("itemCode", 40, true, false),
                Field.of("quantity", Kind.NUMBER, true), Field.text("batch", 40, false, true),
                Field.text("expiry", 10, false, false), Field.text("reason", 200, false, true),
                Field.of("reference.type", Kind.CODE, true), Field.text("reference.id", 64, true, true)),
            this::stock, answer -> movement(answer, "batch", "reason", "reference.id")),
        new Write("POST /api/v1/stock/adjustments", () -> as(STOCK_KEEPER), () -> "/api/v1/stock/adjustments",
            this::adjustment,
            List.of(Field.text("siteCode", 40, true, false), Field.text("itemCode", 40, true, false),
                Field.of("change", Kind.NUMBER, true), Field.text("batch", 40, false, true),
                Field.text("expiry", 10, false, false), Field.text("reason", 200, true, true),
                Field.of("reference.type", Kind.CODE, true), Field.text("reference.id", 64, true, true)),
            this::stock, answer -> movement(answer, "batch", "reason", "reference.id")),
        new Write("POST /api/v1/stock/transfers", () -> as(STOCK_KEEPER), () -> "/api/v1/stock/transfers",
            this::transfer,
            List.of(Field.text("fromSiteCode", 40, true, false), Field.text("toSiteCode", 40, true, false),
                Field.text("itemCode", 40, true, false), Field.of("quantity", Kind.NUMBER, true),
                Field.text("batch", 40, false, false), Field.text("reason", 200, false, true),
                Field.of("reference.type", Kind.CODE, true), Field.text("reference.id", 64, true, true)),
            this::stock, answer -> movement(answer, "reason", "reference.id")),
        new Write("POST /api/v1/supplies/sites", Api::admin, () -> "/api/v1/supplies/sites", this::supplySite,
            List.of(Field.text("code", 40, true, false), Field.text("name", 100, true, true),
                Field.of("kind", Kind.CODE, true), Field.text("areaCode", 40, true, false)),
            () -> count("supply_site"), answer -> texts(answer, "name")),
        new Write("POST /api/v1/supplies/items", () -> as(STOCK_KEEPER), () -> "/api/v1/supplies/items",
            this::supplyItem,
            List.of(Field.text("code", 40, true, false), Field.text("name", 100, true, true),
                Field.text("unit", 10, true, true), Field.of("category", Kind.CODE, true),
                Field.of("coldChain", Kind.BOOLEAN, false), Field.of("prescriptionOnly", Kind.BOOLEAN, false)),
            () -> count("supply_item"), answer -> texts(answer, "name", "unit")),
        new Write("POST /api/v1/appeals", () -> as(DESK), () -> "/api/v1/appeals", this::appeal,
            List.of(Field.text("title", 100, true, true), Field.of("kind", Kind.CODE, true),
                Field.text("itemCode", 40, true, false), Field.of("targetQuantity", Kind.NUMBER, true),
                Field.of("targetAmount", Kind.NUMBER, false), Field.text("deadline", 40, true, false),
                Field.of("siteCodes", Kind.CODES, true)),
            () -> List.of(count("donation_appeal"), count("donation_appeal_site")), answer -> texts(answer, "title")),
        new Write("POST /api/v1/appeals/{id}/close", () -> as(DESK), () -> "/api/v1/appeals/" + openAppeal() + "/close",
            () -> null, List.of(), () -> rows("select id, status, version from donation_appeal order by id"),
            answer -> Map.of()),
        new Write("POST /api/v1/appeals/{id}/pledges", () -> as(DESK),
            () -> "/api/v1/appeals/" + goodsAppeal() + "/pledges", this::pledge,
            List.of(Field.text("donorName", 100, true, true), Field.text("donorPhone", 20, false, false),
                Field.of("anonymous", Kind.BOOLEAN, false), Field.of("quantity", Kind.NUMBER, true),
                Field.text("siteCode", 40, true, false), Field.text("promisedOn", 10, true, false)),
            () -> List.of(count("donation_pledge"), count("act_ru_task"),
                rows("select id, pledged, received, pledges from donation_appeal order by id")),
            answer -> texts(answer, "donorName")),
        new Write("POST /api/v1/donations", () -> withKey(platformKey()), () -> "/api/v1/donations", this::gift,
            List.of(Field.text("transactionId", 64, true, false), Field.of("appealId", Kind.ID, false),
                Field.of("amount", Kind.AMOUNT, true), Field.text("donorName", 100, true, true),
                Field.text("donorPhone", 20, false, false), Field.text("donorIdNumber", 18, false, false),
                Field.of("anonymous", Kind.BOOLEAN, false)),
            this::money, answer -> texts(answer, "donorName")),
        new Write("POST /api/v1/donations/desk", () -> as(DESK), () -> "/api/v1/donations/desk", this::deskGift,
            List.of(Field.of("appealId", Kind.ID, false), Field.of("channel", Kind.CODE, true),
                Field.of("amount", Kind.AMOUNT, true), Field.text("donorName", 100, true, true),
                Field.text("donorPhone", 20, false, false), Field.text("donorIdNumber", 18, false, false),
                Field.of("anonymous", Kind.BOOLEAN, false)),
            () -> List.of(money(), count("act_ru_task")), answer -> texts(answer, "donorName")),
        new Write("POST /api/v1/donations/confirmations", () -> withKey(platformKey()),
            () -> "/api/v1/donations/confirmations", this::confirmation,
            List.of(Field.text("transactionId", 64, true, false)), this::money, answer -> Map.of()),
        new Write("POST /api/v1/donations/{id}/refunds", () -> as(FINANCE),
            () -> "/api/v1/donations/" + confirmedGift() + "/refunds", () -> body("amount", "0.01", "reason", "重复支付退回"),
            List.of(Field.of("amount", Kind.AMOUNT, true), Field.text("reason", 200, true, true)), this::money,
            answer -> texts(answer, "reason")),
        new Write("POST /api/v1/donations/{id}/corrections", () -> as(FINANCE),
            () -> "/api/v1/donations/" + confirmedGift() + "/corrections", () -> body("amount", "-0.01", "reason",
                "录入有误更正"),
            List.of(Field.of("amount", Kind.AMOUNT, true), Field.text("reason", 200, true, true)), this::money,
            answer -> texts(answer, "reason")),
        new Write("POST /api/v1/areas", Api::admin, () -> "/api/v1/areas", this::area,
            List.of(Field.text("code", 40, true, false), Field.text("parentCode", 40, false, false),
                Field.of("level", Kind.CODE, true), Field.text("name", 100, true, true),
                Field.text("kind", 20, false, false), Field.text("address", 200, false, true),
                Field.of("sortOrder", Kind.NUMBER, false)),
            () -> count("area"), answer -> texts(answer, "name", "address")));
  }

  static List<Field> personFields() {
    return List.of(Field.of("householdId", Kind.ID, true), Field.text("name", 50, true, true),
        Field.text("idNumber", 18, false, false), Field.text("phone", 20, false, false),
        Field.of("birthYear", Kind.NUMBER, false), Field.of("flags", Kind.CODES, false),
        Field.multiline("chronicConditions", 500, false), Field.multiline("regularMedicines", 500, false),
        Field.multiline("carerContact", 200, false), Field.text("checkInBy", 100, false, true),
        Field.of("checkInEveryDays", Kind.NUMBER, false));
  }

  // ---- good bodies and the things they refer to ------------------------------------------------

  static Map<String, Object> body(Object... keysAndValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      body.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return body;
  }

  Map<String, Object> household() {
    return body("address", "东湖坏输入测试" + SERIAL.incrementAndGet() + "号", "gridCode", GRID, "phone", "13700003003",
        "size", 2, "recipientGroup", "ORDINARY");
  }

  Map<String, Object> person() {
    return body("householdId", fixture().household(), "name", "钟伯", "phone", "13700003004", "birthYear", 1944,
        "flags", List.of("ELDERLY_ALONE"), "chronicConditions", "高血压", "regularMedicines", "氨氯地平",
        "carerContact", "儿子", "checkInBy", WORKER, "checkInEveryDays", 1);
  }

  Map<String, Object> checkInEntries() {
    return body("entries", List.of(body("personId", fixture().person(), "outcome", "NEEDS_HELP", "need", "需要买药",
        "needCategory", "MEDICINE")), "finish", false);
  }

  Map<String, Object> helpRequest() {
    return body("callerName", "钟先生", "callerPhone", newPhone(), "address", "江南街道东湖坏输入测试楼",
        "gridCode", GRID, "category", "LIVING_SUPPLIES", "description", "家里缺米面", "affectedPerson", "钟伯",
        "vulnerabilities", List.of("ELDERLY_ALONE"), "channel", "MINI_PROGRAM");
  }

  Map<String, Object> medicineRequest() {
    return body("recipientName", "钟伯", "recipientPhone", newPhone(), "recipientAddress", "江南街道东湖坏输入测试楼",
        "gridCode", GRID, "lines", List.of(body("itemCode", "MED-IBUPROFEN", "quantity", 1, "prescribedBy", "社区医生")),
        "urgency", "NORMAL", "siteCode", "PH-JH-JN", "note", "布洛芬一盒");
  }

  Map<String, Object> campaign() {
    return body("name", "东湖坏输入测试早餐包", "areaCodes", List.of(GRID), "packTypes", List.of("BREAKFAST"));
  }

  /** A door of the worker's grid in the fixture campaign: nobody at home (again and again: no change). */
  Map<String, Object> doors() {
    return body("deliveries", List.of(body("householdId", fixture().campaignHousehold(), "packType", "BREAKFAST",
        "outcome", "NOT_AT_HOME")));
  }

  /** A delivery to the worker's grid, asked for by the demo partner. */
  int delivery() {
    return withKey(Api.PARTNER_KEY).body(medicineRequest()).post("/api/v1/medicine-requests").then().statusCode(201)
        .extract().path("id");
  }

  /** A delivery the street's volunteer claimed and picked up. */
  int deliveryOnTheWay() {
    int id = delivery();
    Task pickUp = tasks.createTaskQuery().processInstanceBusinessKey(MedicineDeliveryProcess.businessKey(id))
        .taskDefinitionKey(MedicineDeliveryProcess.TASK_PICK_UP).singleResult();
    tasks.claim(pickUp.getId(), COURIER);
    tasks.complete(pickUp.getId());
    return id;
  }

  Map<String, Object> hold() {
    return body("reason", "居民下午方便", "resumeAt", Instant.now().plus(Duration.ofHours(3)).toString());
  }

  Map<String, Object> newStaff() {
    return body("userId", "bad-input-" + SERIAL.incrementAndGet(), "displayName", "东湖测试网格员", "role",
        "GRID_STAFF", "areaCode", GRID, "employment", "PART_TIME", "initialPassword", STAFF_PASSWORD);
  }

  Map<String, Object> area() {
    int n = SERIAL.incrementAndGet();
    return body("code", GRID + "-T" + n, "parentCode", GRID, "level", "MINIMAL_UNIT", "name", "坏输入测试单元" + n,
        "address", "坏输入测试楼" + n + "号", "sortOrder", 99);
  }

  /** The demo stock of 江南街道's pharmacy and the district's warehouse, which no other test counts. */
  static final String STOCK_KEEPER = "warehouse-01";
  static final String STOCK_SITE = "PH-JH-JN";

  Map<String, Object> receipt() {
    return body("siteCode", STOCK_SITE, "itemCode", "MED-PARACETAMOL", "quantity", 2, "batch", "BI2207",
        "expiry", "2030-06-30", "reason", "坏输入测试到货", "reference", body("type", "PURCHASE", "id", "采购单-001"));
  }

  Map<String, Object> adjustment() {
    return body("siteCode", STOCK_SITE, "itemCode", "MED-PARACETAMOL", "change", 1, "batch", "BI2207",
        "expiry", "2030-06-30", "reason", "盘点盘盈", "reference", body("type", "STOCKTAKE", "id", "盘点-001"));
  }

  Map<String, Object> transfer() {
    return body("fromSiteCode", "WH-JH", "toSiteCode", STOCK_SITE, "itemCode", "MED-PARACETAMOL", "quantity", 1,
        "reason", "补充药房", "reference", body("type", "ALLOCATION", "id", "调拨单-001"));
  }

  Map<String, Object> supplySite() {
    return body("code", "T-BI-" + SERIAL.incrementAndGet(), "name", "坏输入测试采样点", "kind", "SAMPLING_SITE",
        "areaCode", "JH-JN-DH");
  }

  Map<String, Object> supplyItem() {
    return body("code", "T-BI-" + SERIAL.incrementAndGet(), "name", "坏输入测试物资", "unit", "盒", "category",
        "OTHER", "coldChain", false, "prescriptionOnly", false);
  }

  static final String DESK = "donation-desk-01";
  static final String FINANCE = "finance-01";
  private static String platformKey;
  private static Long confirmedGift;

  /** A key of the online donation platform's own. */
  static String platformKey() {
    if (platformKey == null) {
      platformKey = admin().body(body("name", "bad-input-platform-" + SERIAL.incrementAndGet(), "operations",
          List.of("donations:platform"))).post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
    }
    return platformKey;
  }

  Map<String, Object> gift() {
    return body("transactionId", "BI-" + SERIAL.incrementAndGet() + "-" + System.nanoTime(), "appealId",
        moneyAppeal(), "amount", "88.80", "donorName", "钟先生", "donorPhone", "13700003006",
        "donorIdNumber", "44070319800101123X", "anonymous", false);
  }

  private static Long goodsAppeal;

  /** A goods appeal for rice delivered to 中福社区's centre. */
  long goodsAppeal() {
    if (goodsAppeal == null) {
      goodsAppeal = ((Number) as(DESK).body(appeal()).post("/api/v1/appeals").then().statusCode(201).extract()
          .path("id")).longValue();
    }
    return goodsAppeal;
  }

  Map<String, Object> pledge() {
    return body("donorName", "钟老板", "donorPhone", "13700003008", "anonymous", false, "quantity", 20,
        "siteCode", "CC-JH-LL-ZF", "promisedOn", LocalDate.now().plusDays(2).toString());
  }

  Map<String, Object> deskGift() {
    return body("appealId", moneyAppeal(), "channel", "CASH", "amount", "66.60", "donorName", "钟女士",
        "donorPhone", "13700003007", "donorIdNumber", "44070319800101123X", "anonymous", true);
  }

  private static Long moneyAppeal;

  long moneyAppeal() {
    if (moneyAppeal == null) {
      moneyAppeal = ((Number) as(DESK).body(body("title", "坏输入测试捐款", "kind", "MONEY", "targetAmount", "5000.00",
          "deadline", Instant.now().plus(Duration.ofDays(3)).toString())).post("/api/v1/appeals").then()
          .statusCode(201).extract().path("id")).longValue();
    }
    return moneyAppeal;
  }

  /** A gift awaiting the platform's callback, confirmed by the good body (a second time counts once). */
  Map<String, Object> confirmation() {
    Map<String, Object> gift = gift();
    withKey(platformKey()).body(gift).post("/api/v1/donations").then().statusCode(201);
    return body("transactionId", gift.get("transactionId"));
  }

  /** A confirmed gift of 88.80 yuan, of which every good refund and correction takes a fen. */
  long confirmedGift() {
    if (confirmedGift == null) {
      Map<String, Object> confirmation = confirmation();
      withKey(platformKey()).body(confirmation).post("/api/v1/donations/confirmations").then().statusCode(200);
      confirmedGift = jdbc.sql("select id from donation_gift where platform_transaction_id = ?")
          .param(confirmation.get("transactionId")).query(Long.class).single();
    }
    return confirmedGift;
  }

  /** Every money entry, receipt counter and appeal counter: a refused command changed none. */
  List<Object> money() {
    return List.of(count("donation_gift"), rows("select status, receipt_number from donation_gift order by id"),
        rows("select receipt_year, last_number from donation_receipt_counter order by receipt_year"),
        rows("select id, pledged, received, pledges from donation_appeal order by id"));
  }

  /** A goods appeal for rice, delivered to 中福社区's centre and the district's warehouse. */
  Map<String, Object> appeal() {
    return body("title", "坏输入测试募集大米" + SERIAL.incrementAndGet(), "kind", "GOODS", "itemCode", "FOOD-RICE",
        "targetQuantity", 500, "deadline", Instant.now().plus(Duration.ofDays(3)).toString(),
        "siteCodes", List.of("CC-JH-LL-ZF", "WH-JH"));
  }

  int openAppeal() {
    return as(DESK).body(appeal()).post("/api/v1/appeals").then().statusCode(201).extract().path("id");
  }

  /** Every movement and balance: a refused command changed neither. */
  List<Object> stock() {
    return List.of(count("stock_movement"), count("stock_reservation"),
        rows("select site_code, item_code, on_hand, reserved from stock_balance order by site_code, item_code"),
        rows("select site_code, item_code, batch, on_hand from stock_lot order by site_code, item_code, batch"));
  }

  /** The texts of a command's first movement as the answer shows them. */
  static Map<String, String> movement(ExtractableResponse<Response> answer, String... paths) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String path : paths) {
      texts.put(path, answer.path("movements[0]." + path));
    }
    return texts;
  }

  static String newPhone() {
    return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  /** A household and a person with a daily plan in the worker's grid, today's round far ahead, a staff member. */
  /** {@code campaign}: a breakfast campaign over the worker's grid and {@link #OTHER_GRID}, both delivering. */
  record Fixture(long household, long person, long round, String staff, long campaign) {

    /** The fixture's household, a door of the campaign in the worker's grid. */
    long campaignHousehold() {
      return household;
    }
  }

  private static Fixture fixture;

  Fixture fixture() {
    if (fixture == null) {
      long household = ((Number) as(WORKER).body(household()).post("/api/v1/households").then().statusCode(201)
          .extract().path("id")).longValue();
      Map<String, Object> person = new LinkedHashMap<>(body("householdId", household, "name", "钟婆婆", "phone",
          "13700003005", "birthYear", 1940, "flags", List.of("ELDERLY_ALONE"), "checkInBy", WORKER,
          "checkInEveryDays", 1));
      long personId = ((Number) as(WORKER).body(person).post("/api/v1/persons").then().statusCode(201).extract()
          .path("id")).longValue();
      LocalDate day = LocalDate.now().plusYears(40).plusDays(ThreadLocalRandom.current().nextInt(1000));
      checkIns.prepare(day);
      long round = jdbc.sql("select id from check_in_round where grid_code = ? and day_number = ?")
          .params(GRID, day.toEpochDay()).query(Long.class).single();
      String staff = admin().body(newStaff()).post("/api/v1/staff").then().statusCode(201).extract().path("userId");
      long campaign = ((Number) as(COMMAND).body(body("name", "东湖坏输入测试", "areaCodes", List.of(GRID, OTHER_GRID),
          "packTypes", List.of("BREAKFAST"))).post("/api/v1/campaigns").then().statusCode(201).extract().path("id"))
          .longValue();
      tasks.createTaskQuery().processInstanceBusinessKey(CarePackProcess.businessKey(campaign))
          .taskDefinitionKey(CarePackProcess.TASK_HAND_OVER).list().forEach(task -> tasks.complete(task.getId()));
      fixture = new Fixture(household, personId, round, staff, campaign);
    }
    return fixture;
  }

  /** A case of the worker's grid waiting for the grid, sent by the demo partner. */
  int openCase() {
    return withKey(Api.PARTNER_KEY).body(helpRequest()).post("/api/v1/help-requests").then().statusCode(201)
        .body("status", equalTo("ASSIGNED")).extract().path("id");
  }

  int caseOnHold() {
    int id = openCase();
    as(WORKER).body(hold()).post("/api/v1/help-requests/" + id + "/hold").then().statusCode(200);
    return id;
  }

  int apiKey() {
    return admin().body(body("name", "bad-input-" + SERIAL.incrementAndGet(), "operations", List.of("areas:read")))
        .post("/api/v1/api-keys").then().statusCode(201).extract().path("id");
  }

  // ---- what is written, and what is read back --------------------------------------------------

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  List<Map<String, Object>> rows(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query().listOfRows();
  }

  static Map<String, String> texts(ExtractableResponse<Response> answer, String... paths) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String path : paths) {
      texts.put(path, answer.path(path));
    }
    return texts;
  }

  /** A case's texts as the hotline (staff of the whole district) reads them. */
  static Map<String, String> staffView(int id, String... paths) {
    return texts(as("hotline-01").get("/api/v1/help-requests/" + id).then().statusCode(200).extract(), paths);
  }

  /** A delivery's texts as the hotline reads them: each field of the body by the view's path. */
  static Map<String, String> deliveryView(int id, Map<String, String> fieldToPath) {
    var view = as("hotline-01").get("/api/v1/medicine-requests/" + id).then().statusCode(200).extract();
    Map<String, String> texts = new LinkedHashMap<>();
    fieldToPath.forEach((field, path) -> texts.put(field, view.path(path)));
    return texts;
  }

  /** What the courier wrote about the last visit nobody answered. */
  static String lastVisitNote(int id) {
    List<String> notes = as("hotline-01").get("/api/v1/medicine-requests/" + id).then().statusCode(200).extract()
        .path("timeline.findAll { it.type == 'NOT_AT_HOME' }.detail");
    return notes.get(notes.size() - 1);
  }

  static String holdReason(ExtractableResponse<Response> answer) {
    List<String> details = as("hotline-01").get("/api/v1/help-requests/" + answer.path("id")).then().extract()
        .path("timeline.findAll { it.type == 'ON_HOLD' }.detail");
    String detail = details.get(details.size() - 1);
    return detail.substring(0, detail.lastIndexOf(" ("));
  }

  // ---- the cases --------------------------------------------------------------------------

  /** A bad input, what the answer must name, and the answer's status. */
  record Case(String name, String path, String body, int status, String field) {}

  /** Bodies with one field changed, as JSON; {@link #LONE_SURROGATE} becomes a lone UTF-16 surrogate. */
  static String json(Map<String, Object> body, String path, Object value) {
    try {
      Map<String, Object> copy = JSON.readValue(JSON.writeValueAsString(body), new TypeReference<>() {});
      set(copy, path, value);
      return JSON.writeValueAsString(copy).replace(LONE_SURROGATE, "a\\ud800b");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> body, String path, Object value) {
    String[] steps = path.split("\\.");
    Object at = body;
    for (int i = 0; i < steps.length; i++) {
      boolean last = i == steps.length - 1;
      Matcher m = Pattern.compile("(\\w+)(?:\\[(\\d+)])?").matcher(steps[i]);
      if (!m.matches()) {
        throw new IllegalArgumentException(path);
      }
      Map<String, Object> object = (Map<String, Object>) at;
      if (m.group(2) == null) {
        if (last) {
          object.put(m.group(1), value);
        } else {
          at = object.get(m.group(1));
        }
      } else {
        List<Object> list = (List<Object>) object.computeIfAbsent(m.group(1), k -> new ArrayList<>());
        int index = Integer.parseInt(m.group(2));
        while (list.size() <= index) {
          list.add(null);
        }
        if (last) {
          list.set(index, value);
        } else {
          at = list.get(index);
        }
      }
    }
  }

  /** Every bad input for one endpoint. */
  List<Case> cases(Write write) {
    List<Case> cases = new ArrayList<>();
    Map<String, Object> good = write.body().get();
    String path = write.path().get();
    for (String variable : write.pathVariables()) {
      String template = write.mapping().substring(write.mapping().indexOf(' ') + 1);
      for (String wrong : variable.equals("userId") ? List.of("u".repeat(65))
          : List.of("abc", "1.5", "99999999999999999999")) {
        cases.add(new Case("path variable " + variable + " '" + abbreviated(wrong) + "'",
            template.replace("{" + variable + "}", wrong).replaceAll("\\{\\w+}", "1"), goodJson(good), 400, variable));
      }
    }
    if (good == null) {
      return cases;
    }
    cases.add(new Case("malformed JSON", path, "{\"" + good.keySet().iterator().next() + "\": ", 400, null));
    cases.add(new Case("JSON with more after it", path, goodJson(good) + " {}", 400, null));
    cases.add(new Case("a JSON array for an object", path, "[" + goodJson(good) + "]", 400, null));
    cases.add(new Case("a JSON null body", path, "null", 400, null));
    cases.add(new Case("no body", path, "", 400, null));
    cases.add(new Case("a body over the size limit", path, padded(goodJson(good), BODY_LIMIT + 1), 413, null));
    for (Field field : write.fields()) {
      String f = field.path();
      if (field.required()) {
        cases.add(new Case(f + " null", path, json(good, f, null), 400, f));
      }
      switch (field.kind()) {
        case TEXT, MULTILINE -> {
          cases.add(new Case(f + " of the wrong type", path, json(good, f, Map.of("x", 1)), 400, f));
          cases.add(new Case(f + " one character too long", path, json(good, f, "长".repeat(field.max() + 1)), 400,
              f));
          cases.add(new Case(f + " with NUL", path, json(good, f, "a\u0000b"), 400, f));
          cases.add(new Case(f + " with a bell", path, json(good, f, "a\u0007b"), 400, f));
          cases.add(new Case(f + " with ESC", path, json(good, f, "a\u001b[31mb"), 400, f));
          cases.add(new Case(f + " with a right-to-left override", path, json(good, f, "a\u202Eb"), 400, f));
          cases.add(new Case(f + " with a lone surrogate", path, json(good, f, LONE_SURROGATE), 400, f));
          if (field.kind() == Kind.TEXT) {
            cases.add(new Case(f + " with a line break", path, json(good, f, "a\nb"), 400, f));
          }
        }
        case NUMBER -> {
          cases.add(new Case(f + " of the wrong type", path, json(good, f, "many"), 400, f));
          cases.add(new Case(f + " out of range", path, json(good, f, new BigInteger("99999999999999999999")), 400,
              f));
          cases.add(new Case(f + " a fraction", path, json(good, f, 1.5), 400, f));
        }
        case ID -> {
          cases.add(new Case(f + " of the wrong type", path, json(good, f, "abc"), 400, f));
          cases.add(new Case(f + " out of range", path, json(good, f, new BigInteger("99999999999999999999")), 400,
              f));
          cases.add(new Case(f + " unknown", path, json(good, f, 999_999_999), 400, f));
        }
        case AMOUNT -> {
          cases.add(new Case(f + " of the wrong type", path, json(good, f, Map.of("x", 1)), 400, f));
          cases.add(new Case(f + " not a number", path, json(good, f, "many"), 400, f));
          cases.add(new Case(f + " out of range", path, json(good, f, new BigInteger("99999999999999999999")), 400,
              f));
          cases.add(new Case(f + " with a third decimal", path, json(good, f, "1.001"), 400, f));
          cases.add(new Case(f + " with a fraction of a fen as a number", path, json(good, f, 0.005), 400, f));
        }
        case BOOLEAN -> cases.add(new Case(f + " of the wrong type", path, json(good, f, "perhaps"), 400, f));
        case CODE -> {
          cases.add(new Case(f + " of the wrong type", path, json(good, f, List.of("x")), 400, f));
          cases.add(new Case(f + " an unknown code", path, json(good, f, "NO_SUCH_CODE"), 400, f));
          cases.add(new Case(f + " with NUL", path, json(good, f, "A\u0000"), 400, f));
        }
        case CODES -> {
          cases.add(new Case(f + " of the wrong type", path, json(good, f, "x"), 400, f));
          cases.add(new Case(f + " with a null", path, json(good, f, java.util.Arrays.asList((Object) null)), 400,
              f + "[0]"));
          // named by the element, or by the list when the service lists every unknown code at once
          cases.add(new Case(f + " with an unknown code", path, json(good, f, List.of("NO_SUCH_CODE")), 400,
              f + "[0]|" + f));
        }
        case OBJECTS -> {
          cases.add(new Case(f + " of the wrong type", path, json(good, f, "x"), 400, f));
          cases.add(new Case(f + " with a null", path, json(good, f, java.util.Arrays.asList((Object) null)), 400,
              f + "[0]"));
        }
        default -> throw new IllegalStateException(field.kind().name());
      }
    }
    return cases;
  }

  /** {@code text} with a number of its own at the end (addresses are unique in a grid), at most {@code max} long. */
  static String unique(String text, int max) {
    String n = String.valueOf(SERIAL.incrementAndGet());
    return text.substring(0, Math.min(text.length(), max - n.length())) + n;
  }

  static String goodJson(Map<String, Object> good) {
    try {
      return good == null ? "" : JSON.writeValueAsString(good);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String padded(String json, int size) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return json + " ".repeat(size - bytes.length);
  }

  static String abbreviated(String text) {
    return text.length() > 20 ? text.substring(0, 20) + "…" : text;
  }

  void send(Write write, Case bad) {
    ModuleEvents.awaitHandled(applicationTaskExecutor);
    Object before = write.written().get();
    RequestSpecification request = write.caller().get();
    if (!bad.body().isEmpty()) {
      request.body(bad.body());
    }
    var answer = request.request(write.method(), bad.path()).then()
        .statusCode(bad.status())
        .contentType("application/problem+json")
        .body("type", bad.status() == 413 ? equalTo("urn:grid-aid:problem:payload-too-large")
            : bad.field() == null ? equalTo("urn:grid-aid:problem:malformed-request")
            : anyOf(equalTo("urn:grid-aid:problem:validation"), equalTo("urn:grid-aid:problem:malformed-request")));
    if (bad.field() != null) {
      answer.body("errors.field", hasItem(org.hamcrest.Matchers.in(bad.field().split("\\|"))));
    }
    assertThat(write.written().get()).as("nothing written").isEqualTo(before);
  }

  /** Valid text, however it looks: stored as sent, read back as sent, and nothing else happened. */
  void sendAndReadBack(Write write, Field field, String value) {
    ModuleEvents.awaitHandled(applicationTaskExecutor);
    Map<String, Object> good = write.body().get();
    var answer = write.caller().get().body(json(good, field.path(), value))
        .request(write.method(), write.path().get()).then()
        .statusCode(anyOf(equalTo(200), equalTo(201))).extract();
    Map<String, String> stored = write.readBack().apply(answer);
    if (stored.containsKey(field.path())) {
      assertThat(stored.get(field.path())).as(field.path()).isEqualTo(value);
    }
    // the tables the injections name are still there
    assertThat(count("person")).isPositive();
  }

  @TestFactory
  Stream<DynamicTest> everyWriteEndpointRefusesEveryBadInputByNameAndWritesNothing() {
    return writes().stream().flatMap(write -> cases(write).stream()
        .map(bad -> dynamicTest(write.mapping() + ": " + bad.name(), () -> send(write, bad))));
  }

  @TestFactory
  Stream<DynamicTest> injectionStringsAndTheLongestTextsAreStoredAsSent() {
    return writes().stream().flatMap(write -> write.fields().stream().filter(Field::free).flatMap(field -> {
      List<DynamicTest> tests = new ArrayList<>();
      for (String injection : INJECTIONS) {
        tests.add(dynamicTest(write.mapping() + ": " + field.path() + " " + injection,
            () -> sendAndReadBack(write, field, unique(injection, field.max()))));
      }
      tests.add(dynamicTest(write.mapping() + ": " + field.path() + " of " + field.max() + " characters",
          () -> sendAndReadBack(write, field, unique("测".repeat(field.max()), field.max()))));
      if (field.kind() == Kind.MULTILINE) {
        tests.add(dynamicTest(write.mapping() + ": " + field.path() + " of several lines",
            () -> sendAndReadBack(write, field, "第一行\n第二行\r\n\t第三行")));
      }
      return tests.stream();
    }));
  }

  // ---- the register import -------------------------------------------------------------------

  /** The import's two mappings: a CSV body and a multipart upload. */
  static final Set<String> IMPORT_MAPPINGS = Set.of("POST /api/v1/register/import [text/csv, text/plain]",
      "POST /api/v1/register/import [multipart/form-data]");

  long households(String addressPrefix) {
    return addresses(addressPrefix).size();
  }

  /** The addresses of the register that begin so, decrypted. */
  List<String> addresses(String prefix) {
    return jdbc.sql("select address_enc from household").query(String.class).list().stream().map(cipher::decrypt)
        .filter(address -> address.startsWith(prefix)).toList();
  }

  static io.restassured.response.ValidatableResponse importFile(boolean multipart, String query, byte[] file) {
    RequestSpecification request = as(WORKER);
    request = multipart ? request.contentType("multipart/form-data").multiPart("file", "register.csv", file, "text/csv")
        : request.contentType("text/csv; charset=UTF-8").body(file);
    return request.post("/api/v1/register/import" + query).then();
  }

  @TestFactory
  Stream<DynamicTest> importCases() {
    return Stream.of(false, true).flatMap(multipart -> {
      String how = multipart ? "multipart: " : "CSV body: ";
      String prefix = "东湖导入坏输入" + SERIAL.incrementAndGet() + "-";
      List<DynamicTest> tests = new ArrayList<>();
      Map<String, String[]> rows = new LinkedHashMap<>();
      rows.put("a size of the wrong type", new String[] {"1号,JH-JN-DH-03,,many,", "size must be a whole number"});
      rows.put("a size out of range", new String[] {"2号,JH-JN-DH-03,,99999999999,", "size must be a whole number"});
      rows.put("an address too long", new String[] {"3" + "长".repeat(200) + ",JH-JN-DH-03,,1,",
          "address must be at most 200 characters"});
      rows.put("an unknown code", new String[] {"4号,JH-JN-DH-03,,1,RICH", "recipientGroup must be one of"});
      rows.put("an address with a control character", new String[] {"5\u0007号,JH-JN-DH-03,,1,",
          "address must be one line of text without control characters"});
      rows.put("an address with NUL", new String[] {"6\u0000号,JH-JN-DH-03,,1,",
          "address must be one line of text without control characters"});
      rows.put("a grid of nobody", new String[] {"7号,JH-NOWHERE,,1,", "gridCode is not a known grid"});
      rows.put("a phone of the wrong form", new String[] {"8号,JH-JN-DH-03,12345,1,", "phone must be a mainland"});
      rows.forEach((name, row) -> tests.add(dynamicTest(how + name + " keeps an atomic import out", () -> {
        String csv = "address,gridCode,phone,size,recipientGroup\n" + prefix + "good,JH-JN-DH-03,,1,\n" + prefix + row[0]
            + "\n";
        importFile(multipart, "?atomic=true", csv.getBytes(StandardCharsets.UTF_8)).statusCode(400)
            .body("applied", equalTo(false)).body("errors.row", hasItem(3))
            .body("errors[0].reason", org.hamcrest.Matchers.containsString(row[1]));
        assertThat(households(prefix)).isZero();
      })));
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put("an empty file", new byte[0]);
      files.put("unknown columns", "名字,年龄\n张三,30\n".getBytes(StandardCharsets.UTF_8));
      files.put("bytes that are no text", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0, (byte) 0x80, (byte) 0xff});
      files.forEach((name, file) -> tests.add(dynamicTest(how + name + " is a problem naming the file", () -> {
        long before = count("household");
        importFile(multipart, "", file).statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("file"));
        assertThat(count("household")).isEqualTo(before);
      })));
      tests.add(dynamicTest(how + "query parameters of the wrong type are named", () -> {
        byte[] csv = ("address,gridCode,size\n" + prefix + "q,JH-JN-DH-03,1\n").getBytes(StandardCharsets.UTF_8);
        importFile(multipart, "?atomic=perhaps", csv).statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("atomic"));
        importFile(multipart, "?type=VAMPIRES", csv).statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("type"));
        assertThat(households(prefix)).isZero();
      }));
      tests.add(dynamicTest(how + "injection strings are stored as sent", () -> {
        StringBuilder csv = new StringBuilder("address,gridCode,size\n");
        for (int i = 0; i < INJECTIONS.size(); i++) {
          csv.append('"').append((prefix + i + INJECTIONS.get(i)).replace("\"", "\"\"")).append("\",JH-JN-DH-03,1\n");
        }
        importFile(multipart, "", csv.toString().getBytes(StandardCharsets.UTF_8)).statusCode(200)
            .body("created", equalTo(INJECTIONS.size()));
        List<String> stored = addresses(prefix);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(
            INJECTIONS.stream().map(s -> prefix + INJECTIONS.indexOf(s) + s).toList());
      }));
      tests.add(dynamicTest(how + "a file over the size limit is refused", () -> {
        String contentType = multipart ? "multipart/form-data; boundary=b" : "text/csv";
        byte[] head = ((multipart ? "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\n" : "")
            + "address,gridCode,size\n" + prefix + "big,JH-JN-DH-03,1\n").getBytes(StandardCharsets.UTF_8);
        var answer = StreamingUpload.post(port, "/api/v1/register/import", contentType, WORKER,
            StreamingUpload.generated(head, (" ".repeat(255) + "\n").getBytes(StandardCharsets.UTF_8),
                60L * 1024 * 1024));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("urn:grid-aid:problem:payload-too-large");
        assertThat(households(prefix + "big")).isZero();
      }));
      if (multipart) {
        tests.add(dynamicTest(how + "an upload without its file part names the part", () -> {
          as(WORKER).contentType("multipart/form-data").multiPart("other", "x.csv",
              new ByteArrayInputStream("address\n".getBytes(StandardCharsets.UTF_8)), "text/csv")
              .post("/api/v1/register/import").then().statusCode(400).contentType("application/problem+json")
              .body("errors.field", hasItem("file"));
        }));
      }
      return tests.stream();
    });
  }

  @Test
  void anIdempotencyKeyTooLongIsNamedAndNothingIsWritten() {
    long before = count("help_request");
    withKey(Api.PARTNER_KEY).header("Idempotency-Key", "k".repeat(101)).body(helpRequest())
        .post("/api/v1/help-requests").then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("Idempotency-Key"));
    assertThat(count("help_request")).isEqualTo(before);
  }

  @Test
  void aCampaignIdempotencyKeyTooLongIsNamedAndNothingIsStarted() {
    long before = count("care_pack_campaign");
    as(COMMAND).header("Idempotency-Key", "k".repeat(101)).body(campaign()).post("/api/v1/campaigns").then()
        .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("Idempotency-Key"));
    assertThat(count("care_pack_campaign")).isEqualTo(before);
  }

  @Test
  void aStockIdempotencyKeyTooLongIsNamedAndNothingIsWritten() {
    Object before = stock();
    as(STOCK_KEEPER).header("Idempotency-Key", "k".repeat(101)).body(receipt()).post("/api/v1/stock/receipts").then()
        .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("Idempotency-Key"));
    assertThat(stock()).isEqualTo(before);
  }

  @Test
  void aDoorOfAnotherGridAnUnknownHouseholdOrADeliveryTakenBackIsNamedAndNothingIsWritten() {
    long campaign = fixture().campaign();
    long mine = fixture().campaignHousehold();
    long theirs = ((Number) as(COMMAND).get("/api/v1/campaigns/{id}/grids/{grid}/households", campaign, OTHER_GRID)
        .then().statusCode(200).extract().path("[0].householdId")).longValue();
    as(WORKER).body(body("deliveries", List.of(body("householdId", mine, "outcome", "DELIVERED"))))
        .post("/api/v1/campaigns/{id}/deliveries", campaign).then().statusCode(200);
    Object before = rows("select household_id, outcome, attempt from care_pack_delivery where campaign_id = ?"
        + " order by household_id", campaign);

    for (var bad : List.of(
        Map.entry(body("householdId", 999_999_999, "outcome", "DELIVERED"), "deliveries[0].householdId"),
        Map.entry(body("householdId", theirs, "outcome", "DELIVERED"), "deliveries[0].householdId"),
        Map.entry(body("householdId", mine, "outcome", "NOT_AT_HOME"), "deliveries[0].outcome"))) {
      as(WORKER).body(body("deliveries", List.of(bad.getKey()))).post("/api/v1/campaigns/{id}/deliveries", campaign)
          .then().statusCode(400).contentType("application/problem+json")
          .body("type", equalTo("urn:grid-aid:problem:validation")).body("errors.field", hasItem(bad.getValue()));
    }
    assertThat(rows("select household_id, outcome, attempt from care_pack_delivery where campaign_id = ?"
        + " order by household_id", campaign)).as("nothing written").isEqualTo(before);
  }

  // ---- the donation intake's own cases ---------------------------------------------------------

  /** Every pledge and its task, and every appeal's counters: a refused pledge changed none. */
  List<Object> pledges() {
    return List.of(count("donation_pledge"), count("act_ru_task"),
        rows("select id, pledged, received, pledges from donation_appeal order by id"));
  }

  List<Object> appeals() {
    return List.of(count("donation_appeal"), count("donation_appeal_site"));
  }

  /** A goods appeal of rice that the desk opened and closed. */
  int closedAppeal() {
    int id = openAppeal();
    as(DESK).post("/api/v1/appeals/" + id + "/close").then().statusCode(200);
    return id;
  }

  /**
   * A refusal of the donation intake that the table's classes of bad input do not make: sent as
   * {@code caller} to {@code path} (made first: what it makes is no part of the comparison), it is
   * a {@code status} problem naming {@code field} (null: no field is at fault), and
   * {@code written} is as it was.
   */
  DynamicTest refusal(String name, Supplier<RequestSpecification> caller, Supplier<String> path,
      Supplier<Map<String, Object>> body, int status, String field, Supplier<Object> written) {
    return dynamicTest(name, () -> {
      ModuleEvents.awaitHandled(applicationTaskExecutor);
      String to = path.get();
      Map<String, Object> sent = body.get();
      Object before = written.get();
      var answer = caller.get().body(sent).post(to).then().statusCode(status)
          .contentType("application/problem+json");
      if (field != null) {
        answer.body("type", equalTo("urn:grid-aid:problem:validation")).body("errors.field", hasItem(field));
      }
      assertThat(written.get()).as("nothing written").isEqualTo(before);
    });
  }

  static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(body);
    changed.put(field, value);
    return changed;
  }

  @TestFactory
  Stream<DynamicTest> theDonationIntakeRefusesWhatDoesNotAddUpAndWritesNothing() {
    return Stream.of(
        refusal("a desk gift of a negative amount", () -> as(DESK), () -> "/api/v1/donations/desk",
            () -> with(deskGift(), "amount", "-66.60"), 400, "amount", () -> List.of(money(), count("act_ru_task"))),
        refusal("a desk gift of a negative amount as a number", () -> as(DESK), () -> "/api/v1/donations/desk",
            () -> with(deskGift(), "amount", -66.6), 400, "amount", () -> List.of(money(), count("act_ru_task"))),
        refusal("a platform gift of a negative amount", () -> withKey(platformKey()), () -> "/api/v1/donations",
            () -> with(gift(), "amount", "-88.80"), 400, "amount", this::money),
        refusal("a refund of a negative amount", () -> as(FINANCE),
            () -> "/api/v1/donations/" + confirmedGift() + "/refunds",
            () -> body("amount", "-0.01", "reason", "负数退款"), 400, "amount", this::money),
        refusal("a desk gift of a fraction of a fen", () -> as(DESK), () -> "/api/v1/donations/desk",
            () -> with(deskGift(), "amount", "66.605"), 400, "amount", () -> List.of(money(), count("act_ru_task"))),
        refusal("a money appeal's target with a fraction of a fen", () -> as(DESK), () -> "/api/v1/appeals",
            () -> body("title", "坏输入测试捐款目标", "kind", "MONEY", "targetAmount", "5000.005",
                "deadline", Instant.now().plus(Duration.ofDays(3)).toString()), 400, "targetAmount", this::appeals),
        refusal("a money appeal's target with a fraction of a fen as a number", () -> as(DESK),
            () -> "/api/v1/appeals",
            () -> body("title", "坏输入测试捐款目标", "kind", "MONEY", "targetAmount", 5000.005,
                "deadline", Instant.now().plus(Duration.ofDays(3)).toString()), 400, "targetAmount", this::appeals),
        refusal("an appeal for an unknown item", () -> as(DESK), () -> "/api/v1/appeals",
            () -> with(appeal(), "itemCode", "NO-SUCH-ITEM"), 400, "itemCode", this::appeals),
        refusal("an appeal to an unknown site", () -> as(DESK), () -> "/api/v1/appeals",
            () -> with(appeal(), "siteCodes", List.of("CC-JH-LL-ZF", "NO-SUCH-SITE")), 400, "siteCodes[1]",
            this::appeals),
        refusal("a pledge to a site that is not the appeal's", () -> as(DESK),
            () -> "/api/v1/appeals/" + goodsAppeal() + "/pledges", () -> with(pledge(), "siteCode", STOCK_SITE), 400,
            "siteCode", this::pledges),
        refusal("a pledge after the appeal closed", () -> as(DESK),
            () -> "/api/v1/appeals/" + closedAppeal() + "/pledges", this::pledge, 409, null, this::pledges),
        refusal("a confirmation of a transaction nobody sent", () -> withKey(platformKey()),
            () -> "/api/v1/donations/confirmations",
            () -> body("transactionId", "BI-NOBODY-" + SERIAL.incrementAndGet()), 404, null, this::money),
        refusal("an appeal's Idempotency-Key too long", () -> as(DESK).header("Idempotency-Key", "k".repeat(101)),
            () -> "/api/v1/appeals", this::appeal, 400, "Idempotency-Key", this::appeals),
        refusal("a desk gift's Idempotency-Key too long", () -> as(DESK).header("Idempotency-Key", "k".repeat(101)),
            () -> "/api/v1/donations/desk", this::deskGift, 400, "Idempotency-Key",
            () -> List.of(money(), count("act_ru_task"))),
        refusal("a refund's Idempotency-Key too long", () -> as(FINANCE).header("Idempotency-Key", "k".repeat(101)),
            () -> "/api/v1/donations/" + confirmedGift() + "/refunds", () -> body("amount", "0.01", "reason", "退回"),
            400, "Idempotency-Key", this::money),
        refusal("a correction's Idempotency-Key too long",
            () -> as(FINANCE).header("Idempotency-Key", "k".repeat(101)),
            () -> "/api/v1/donations/" + confirmedGift() + "/corrections",
            () -> body("amount", "-0.01", "reason", "更正"), 400, "Idempotency-Key", this::money));
  }

  // ---- the table is complete ----------------------------------------------------------------

  @Test
  void everyWriteEndpointHasARow() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      boolean writes = methods.isEmpty() || methods.stream().anyMatch(m -> m != RequestMethod.GET
          && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS);
      for (String pattern : info.getPatternValues()) {
        if (writes && pattern.startsWith("/api/")) {
          for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
            var consumes = info.getConsumesCondition().getConsumableMediaTypes();
            endpoints.add(method + " " + pattern + (consumes.isEmpty() ? ""
                : " " + consumes.stream().map(Object::toString).sorted().toList()));
          }
        }
      }
    }
    Set<String> inTable = new TreeSet<>(IMPORT_MAPPINGS);
    writes().forEach(write -> inTable.add(write.mapping()));
    assertThat(inTable).as("write endpoints of /api with a row in BadInputTests").isEqualTo(endpoints);
  }
}
