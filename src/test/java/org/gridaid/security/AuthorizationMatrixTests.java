package org.gridaid.security;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gridaid.security.AuthorizationMatrixTests.Area.ANY;
import static org.gridaid.security.AuthorizationMatrixTests.Area.OTHER;
import static org.gridaid.security.AuthorizationMatrixTests.Area.OWN;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridaid.apikey.ApiOperations;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.carepacks.CarePackProcess;
import org.gridaid.checkin.CheckInService;
import org.gridaid.medicine.MedicineDeliveryProcess;
import org.gridaid.test.Api;
import org.gridaid.test.ApiTestSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call which endpoint of /api/v1, in one table: every endpoint × every caller × a case,
 * household or person in the callers' own area and in another. A new endpoint without a row
 * fails {@link #everyApiEndpointHasARowAndEveryRowAnEndpoint}.
 *
 * <p>Reading a row: the answer each caller gets, in the order of the header above the table.
 * {@code 200+} is a 200 whose list (or CSV) holds the area's fixture, {@code 200-} a 200 whose
 * list does not. Every 401, 403 and 404 must be a problem ({@code application/problem+json}).
 * The rule behind the answers: who may see a thing gets 403 for an action they may not take, who
 * may not even see it 404 (as if it did not exist); see {@code helprequest.CaseAction},
 * {@code register.RegisterAccess}, {@code supplies.SupplyAccess} and the controllers'
 * {@code @PreAuthorize}.
 *
 * <p>The callers are the demo organisation's, all of 礼乐街道 中福社区 第1网格 where they have an
 * area; OWN is that grid ({@code JH-LL-ZF-01}), OTHER a grid of 外海街道 ({@code JH-WH-YQ-01}).
 * For an outside system, OWN is what its key sent and OTHER what somebody else did. {@code key+}
 * is a key allowed every operation, {@code key-} one allowed every operation but the row's (the
 * "key operation" column; none: no key may call the endpoint, or every key may).
 * ANY: the answer does not depend on an area. The stock rows are told apart by the kind of
 * site they record at ({@code pharmacy}: 礼乐街道's pharmacy, {@code warehouse}: the district's
 * warehouse); a transfer is from there (to a pharmacy). Fixtures are made once; a cell whose action
 * succeeds and changes its fixture (cancel, hold, resume, revoke) gets fresh ones. (The engine
 * API, /engine-rest, is a table of its own.)
 */
class AuthorizationMatrixTests extends ApiTestSupport {

  /** The columns of the table, in order. */
  enum Caller {
    ANONYMOUS(null), ADMIN("demo"), HOTLINE("hotline-01"), GRID_STAFF("grid-lile-zhongfu-01"),
    GRID_LEADER("gridleader-lile-zhongfu-01"), COMMUNITY("community-lile-zhongfu"), STREET("street-lile"),
    DISTRICT_COMMAND("command-01"), MEDICAL_TEAM("doctor-01"), PHARMACY("pharmacy-01"), WAREHOUSE("warehouse-01"),
    VOLUNTEER("volunteer-lile-01"), DONATION_DESK("donation-desk-01"), FINANCE("finance-01"), KEY_WITH_OPERATION(null),
    KEY_WITHOUT_OPERATION(null);

    final String userId;

    Caller(String userId) {
      this.userId = userId;
    }
  }

  enum Area {
    ANY, OWN, OTHER;

    String grid() {
      return this == OTHER ? "JH-WH-YQ-01" : "JH-LL-ZF-01";
    }

    /** A volunteer of the grid's street, who carries a fixture delivery. */
    String courier() {
      return this == OTHER ? "volunteer-waihai-01" : "volunteer-lile-01";
    }

    /** The worker of the grid, who puts a fixture case on hold. */
    String gridWorker() {
      return this == OTHER ? "grid-waihai-yinquan-01" : "grid-lile-zhongfu-01";
    }
  }

  static final String CREATE = "help-requests:create";
  static final String READ = "help-requests:read";
  static final String CANCEL = "help-requests:cancel";
  static final String AREAS_READ = "areas:read";
  static final String AREAS_RESOLVE = "areas:resolve";
  static final String SUPPLIES_READ = "supplies:read";
  static final String MEDICINE_CREATE = "medicine-requests:create";
  static final String MEDICINE_READ = "medicine-requests:read";
  static final String MEDICINE_CANCEL = "medicine-requests:cancel";
  static final String DONATIONS_READ = "donations:read";
  static final String CARE_PACKS_READ = "care-packs:read";
  static final String PLATFORM = "donations:platform";
  static final String PLEDGE = "donations:pledge";
  static final String DASHBOARD_READ = "dashboard:read";

  // @formatter:off
  static final List<Row> MATRIX = List.of(
      //  endpoint                                            area   key operation   anon admn hotl grid lead comm strt cmd  med  phar ware volu dona fina key+ key-
      row("GET /api/v1/help-requests/categories",             ANY,   null,          "401  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200"),
      row("POST /api/v1/help-requests",                       ANY,   CREATE,        "401  201  201  201  201  201  201  201  201  201  201  201  201  201  201  403"),
      row("GET /api/v1/help-requests/{id}",                   OWN,   READ,          "401  200  200  200  200  200  200  200  200  404  404  404  404  404  200  403"),
      row("GET /api/v1/help-requests/{id}",                   OTHER, READ,          "401  200  200  404  404  404  404  200  200  404  404  404  404  404  404  403"),
      row("GET /api/v1/help-requests/track/{trackingCode}",   ANY,   null,          "200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200"),
      row("POST /api/v1/help-requests/{id}/cancel",           OWN,   CANCEL,        "401  200  200  200  200  403  403  200  403  404  404  404  404  404  200  403"),
      row("POST /api/v1/help-requests/{id}/cancel",           OTHER, CANCEL,        "401  200  200  404  404  404  404  200  403  404  404  404  404  404  404  403"),
      row("POST /api/v1/help-requests/{id}/hold",             OWN,   null,          "401  200  403  200  200  403  403  200  403  404  404  404  404  404  403  403"),
      row("POST /api/v1/help-requests/{id}/hold",             OTHER, null,          "401  200  403  404  404  404  404  200  403  404  404  404  404  404  403  403"),
      row("POST /api/v1/help-requests/{id}/resume",           OWN,   null,          "401  200  403  200  200  403  403  200  403  404  404  404  404  404  403  403"),
      row("POST /api/v1/help-requests/{id}/resume",           OTHER, null,          "401  200  403  404  404  404  404  200  403  404  404  404  404  404  403  403"),
      row("GET /api/v1/help-requests",                        OWN,   null,          "401  200+  200+  200+  200+  200+  200+  200+  200+  200-  200-  200-  200-  200-  403  403"),
      row("GET /api/v1/help-requests",                        OTHER, null,          "401  200+  200+  200-  200-  200-  200-  200+  200+  200-  200-  200-  200-  200-  403  403"),

      row("GET /api/v1/check-ins/today",                      OWN,   null,          "401  200  200  200  200  200  200  200  200  404  404  404  404  404  403  403"),
      row("GET /api/v1/check-ins/today",                      OTHER, null,          "401  200  200  404  404  404  404  200  200  404  404  404  404  404  403  403"),
      row("GET /api/v1/check-ins/{roundId}",                  OWN,   null,          "401  200  200  200  200  200  200  200  200  404  404  404  404  404  403  403"),
      row("GET /api/v1/check-ins/{roundId}",                  OTHER, null,          "401  200  200  404  404  404  404  200  200  404  404  404  404  404  403  403"),
      row("POST /api/v1/check-ins/{roundId}/entries",         OWN,   null,          "401  403  403  200  200  403  403  403  403  404  404  404  404  404  403  403"),
      row("POST /api/v1/check-ins/{roundId}/entries",         OTHER, null,          "401  403  403  404  404  404  404  403  403  404  404  404  404  404  403  403"),

      row("GET /api/v1/households",                           OWN,   null,          "401  200+  200+  200+  200+  200+  200+  200+  200+  200-  200-  200-  200-  200-  403  403"),
      row("GET /api/v1/households",                           OTHER, null,          "401  200+  200+  200-  200-  200-  200-  200+  200+  200-  200-  200-  200-  200-  403  403"),
      row("POST /api/v1/households",                          OWN,   null,          "401  201  403  201  201  201  201  403  403  403  403  403  403  403  403  403"),
      row("POST /api/v1/households",                          OTHER, null,          "401  201  403  400  400  400  400  403  403  403  403  403  403  403  403  403"),
      row("GET /api/v1/households/{id}",                      OWN,   null,          "401  200  200  200  200  200  200  200  200  404  404  404  404  404  403  403"),
      row("GET /api/v1/households/{id}",                      OTHER, null,          "401  200  200  404  404  404  404  200  200  404  404  404  404  404  403  403"),
      row("GET /api/v1/households/{id} unmasked",             OWN,   null,          "401  403  403  200  200  403  403  403  403  404  404  404  404  404  403  403"),
      row("GET /api/v1/households/{id} unmasked",             OTHER, null,          "401  403  403  404  404  404  404  403  403  404  404  404  404  404  403  403"),
      row("PUT /api/v1/households/{id}",                      OWN,   null,          "401  200  403  200  200  200  200  403  403  404  404  404  404  404  403  403"),
      row("PUT /api/v1/households/{id}",                      OTHER, null,          "401  200  403  404  404  404  404  403  403  404  404  404  404  404  403  403"),
      row("GET /api/v1/persons",                              OWN,   null,          "401  200+  200+  200+  200+  200+  200+  200+  200+  200-  200-  200-  200-  200-  403  403"),
      row("GET /api/v1/persons",                              OTHER, null,          "401  200+  200+  200-  200-  200-  200-  200+  200+  200-  200-  200-  200-  200-  403  403"),
      row("POST /api/v1/persons",                             OWN,   null,          "401  201  403  201  201  201  201  403  403  403  403  403  403  403  403  403"),
      row("POST /api/v1/persons",                             OTHER, null,          "401  201  403  400  400  400  400  403  403  403  403  403  403  403  403  403"),
      row("GET /api/v1/persons/{id}",                         OWN,   null,          "401  200  200  200  200  200  200  200  200  404  404  404  404  404  403  403"),
      row("GET /api/v1/persons/{id}",                         OTHER, null,          "401  200  200  404  404  404  404  200  200  404  404  404  404  404  403  403"),
      row("GET /api/v1/persons/{id} unmasked",                OWN,   null,          "401  403  403  200  200  403  403  403  403  404  404  404  404  404  403  403"),
      row("GET /api/v1/persons/{id} unmasked",                OTHER, null,          "401  403  403  404  404  404  404  403  403  404  404  404  404  404  403  403"),
      row("PUT /api/v1/persons/{id}",                         OWN,   null,          "401  200  403  200  200  200  200  403  403  404  404  404  404  404  403  403"),
      row("PUT /api/v1/persons/{id}",                         OTHER, null,          "401  200  403  404  404  404  404  403  403  404  404  404  404  404  403  403"),
      row("POST /api/v1/register/import text/csv",            OWN,   null,          "401  200  403  200  200  200  200  403  403  403  403  403  403  403  403  403"),
      row("POST /api/v1/register/import text/csv",            OTHER, null,          "401  200  403  400  400  400  400  403  403  403  403  403  403  403  403  403"),
      row("POST /api/v1/register/import multipart/form-data", OWN,   null,          "401  200  403  200  200  200  200  403  403  403  403  403  403  403  403  403"),
      row("POST /api/v1/register/import multipart/form-data", OTHER, null,          "401  200  403  400  400  400  400  403  403  403  403  403  403  403  403  403"),
      row("GET /api/v1/register/export",                      OWN,   null,          "401  200+  200+  200+  200+  200+  200+  200+  200+  400  400  400  400  400  403  403"),
      row("GET /api/v1/register/export",                      OTHER, null,          "401  200+  200+  400  400  400  400  200+  200+  400  400  400  400  400  403  403"),
      row("GET /api/v1/register/export unmasked",             OWN,   null,          "401  403  403  200  200  403  403  403  403  400  400  400  400  400  403  403"),
      row("GET /api/v1/register/export unmasked",             OTHER, null,          "401  403  403  400  400  400  400  403  403  400  400  400  400  400  403  403"),

      row("POST /api/v1/medicine-requests",                   ANY,   MEDICINE_CREATE, "401  201  201  201  201  201  201  201  201  201  403  403  403  403  201  403"),
      row("GET /api/v1/medicine-requests/{id}",               OWN,   MEDICINE_READ, "401  200  200  200  200  200  200  200  200  200  200  404  404  404  200  403"),
      row("GET /api/v1/medicine-requests/{id}",               OTHER, MEDICINE_READ, "401  200  200  404  404  404  404  200  200  200  200  404  404  404  404  403"),
      row("POST /api/v1/medicine-requests/{id}/cancel",       OWN,   MEDICINE_CANCEL, "401  200  200  403  403  403  403  200  200  200  403  404  404  404  200  403"),
      row("POST /api/v1/medicine-requests/{id}/cancel",       OTHER, MEDICINE_CANCEL, "401  200  200  404  404  404  404  200  200  200  403  404  404  404  404  403"),
      row("POST /api/v1/medicine-requests/{id}/visit",        OWN,   null,          "401  403  403  403  403  403  403  403  403  403  403  200  404  404  403  403"),
      row("POST /api/v1/medicine-requests/{id}/visit",        OTHER, null,          "401  403  403  404  404  404  404  403  403  403  403  404  404  404  403  403"),

      row("POST /api/v1/campaigns",                           ANY,   null,          "401  201  403  403  403  403  201  201  403  403  403  403  403  403  403  403"),
      row("GET /api/v1/campaigns/{id}",                       OWN,   CARE_PACKS_READ, "401  200  200  200  200  200  200  200  200  404  200  404  404  404  200  403"),
      row("GET /api/v1/campaigns/{id}",                       OTHER, CARE_PACKS_READ, "401  200  200  404  404  404  404  200  200  404  200  404  404  404  200  403"),
      row("GET /api/v1/campaigns/{id}/export",                OWN,   CARE_PACKS_READ, "401  200  200  200  200  200  200  200  200  404  200  404  404  404  200  403"),
      row("GET /api/v1/campaigns/{id}/export",                OTHER, CARE_PACKS_READ, "401  200  200  404  404  404  404  200  200  404  200  404  404  404  200  403"),
      row("GET /api/v1/campaigns/{id}/grids/{gridCode}/households", OWN, null,     "401  200  200  200  200  200  200  200  200  404  403  404  404  404  403  403"),
      row("GET /api/v1/campaigns/{id}/grids/{gridCode}/households", OTHER, null,   "401  200  200  404  404  404  404  200  200  404  403  404  404  404  403  403"),
      row("POST /api/v1/campaigns/{id}/deliveries",           OWN,   null,          "401  403  403  200  200  403  403  403  403  404  403  404  404  404  403  403"),
      row("POST /api/v1/campaigns/{id}/deliveries",           OTHER, null,          "401  403  403  404  404  404  404  403  403  404  403  404  404  404  403  403"),

      row("GET /api/v1/stock",                                ANY,   SUPPLIES_READ, "401  200  200  200  200  200  200  200  200  200  200  403  200  200  200  403"),
      row("GET /api/v1/stock/export",                         ANY,   null,          "401  200  200  200  200  200  200  200  200  200  200  403  200  200  403  403"),
      row("GET /api/v1/stock/movements",                      ANY,   null,          "401  200  403  403  403  200  200  200  403  200  200  403  200  403  403  403"),
      row("GET /api/v1/stock/movements/export",               ANY,   null,          "401  200  403  403  403  200  200  200  403  200  200  403  200  403  403  403"),
      row("POST /api/v1/stock/receipts pharmacy",             ANY,   null,          "401  201  403  403  403  403  403  403  403  201  201  403  403  403  403  403"),
      row("POST /api/v1/stock/receipts warehouse",            ANY,   null,          "401  201  403  403  403  403  403  403  403  403  201  403  403  403  403  403"),
      row("POST /api/v1/stock/adjustments pharmacy",          ANY,   null,          "401  201  403  403  403  403  403  403  403  201  201  403  403  403  403  403"),
      row("POST /api/v1/stock/adjustments warehouse",         ANY,   null,          "401  201  403  403  403  403  403  403  403  403  201  403  403  403  403  403"),
      row("POST /api/v1/stock/transfers pharmacy",            ANY,   null,          "401  201  403  403  403  403  403  403  403  201  201  403  403  403  403  403"),
      row("POST /api/v1/stock/transfers warehouse",           ANY,   null,          "401  201  403  403  403  403  403  403  403  403  201  403  403  403  403  403"),
      row("GET /api/v1/supplies/sites",                       ANY,   SUPPLIES_READ, "401  200  200  200  200  200  200  200  200  200  200  403  200  200  200  403"),
      row("POST /api/v1/supplies/sites",                      ANY,   null,          "401  201  403  403  403  403  403  403  403  403  403  403  403  403  403  403"),
      row("GET /api/v1/supplies/items",                       ANY,   SUPPLIES_READ, "401  200  200  200  200  200  200  200  200  200  200  403  200  200  200  403"),
      row("POST /api/v1/supplies/items",                      ANY,   null,          "401  201  403  403  403  403  403  403  403  201  201  403  403  403  403  403"),

      row("POST /api/v1/appeals",                             ANY,   null,          "401  201  403  403  403  403  201  403  403  403  403  403  201  403  403  403"),
      row("GET /api/v1/appeals",                              ANY,   DONATIONS_READ, "401  200  200  200  200  200  200  200  200  200  200  200  200  200  200  403"),
      row("GET /api/v1/appeals/{id}",                         ANY,   DONATIONS_READ, "401  200  200  200  200  200  200  200  200  200  200  200  200  200  200  403"),
      row("POST /api/v1/appeals/{id}/close",                  OWN,   null,          "401  200  403  403  403  403  200  403  403  403  403  403  200  403  403  403"),
      row("POST /api/v1/appeals/{id}/close",                  OTHER, null,          "401  200  403  403  403  403  403  403  403  403  403  403  200  403  403  403"),

      row("POST /api/v1/appeals/{id}/pledges",                ANY,   PLEDGE,        "401  201  403  403  403  403  403  403  403  403  403  403  201  403  201  403"),
      row("GET /api/v1/pledges/{id}",                         OWN,   PLEDGE,        "401  200  404  404  404  404  404  404  404  404  200  404  200  404  200  403"),
      row("GET /api/v1/pledges/{id}",                         OTHER, PLEDGE,        "401  200  404  404  404  404  404  404  404  404  200  404  200  404  404  403"),
      row("GET /api/v1/public/donation-report",               ANY,   null,          "200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200"),
      row("GET /api/v1/public/donation-report/print",         ANY,   null,          "200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200"),
      row("GET /api/v1/public/donation-report/export",        ANY,   null,          "200  200  200  200  200  200  200  200  200  200  200  200  200  200  200  200"),
      row("POST /api/v1/donations",                           ANY,   PLATFORM,      "401  403  403  403  403  403  403  403  403  403  403  403  403  403  201  403"),
      row("POST /api/v1/donations/desk",                      ANY,   null,          "401  201  403  403  403  403  403  403  403  403  403  403  201  403  403  403"),
      row("POST /api/v1/donations/confirmations",             OWN,   PLATFORM,      "401  403  403  403  403  403  403  403  403  403  403  403  403  403  200  403"),
      row("POST /api/v1/donations/confirmations",             OTHER, PLATFORM,      "401  403  403  403  403  403  403  403  403  403  403  403  403  403  404  403"),
      row("GET /api/v1/donations/{id}",                       OWN,   PLATFORM,      "401  200  404  404  404  404  404  404  404  404  404  404  200  200  200  403"),
      row("GET /api/v1/donations/{id}",                       OTHER, PLATFORM,      "401  200  404  404  404  404  404  404  404  404  404  404  200  200  404  403"),
      row("POST /api/v1/donations/{id}/refunds",              ANY,   null,          "401  201  404  404  404  404  404  404  404  404  404  404  403  201  403  403"),
      row("POST /api/v1/donations/{id}/corrections",          ANY,   null,          "401  201  404  404  404  404  404  404  404  404  404  404  403  201  403  403"),

      row("GET /api/v1/dashboard",                            OWN,   DASHBOARD_READ, "401  200+  403  403  200+  200+  200+  200+  403  403  403  403  403  403  200+  403"),
      row("GET /api/v1/dashboard",                            OTHER, DASHBOARD_READ, "401  200+  403  403  200-  200-  200-  200+  403  403  403  403  403  403  200+  403"),

      row("GET /api/v1/areas",                                ANY,   AREAS_READ,    "401  200  200  200  200  200  200  200  200  200  200  200  200  200  200  403"),
      row("GET /api/v1/areas/{code}",                         ANY,   AREAS_READ,    "401  200  200  200  200  200  200  200  200  200  200  200  200  200  200  403"),
      row("GET /api/v1/areas/resolve",                        ANY,   AREAS_RESOLVE, "401  200  200  200  200  200  200  200  200  200  200  200  200  200  200  403"),
      row("POST /api/v1/areas",                               ANY,   null,          "401  201  403  403  403  403  403  403  403  403  403  403  403  403  403  403"),
      row("GET /api/v1/staff",                                ANY,   null,          "401  200  200  200  200  200  200  200  200  200  200  200  200  200  403  403"),
      row("GET /api/v1/staff/{userId}",                       ANY,   null,          "401  200  200  200  200  200  200  200  200  200  200  200  200  200  403  403"),
      row("POST /api/v1/staff",                               ANY,   null,          "401  201  403  403  403  403  403  403  403  403  403  403  403  403  403  403"),
      row("PUT /api/v1/staff/{userId}",                       ANY,   null,          "401  200  403  403  403  403  403  403  403  403  403  403  403  403  403  403"),
      row("POST /api/v1/api-keys",                            ANY,   null,          "401  201  403  403  403  403  403  403  403  403  403  403  403  403  403  403"),
      row("GET /api/v1/api-keys",                             ANY,   null,          "401  200  403  403  403  403  403  403  403  403  403  403  403  403  403  403"),
      row("DELETE /api/v1/api-keys/{id}",                     ANY,   null,          "401  204  403  403  403  403  403  403  403  403  403  403  403  403  403  403"));
  // @formatter:on

  /**
   * One line of the table: {@code endpoint} is "METHOD /path" as the controller maps it, maybe
   * followed by what tells two rows of one mapping apart (a media type it consumes, "unmasked").
   */
  record Row(String endpoint, Area area, String operation, List<String> answers) {

    String method() {
      return endpoint.split(" ")[0];
    }

    String path() {
      return endpoint.split(" ")[1];
    }

    String variant() {
      String[] parts = endpoint.split(" ");
      return parts.length > 2 ? parts[2] : null;
    }

    String answerOf(Caller caller) {
      return answers.get(caller.ordinal());
    }
  }

  static Row row(String endpoint, Area area, String operation, String answers) {
    return new Row(endpoint, area, operation, Arrays.asList(answers.trim().split("\\s+")));
  }

  /** How a row's request is sent; {@code fresh}: the cell expects its action to succeed. */
  interface Request {
    Response send(RequestSpecification as, Area area, boolean fresh);
  }

  /** For rows answered 200+ and 200-: whether the answer lists the area's fixture. */
  interface Listing {
    boolean lists(Response answer, Area area);
  }

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** The check-in rows' day: a day of their own, far from the days other tests use. */
  static final LocalDate CHECK_IN_DAY = LocalDate.now(CHINA).plusYears(10);
  static final AtomicLong UNIQUE = new AtomicLong(ThreadLocalRandom.current().nextInt(1_000_000) * 1000L);

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;
  @Autowired
  List<ApiOperations> operations;
  @Autowired
  CheckInService checkIns;
  @Autowired
  TaskService tasks;

  @Test
  void everyApiEndpointHasARowAndEveryRowAnEndpoint() {
    record Mapping(String method, String path, String consumes) {}
    List<Mapping> mapped = new ArrayList<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(path -> path.startsWith("/api/"))
        .forEach(path -> {
          String consumes = info.getConsumesCondition().isEmpty() ? null
              : info.getConsumesCondition().getConsumableMediaTypes().iterator().next().toString();
          var methods = info.getMethodsCondition().getMethods();
          if (methods.isEmpty()) {
            mapped.add(new Mapping("(every method)", path, consumes)); // has no row: map one method each
          }
          methods.forEach(method -> mapped.add(new Mapping(method.name(), path, consumes)));
        }));
    assertThat(mapped).as("the application's /api mappings").isNotEmpty();

    Set<String> withoutRow = new TreeSet<>();
    for (Mapping mapping : mapped) {
      boolean hasRow = MATRIX.stream().anyMatch(row -> row.method().equals(mapping.method())
          && row.path().equals(mapping.path())
          && (mapping.consumes() == null || mapping.consumes().equals(row.variant())));
      if (!hasRow) {
        String endpoint = mapping.method() + " " + mapping.path();
        withoutRow.add(mapping.consumes() == null ? endpoint : endpoint + " " + mapping.consumes());
      }
    }
    assertThat(withoutRow).as("endpoints without a row in the authorization matrix").isEmpty();

    Set<String> withoutEndpoint = MATRIX.stream()
        .filter(row -> mapped.stream().noneMatch(m -> m.method().equals(row.method()) && m.path().equals(row.path())))
        .map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
    assertThat(withoutEndpoint).as("rows whose endpoint the application no longer has").isEmpty();
  }

  @Test
  void everyRowAnswersForEveryCallerAndIsSent() {
    Map<String, Request> requests = requests(null);
    Map<String, Listing> listings = listings(null);
    for (Row row : MATRIX) {
      assertThat(row.answers()).as("answers of %s %s", row.endpoint(), row.area()).hasSize(Caller.values().length)
          .allMatch(answer -> answer.matches("[1-5]\\d\\d[+-]?"));
      assertThat(requests).as("how %s is sent", row.endpoint()).containsKey(row.endpoint());
      if (row.answers().stream().anyMatch(answer -> answer.length() > 3)) {
        assertThat(listings).as("how the answer of %s lists its fixture", row.endpoint()).containsKey(row.endpoint());
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCallerGetsTheAnswerOfTheTable() {
    Fixtures fixtures = new Fixtures();
    Map<String, Request> requests = requests(fixtures);
    Map<String, Listing> listings = listings(fixtures);
    return MATRIX.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> {
      String expected = row.answerOf(caller);
      String name = "%s %s as %s: %s".formatted(row.endpoint(), row.area(), caller, expected);
      return DynamicTest.dynamicTest(name, () -> {
        int status = Integer.parseInt(expected.substring(0, 3));
        Response answer = requests.get(row.endpoint()).send(fixtures.as(caller, row), row.area(), status < 300);
        assertThat(answer.statusCode()).as("%s; answered %s", name, answer.asString()).isEqualTo(status);
        if (status == 401 || status == 403 || status == 404) {
          assertThat(answer.contentType()).as(name).startsWith("application/problem+json");
        }
        if (expected.length() > 3) {
          assertThat(listings.get(row.endpoint()).lists(answer, row.area()))
              .as("%s: the answer lists the %s fixture", name, row.area()).isEqualTo(expected.endsWith("+"));
        }
      });
    }));
  }

  /** How each row is sent. */
  Map<String, Request> requests(Fixtures f) {
    return Map.ofEntries(
        entry("GET /api/v1/help-requests/categories", (as, at, fresh) -> as.get("/api/v1/help-requests/categories")),
        entry("POST /api/v1/help-requests", (as, at, fresh) ->
            as.body(Fixtures.newCase(OWN.grid())).post("/api/v1/help-requests")),
        entry("GET /api/v1/help-requests/{id}", (as, at, fresh) ->
            as.get("/api/v1/help-requests/{id}", f.helpRequest(at))),
        entry("GET /api/v1/help-requests/track/{trackingCode}", (as, at, fresh) ->
            f.fromAnAddressOfItsOwn(as).get("/api/v1/help-requests/track/{code}", f.trackingCode())),
        entry("POST /api/v1/help-requests/{id}/cancel", (as, at, fresh) ->
            as.body("{\"reason\": \"矩阵测试撤销\"}").post("/api/v1/help-requests/{id}/cancel",
                fresh ? f.newHelpRequest(at) : f.helpRequest(at))),
        entry("POST /api/v1/help-requests/{id}/hold", (as, at, fresh) ->
            as.body(Fixtures.hold()).post("/api/v1/help-requests/{id}/hold",
                fresh ? f.newHelpRequest(at) : f.helpRequest(at))),
        entry("POST /api/v1/help-requests/{id}/resume", (as, at, fresh) ->
            as.post("/api/v1/help-requests/{id}/resume", fresh ? f.newHelpRequestOnHold(at) : f.helpRequestOnHold(at))),
        entry("GET /api/v1/help-requests", (as, at, fresh) ->
            as.queryParam("gridCode", at.grid()).queryParam("size", 100).get("/api/v1/help-requests")),

        entry("GET /api/v1/check-ins/today", (as, at, fresh) ->
            f.onCheckInDay(() -> as.queryParam("gridCode", at.grid()).get("/api/v1/check-ins/today"))),
        entry("GET /api/v1/check-ins/{roundId}", (as, at, fresh) ->
            f.onCheckInDay(() -> as.get("/api/v1/check-ins/{id}", f.round(at)))),
        entry("POST /api/v1/check-ins/{roundId}/entries", (as, at, fresh) ->
            f.onCheckInDay(() -> as.body("{\"entries\": []}").post("/api/v1/check-ins/{id}/entries", f.round(at)))),

        entry("GET /api/v1/households", (as, at, fresh) -> as.queryParam("gridCode", at.grid())
            .queryParam("phone", f.household(at).phone()).get("/api/v1/households")),
        entry("POST /api/v1/households", (as, at, fresh) ->
            as.body(Household.unique(at).json()).post("/api/v1/households")),
        entry("GET /api/v1/households/{id}", (as, at, fresh) ->
            as.get("/api/v1/households/{id}", f.household(at).id())),
        entry("GET /api/v1/households/{id} unmasked", (as, at, fresh) -> as.queryParam("reveal", true)
            .queryParam("reason", "矩阵测试核对").get("/api/v1/households/{id}", f.household(at).id())),
        entry("PUT /api/v1/households/{id}", (as, at, fresh) ->
            as.body(f.household(at).json()).put("/api/v1/households/{id}", f.household(at).id())),
        entry("GET /api/v1/persons", (as, at, fresh) -> as.queryParam("gridCode", at.grid())
            .queryParam("name", f.person(at).name()).get("/api/v1/persons")),
        entry("POST /api/v1/persons", (as, at, fresh) ->
            as.body(Person.unique(f.household(at).id()).json()).post("/api/v1/persons")),
        entry("GET /api/v1/persons/{id}", (as, at, fresh) -> as.get("/api/v1/persons/{id}", f.person(at).id())),
        entry("GET /api/v1/persons/{id} unmasked", (as, at, fresh) -> as.queryParam("reveal", true)
            .queryParam("reason", "矩阵测试核对").get("/api/v1/persons/{id}", f.person(at).id())),
        entry("PUT /api/v1/persons/{id}", (as, at, fresh) ->
            as.body(f.person(at).json()).put("/api/v1/persons/{id}", f.person(at).id())),
        entry("POST /api/v1/register/import text/csv", (as, at, fresh) -> as.contentType("text/csv; charset=UTF-8")
            .body(Household.unique(at).csv()).post("/api/v1/register/import?atomic=true")),
        entry("POST /api/v1/register/import multipart/form-data", (as, at, fresh) ->
            as.contentType("multipart/form-data").multiPart("file", "households.csv",
                Household.unique(at).csv().getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/register/import?atomic=true")),
        entry("GET /api/v1/register/export", (as, at, fresh) ->
            as.queryParam("type", "HOUSEHOLDS").queryParam("gridCode", at.grid()).get("/api/v1/register/export")),
        entry("GET /api/v1/register/export unmasked", (as, at, fresh) -> as.queryParam("type", "HOUSEHOLDS")
            .queryParam("gridCode", at.grid()).queryParam("reveal", true).queryParam("reason", "矩阵测试核对")
            .get("/api/v1/register/export")),

        entry("POST /api/v1/medicine-requests", (as, at, fresh) ->
            as.body(Fixtures.newDelivery(OWN.grid())).post("/api/v1/medicine-requests")),
        entry("GET /api/v1/medicine-requests/{id}", (as, at, fresh) ->
            as.get("/api/v1/medicine-requests/{id}", f.delivery(at))),
        entry("POST /api/v1/medicine-requests/{id}/cancel", (as, at, fresh) ->
            as.body("{\"reason\": \"矩阵测试撤销\"}").post("/api/v1/medicine-requests/{id}/cancel",
                fresh ? f.newDelivery(at) : f.delivery(at))),
        entry("POST /api/v1/medicine-requests/{id}/visit", (as, at, fresh) ->
            as.body("{\"outcome\": \"NOT_AT_HOME\", \"note\": \"矩阵测试: 敲门无人\"}")
                .post("/api/v1/medicine-requests/{id}/visit", fresh ? f.newDeliveryOnTheWay(at) : f.deliveryOnTheWay(at))),
        entry("POST /api/v1/campaigns", (as, at, fresh) -> as.body(Fixtures.campaign(OWN.grid()))
            .post("/api/v1/campaigns")),
        entry("GET /api/v1/campaigns/{id}", (as, at, fresh) -> as.get("/api/v1/campaigns/{id}", f.campaign(at))),
        entry("GET /api/v1/campaigns/{id}/export", (as, at, fresh) ->
            as.get("/api/v1/campaigns/{id}/export", f.campaign(at))),
        entry("GET /api/v1/campaigns/{id}/grids/{gridCode}/households", (as, at, fresh) ->
            as.get("/api/v1/campaigns/{id}/grids/{gridCode}/households", f.campaign(at), at.grid())),
        entry("POST /api/v1/campaigns/{id}/deliveries", (as, at, fresh) ->
            as.body("{\"deliveries\": [{\"householdId\": " + f.campaignHousehold(at) + ", \"outcome\": \"NOT_AT_HOME\"}]}")
                .post("/api/v1/campaigns/{id}/deliveries", f.campaign(at))),
        entry("GET /api/v1/stock", (as, at, fresh) -> as.queryParam("siteCode", "PH-JH-LL").get("/api/v1/stock")),
        entry("GET /api/v1/stock/export", (as, at, fresh) ->
            as.queryParam("siteCode", "PH-JH-LL").get("/api/v1/stock/export")),
        entry("GET /api/v1/stock/movements", (as, at, fresh) ->
            as.queryParam("siteCode", "PH-JH-LL").get("/api/v1/stock/movements")),
        entry("GET /api/v1/stock/movements/export", (as, at, fresh) ->
            as.queryParam("siteCode", "PH-JH-LL").get("/api/v1/stock/movements/export")),
        entry("POST /api/v1/stock/receipts pharmacy", (as, at, fresh) ->
            as.body(Fixtures.receipt("PH-JH-LL")).post("/api/v1/stock/receipts")),
        entry("POST /api/v1/stock/receipts warehouse", (as, at, fresh) ->
            as.body(Fixtures.receipt("WH-JH")).post("/api/v1/stock/receipts")),
        entry("POST /api/v1/stock/adjustments pharmacy", (as, at, fresh) ->
            as.body(Fixtures.adjustment("PH-JH-LL")).post("/api/v1/stock/adjustments")),
        entry("POST /api/v1/stock/adjustments warehouse", (as, at, fresh) ->
            as.body(Fixtures.adjustment("WH-JH")).post("/api/v1/stock/adjustments")),
        entry("POST /api/v1/stock/transfers pharmacy", (as, at, fresh) ->
            as.body(Fixtures.transfer("PH-JH-LL", "PH-JH-WH")).post("/api/v1/stock/transfers")),
        entry("POST /api/v1/stock/transfers warehouse", (as, at, fresh) ->
            as.body(Fixtures.transfer("WH-JH", "PH-JH-LL")).post("/api/v1/stock/transfers")),
        entry("GET /api/v1/supplies/sites", (as, at, fresh) -> as.get("/api/v1/supplies/sites")),
        entry("POST /api/v1/supplies/sites", (as, at, fresh) -> as.body(Fixtures.supplySite()).post("/api/v1/supplies/sites")),
        entry("GET /api/v1/supplies/items", (as, at, fresh) -> as.get("/api/v1/supplies/items")),
        entry("POST /api/v1/supplies/items", (as, at, fresh) -> as.body(Fixtures.supplyItem()).post("/api/v1/supplies/items")),

        entry("POST /api/v1/appeals", (as, at, fresh) -> as.body(Fixtures.appeal()).post("/api/v1/appeals")),
        entry("GET /api/v1/appeals", (as, at, fresh) -> as.get("/api/v1/appeals")),
        entry("GET /api/v1/appeals/{id}", (as, at, fresh) -> as.get("/api/v1/appeals/{id}", f.appeal(OWN))),
        entry("POST /api/v1/appeals/{id}/close", (as, at, fresh) ->
            as.post("/api/v1/appeals/{id}/close", fresh ? f.newAppeal(at) : f.appeal(at))),
        entry("POST /api/v1/appeals/{id}/pledges", (as, at, fresh) ->
            as.body(Fixtures.pledge()).post("/api/v1/appeals/{id}/pledges", f.goodsAppeal())),
        entry("GET /api/v1/pledges/{id}", (as, at, fresh) -> as.get("/api/v1/pledges/{id}", f.pledge(at))),
        entry("GET /api/v1/public/donation-report", (as, at, fresh) -> f.fromAnAddressOfItsOwn(as)
            .queryParam("appealId", f.goodsAppeal()).get("/api/v1/public/donation-report")),
        entry("GET /api/v1/public/donation-report/print", (as, at, fresh) -> f.fromAnAddressOfItsOwn(as)
            .queryParam("appealId", f.goodsAppeal()).get("/api/v1/public/donation-report/print")),
        entry("GET /api/v1/public/donation-report/export", (as, at, fresh) -> f.fromAnAddressOfItsOwn(as)
            .queryParam("appealId", f.goodsAppeal()).get("/api/v1/public/donation-report/export")),
        entry("POST /api/v1/donations", (as, at, fresh) -> as.body(Fixtures.gift()).post("/api/v1/donations")),
        entry("POST /api/v1/donations/desk", (as, at, fresh) -> as.body("""
            {"channel": "CASH", "amount": "50.00", "donorName": "矩阵测试捐赠人"}""").post("/api/v1/donations/desk")),
        entry("POST /api/v1/donations/confirmations", (as, at, fresh) ->
            as.body("{\"transactionId\": \"" + f.giftTransaction(at) + "\"}").post("/api/v1/donations/confirmations")),
        entry("GET /api/v1/donations/{id}", (as, at, fresh) -> as.get("/api/v1/donations/{id}", f.gift(at))),
        entry("POST /api/v1/donations/{id}/refunds", (as, at, fresh) -> as.body("{\"amount\": \"0.01\","
            + " \"reason\": \"矩阵测试退款\"}").post("/api/v1/donations/{id}/refunds", f.confirmedGift())),
        entry("POST /api/v1/donations/{id}/corrections", (as, at, fresh) -> as.body("{\"amount\": \"-0.01\","
            + " \"reason\": \"矩阵测试更正\"}").post("/api/v1/donations/{id}/corrections", f.confirmedGift())),
        entry("GET /api/v1/areas", (as, at, fresh) -> as.queryParam("level", "STREET").get("/api/v1/areas")),
        entry("GET /api/v1/areas/{code}", (as, at, fresh) -> as.get("/api/v1/areas/{code}", OWN.grid())),
        entry("GET /api/v1/areas/resolve", (as, at, fresh) ->
            as.queryParam("gridCode", OWN.grid()).get("/api/v1/areas/resolve")),
        entry("POST /api/v1/areas", (as, at, fresh) -> as.body(Fixtures.minimalUnit()).post("/api/v1/areas")),
        entry("GET /api/v1/staff", (as, at, fresh) -> as.queryParam("role", "STREET").get("/api/v1/staff")),
        entry("GET /api/v1/staff/{userId}", (as, at, fresh) -> as.get("/api/v1/staff/{id}", Caller.GRID_STAFF.userId)),
        entry("POST /api/v1/staff", (as, at, fresh) -> as.body(Fixtures.volunteer("matrix-volunteer-" + unique(), true))
            .post("/api/v1/staff")),
        entry("PUT /api/v1/staff/{userId}", (as, at, fresh) ->
            as.body(Fixtures.volunteer(f.volunteer(), false)).put("/api/v1/staff/{id}", f.volunteer())),
        entry("POST /api/v1/api-keys", (as, at, fresh) -> as.body(Fixtures.newKey()).post("/api/v1/api-keys")),
        entry("GET /api/v1/api-keys", (as, at, fresh) -> as.get("/api/v1/api-keys")),
        entry("DELETE /api/v1/api-keys/{id}", (as, at, fresh) ->
            as.delete("/api/v1/api-keys/{id}", fresh ? f.newSpareKey() : f.spareKey())),
        entry("GET /api/v1/dashboard", (as, at, fresh) -> as.get("/api/v1/dashboard")));
  }

  /** How the rows answered 200+ and 200- are read. */
  Map<String, Listing> listings(Fixtures f) {
    return Map.of(
        "GET /api/v1/help-requests", (answer, at) ->
            answer.jsonPath().getList("items.id", Long.class).contains(f.helpRequest(at)),
        "GET /api/v1/households", (answer, at) ->
            answer.jsonPath().getList("items.id", Long.class).contains(f.household(at).id()),
        "GET /api/v1/persons", (answer, at) ->
            answer.jsonPath().getList("items.id", Long.class).contains(f.person(at).id()),
        "GET /api/v1/register/export", (answer, at) -> answer.asString().contains(f.household(at).address()),
        "GET /api/v1/dashboard", (answer, at) -> answer.jsonPath().getList("areas.code").contains(at.grid()));
  }

  static long unique() {
    return UNIQUE.incrementAndGet();
  }

  record Household(long id, String address, String grid, String phone) {

    static Household unique(Area area) {
      long n = AuthorizationMatrixTests.unique();
      return new Household(0, "矩阵测试楼" + n + "号", area.grid(), "137" + String.format("%08d", n % 100_000_000));
    }

    String json() {
      return """
          {"address": "%s", "gridCode": "%s", "phone": "%s", "size": 2, "recipientGroup": "ORDINARY"}"""
          .formatted(address, grid, phone);
    }

    String csv() {
      return "address,gridCode,phone,size\r\n" + address + "," + grid + "," + phone + ",2\r\n";
    }
  }

  record Person(long id, long householdId, String name) {

    static Person unique(long householdId) {
      return new Person(0, householdId, "矩阵测试" + AuthorizationMatrixTests.unique());
    }

    String json() {
      return """
          {"householdId": %d, "name": "%s", "birthYear": 1942, "flags": ["ELDERLY_ALONE"],
           "checkInBy": "网格员", "checkInEveryDays": 1}""".formatted(householdId, name);
    }
  }

  /** The things the cells ask about, made once (or per cell, where a success changes them). */
  final class Fixtures {

    private final String allOperationsKey;
    private final Map<String, String> keysWithout = new HashMap<>();
    private final Map<Area, Long> helpRequests = new EnumMap<>(Area.class);
    private final Map<Area, Long> helpRequestsOnHold = new EnumMap<>(Area.class);
    private final Map<Area, Long> deliveries = new EnumMap<>(Area.class);
    private final Map<Area, Long> deliveriesOnTheWay = new EnumMap<>(Area.class);
    private final Map<Area, Long> campaigns = new EnumMap<>(Area.class);
    private final Map<Area, Household> households = new EnumMap<>(Area.class);
    private final Map<Area, Person> persons = new EnumMap<>(Area.class);
    private final Map<Area, Long> rounds = new EnumMap<>(Area.class);
    private final Map<Area, Long> appeals = new EnumMap<>(Area.class);
    private final Map<Area, Map<String, Object>> gifts = new EnumMap<>(Area.class);
    private Long confirmedGift;
    private Long goodsAppeal;
    private final Map<Area, Long> pledges = new EnumMap<>(Area.class);
    private String trackingCode;
    private String volunteer;
    private Long spareKey;
    private final String clientAddress = "127.0.%d.%d".formatted(ThreadLocalRandom.current().nextInt(1, 255),
        ThreadLocalRandom.current().nextInt(1, 255));

    Fixtures() {
      allOperationsKey = key("matrix-all-" + unique(), Set.of(ApiOperations.ALL));
    }

    RequestSpecification as(Caller caller, Row row) {
      return switch (caller) {
        case ANONYMOUS -> Api.anonymous();
        case KEY_WITH_OPERATION -> Api.withKey(allOperationsKey);
        case KEY_WITHOUT_OPERATION -> Api.withKey(keyWithout(row.operation()));
        default -> Api.as(caller.userId);
      };
    }

    private String keyWithout(String operation) {
      return keysWithout.computeIfAbsent(String.valueOf(operation), op -> {
        Set<String> allowed = operations.stream().flatMap(module -> module.names().stream())
            .filter(name -> !name.equals(operation)).collect(Collectors.toCollection(LinkedHashSet::new));
        return key("matrix-without-" + unique(), allowed);
      });
    }

    private static String key(String name, Set<String> allowed) {
      String list = allowed.stream().map(op -> "\"" + op + "\"").collect(Collectors.joining(","));
      return Api.admin().body("{\"name\": \"" + name + "\", \"operations\": [" + list + "]}").post("/api/v1/api-keys")
          .then().statusCode(201).extract().path("key");
    }

    // ---- help requests: OWN was sent by key+, OTHER by the hotline ---------------------------

    static String newCase(String grid) {
      return """
          {"callerName": "矩阵测试", "callerPhone": "139%08d", "gridCode": "%s", "category": "QUESTION",
           "description": "矩阵测试: 咨询核酸检测时间"}""".formatted(unique() % 100_000_000, grid);
    }

    static String hold() {
      return "{\"reason\": \"居民约定稍后再来\", \"resumeAt\": \"" + Instant.now().plus(Duration.ofHours(3)) + "\"}";
    }

    long newHelpRequest(Area area) {
      RequestSpecification sender = area == OTHER ? Api.as(Caller.HOTLINE.userId) : Api.withKey(allOperationsKey);
      var created = sender.body(newCase(area.grid())).post("/api/v1/help-requests").then().statusCode(201).extract();
      if (area != OTHER && trackingCode == null) {
        trackingCode = created.path("trackingCode");
      }
      return ((Number) created.path("id")).longValue();
    }

    long newHelpRequestOnHold(Area area) {
      long id = newHelpRequest(area);
      Api.as(area.gridWorker()).body(hold()).post("/api/v1/help-requests/{id}/hold", id).then().statusCode(200);
      return id;
    }

    // ---- medicine deliveries: OWN asked for by key+, OTHER by the hotline -----------------------

    static String newDelivery(String grid) {
      return """
          {"recipientName": "矩阵测试", "recipientPhone": "138%08d", "recipientAddress": "矩阵测试楼",
           "gridCode": "%s", "lines": [{"itemCode": "MED-IBUPROFEN", "quantity": 1}]}"""
          .formatted(unique() % 100_000_000, grid);
    }

    long newDelivery(Area area) {
      RequestSpecification sender = area == OTHER ? Api.as(Caller.HOTLINE.userId) : Api.withKey(allOperationsKey);
      return ((Number) sender.body(newDelivery(area.grid())).post("/api/v1/medicine-requests").then()
          .statusCode(201).extract().path("id")).longValue();
    }

    long delivery(Area area) {
      return deliveries.computeIfAbsent(area, this::newDelivery);
    }

    // ---- care-pack campaigns: OWN started by 礼乐街道's office, OTHER by the district command --------

    static String campaign(String grid) {
      return """
          {"name": "矩阵测试早餐包", "areaCodes": ["%s"], "packTypes": ["BREAKFAST"]}""".formatted(grid);
    }

    /** A campaign over the area's grid whose packs the warehouse handed over: the grid delivers. */
    long campaign(Area area) {
      return campaigns.computeIfAbsent(area, a -> {
        long id = ((Number) Api.as(a == OTHER ? Caller.DISTRICT_COMMAND.userId : Caller.STREET.userId)
            .body(campaign(a.grid())).post("/api/v1/campaigns").then().statusCode(201).extract().path("id"))
            .longValue();
        Task handOver = tasks.createTaskQuery().processInstanceBusinessKey(CarePackProcess.businessKey(id))
            .taskDefinitionKey(CarePackProcess.TASK_HAND_OVER).singleResult();
        tasks.complete(handOver.getId());
        return id;
      });
    }

    long campaignHousehold(Area area) {
      return ((Number) Api.admin().get("/api/v1/campaigns/{id}/grids/{gridCode}/households", campaign(area),
          area.grid()).then().statusCode(200).extract().path("[0].householdId")).longValue();
    }

    /** A delivery the street's volunteer took and picked up: on its way to the door. */
    long newDeliveryOnTheWay(Area area) {
      long id = newDelivery(area);
      Task pickUp = tasks.createTaskQuery().processInstanceBusinessKey(MedicineDeliveryProcess.businessKey(id))
          .taskDefinitionKey(MedicineDeliveryProcess.TASK_PICK_UP).singleResult();
      tasks.claim(pickUp.getId(), area.courier());
      tasks.complete(pickUp.getId());
      return id;
    }

    long deliveryOnTheWay(Area area) {
      return deliveriesOnTheWay.computeIfAbsent(area, this::newDeliveryOnTheWay);
    }

    long helpRequest(Area area) {
      return helpRequests.computeIfAbsent(area, this::newHelpRequest);
    }

    long helpRequestOnHold(Area area) {
      return helpRequestsOnHold.computeIfAbsent(area, this::newHelpRequestOnHold);
    }

    String trackingCode() {
      helpRequest(OWN);
      return trackingCode;
    }

    /**
     * The public tracking page counts requests per client address; other tests spend the
     * limit of 127.0.0.1. These requests come from a loopback address of their own.
     */
    RequestSpecification fromAnAddressOfItsOwn(RequestSpecification as) {
      try {
        return as.baseUri("http://127.0.0.1").config(RestAssured.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.route.local-address", InetAddress.getByName(clientAddress))));
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    // ---- the register: a household with a person in each area, made by the administrator ----

    Household household(Area area) {
      return households.computeIfAbsent(area, at -> {
        Household h = Household.unique(at);
        long id = ((Number) Api.admin().body(h.json()).post("/api/v1/households").then().statusCode(201).extract()
            .path("id")).longValue();
        return new Household(id, h.address(), h.grid(), h.phone());
      });
    }

    Person person(Area area) {
      return persons.computeIfAbsent(area, at -> {
        Person p = Person.unique(household(at).id());
        long id = ((Number) Api.admin().body(p.json()).post("/api/v1/persons").then().statusCode(201).extract()
            .path("id")).longValue();
        return new Person(id, p.householdId(), p.name());
      });
    }

    // ---- check-ins: the rounds of a day of their own, on which the check-in rows are sent ---

    long round(Area area) {
      prepareRounds();
      return rounds.get(area);
    }

    /** The rounds of the day: one for each grid with people due, the fixture persons among them. */
    private void prepareRounds() {
      if (!rounds.isEmpty()) {
        return;
      }
      person(OWN);
      person(OTHER);
      checkIns.prepare(CHECK_IN_DAY);
      for (Area at : List.of(OWN, OTHER)) {
        rounds.put(at, onTheDay(() -> Api.admin().queryParam("gridCode", at.grid()).get("/api/v1/check-ins/today"))
            .then().statusCode(200).extract().jsonPath().getLong("id"));
      }
    }

    /** The call made on the check-in day: the engine's clock (every clock of the application) moves there. */
    Response onCheckInDay(Supplier<Response> call) {
      prepareRounds();
      return onTheDay(call);
    }

    private static Response onTheDay(Supplier<Response> call) {
      ClockUtil.setCurrentTime(Date.from(CHECK_IN_DAY.atTime(9, 0).atZone(CHINA).toInstant()));
      try {
        return call.get();
      } finally {
        ClockUtil.reset();
      }
    }

    // ---- supplies: the demo sites' stock, one unit a cell ----------------------------------------

    static String receipt(String site) {
      return """
          {"siteCode": "%s", "itemCode": "MED-IBUPROFEN", "quantity": 1, "reason": "矩阵测试到货"}""".formatted(site);
    }

    static String adjustment(String site) {
      return """
          {"siteCode": "%s", "itemCode": "MED-IBUPROFEN", "change": 1, "reason": "矩阵测试盘盈"}""".formatted(site);
    }

    static String transfer(String from, String to) {
      return """
          {"fromSiteCode": "%s", "toSiteCode": "%s", "itemCode": "MED-IBUPROFEN", "quantity": 1}""".formatted(from, to);
    }

    static String supplySite() {
      long n = unique();
      return """
          {"code": "MATRIX-%d", "name": "矩阵测试采样点%d", "kind": "SAMPLING_SITE", "areaCode": "JH-LL-ZF"}"""
          .formatted(n, n);
    }

    static String supplyItem() {
      long n = unique();
      return """
          {"code": "MATRIX-%d", "name": "矩阵测试物资%d", "unit": "盒", "category": "OTHER"}""".formatted(n, n);
    }

    // ---- donations: OWN was opened by 礼乐街道's office, OTHER by the donation desk -------------

    static String appeal() {
      return """
          {"title": "矩阵测试捐款%d", "kind": "MONEY", "targetAmount": "1000.00", "deadline": "%s"}"""
          .formatted(unique(), Instant.now().plus(Duration.ofDays(7)));
    }

    long newAppeal(Area area) {
      String opener = area == OTHER ? Caller.DONATION_DESK.userId : Caller.STREET.userId;
      return ((Number) Api.as(opener).body(appeal()).post("/api/v1/appeals").then().statusCode(201).extract()
          .path("id")).longValue();
    }

    long appeal(Area area) {
      return appeals.computeIfAbsent(area, this::newAppeal);
    }

    /** A pledge of a box of rice to 中福社区's centre tomorrow. */
    static String pledge() {
      return """
          {"donorName": "矩阵测试捐赠人", "quantity": 1, "siteCode": "CC-JH-LL-ZF", "promisedOn": "%s"}"""
          .formatted(LocalDate.now(CHINA).plusDays(1));
    }

    long goodsAppeal() {
      if (goodsAppeal == null) {
        goodsAppeal = ((Number) Api.as(Caller.DONATION_DESK.userId).body("""
            {"title": "矩阵测试募集大米", "kind": "GOODS", "itemCode": "FOOD-RICE", "targetQuantity": 100000,
             "deadline": "%s", "siteCodes": ["CC-JH-LL-ZF"]}""".formatted(Instant.now().plus(Duration.ofDays(7))))
            .post("/api/v1/appeals").then().statusCode(201).extract().path("id")).longValue();
      }
      return goodsAppeal;
    }

    /** OWN: sent by key+; OTHER: by the donation desk. */
    long pledge(Area area) {
      return pledges.computeIfAbsent(area, at -> ((Number) (at == OTHER ? Api.as(Caller.DONATION_DESK.userId)
          : Api.withKey(allOperationsKey)).body(pledge()).post("/api/v1/appeals/{id}/pledges", goodsAppeal()).then()
          .statusCode(201).extract().path("id")).longValue());
    }

    /** A gift of 1,000 yuan with its own transaction id, as the platform sends it. */
    static String gift() {
      return """
          {"transactionId": "MATRIX-%d", "amount": "1000.00", "donorName": "矩阵测试捐赠人", "anonymous": false}"""
          .formatted(unique());
    }

    /** OWN: sent by key+; OTHER: by a platform key of its own. */
    private Map<String, Object> sentGift(Area area) {
      return gifts.computeIfAbsent(area, at -> {
        String key = at == OTHER ? key("matrix-platform-" + unique(), Set.of(PLATFORM)) : allOperationsKey;
        String body = gift();
        var created = Api.withKey(key).body(body).post("/api/v1/donations").then().statusCode(201).extract();
        return Map.of("id", ((Number) created.path("id")).longValue(), "transactionId", created.path("transactionId"),
            "key", key);
      });
    }

    long gift(Area area) {
      return (Long) sentGift(area).get("id");
    }

    String giftTransaction(Area area) {
      return (String) sentGift(area).get("transactionId");
    }

    /** A confirmed gift of 1,000 yuan: every refund and correction of the table takes a fen of it. */
    long confirmedGift() {
      if (confirmedGift == null) {
        Map<String, Object> gift = sentGift(OTHER);
        Api.withKey((String) gift.get("key")).body("{\"transactionId\": \"" + gift.get("transactionId") + "\"}")
            .post("/api/v1/donations/confirmations").then().statusCode(200);
        confirmedGift = (Long) gift.get("id");
      }
      return confirmedGift;
    }

    // ---- organisation and keys ---------------------------------------------------------------

    /** Under a grid whose minimal units no other test counts. */
    static String minimalUnit() {
      long n = unique();
      return """
          {"code": "JH-LL-YM-03-M%d", "parentCode": "JH-LL-YM-03", "level": "MINIMAL_UNIT",
           "name": "矩阵测试楼%d", "address": "矩阵测试楼%d"}""".formatted(n, n, n);
    }

    static String volunteer(String userId, boolean withId) {
      String fields = "\"displayName\": \"矩阵测试志愿者\", \"role\": \"VOLUNTEER\", \"areaCode\": \"JH-LL\"";
      return withId ? "{\"userId\": \"" + userId + "\", " + fields + "}" : "{" + fields + "}";
    }

    String volunteer() {
      if (volunteer == null) {
        volunteer = "matrix-volunteer-" + unique();
        Api.admin().body(volunteer(volunteer, true)).post("/api/v1/staff").then().statusCode(201);
      }
      return volunteer;
    }

    static String newKey() {
      return "{\"name\": \"matrix-" + unique() + "\", \"operations\": [\"areas:read\"]}";
    }

    long newSpareKey() {
      return ((Number) Api.admin().body(newKey()).post("/api/v1/api-keys").then().statusCode(201).extract().path("id"))
          .longValue();
    }

    long spareKey() {
      if (spareKey == null) {
        spareKey = newSpareKey();
      }
      return spareKey;
    }
  }
}
