package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.gridaid.test.Browser;
import org.gridaid.checkin.CheckInMorning;
import org.gridaid.test.ModuleEvents;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a grid worker with 500 people on today's check-in list waits for: Tasklist's list of
 * the grid's tasks and the opening of 今日电话随访 (the calls Tasklist makes, over HTTP with the
 * worker's session; and in the real browser until all 500 rows are on screen), the phone
 * app's list, and sending 500 outcomes back. On PostgreSQL; not part of the test suite: run it
 * with {@code ./mvnw test -Pbenchmark -Dtest=CheckInListBenchmark}. The figures go to the
 * console and to target/benchmark/check-in-list.md.
 */
@Tag("benchmark")
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // the morning timer is fired by hand; nothing else runs in the background while measuring
    "camunda.bpm.job-execution.enabled=false",
    "logging.level.org.gridaid=WARN"})
class CheckInListBenchmark {

  static final String GRID = "JH-JN-NS-01";
  static final String WORKER = "grid-jiangnan-nanshan-01";
  static final String FILTER = "南山村第1网格 · 网格任务";
  static final int LISTED = 500;
  static final int REPEAT = Integer.getInteger("benchmark.repeat", 20);
  static final int WARM_UP = 3;
  static final int BROWSER_OPENS = Integer.getInteger("benchmark.browserOpens", 5);
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort
  int port;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  FilterService filters;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ThreadPoolTaskExecutor applicationTaskExecutor;

  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** Tasklist's calls travel in the worker's webapp session. */
  HttpClient session;
  final List<Row> rows = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  /** What the machine spent on the morning start and the submit, rows of a {@link ResourceMeter.Cost} table. */
  final List<String> costs = new ArrayList<>();
  long errors;

  record Row(String what, int runs, long p50Micros, long p99Micros, long maxMicros, long errors) {}

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void openingAndSendingBackTheListOfAGridWith500People() throws Exception {
    assertThat(TestDatabaseInitializer.onPostgres()).as("the benchmark runs on PostgreSQL").isTrue();
    // one day for the whole run, even across midnight
    ClockUtil.setCurrentTime(new Date());
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();

    long demoListed = jdbc.sql("select count(*) from person p join household h on h.id = p.household_id"
        + " where h.grid_code = ? and p.check_in_every_days is not null").param(GRID).query(Long.class).single();
    int toImport = LISTED - (int) demoListed;
    long started = System.nanoTime();
    importPeople(toImport);
    single("import " + toImport + " listed persons (" + households(toImport) + " households first; CSV, one request each)",
        started);

    ResourceMeter meter = new ResourceMeter(jdbc);
    ResourceMeter.Reading beforeMorning = meter.read();
    started = System.nanoTime();
    // the timer job, then each grid's round in a job of its own, one after the other as one node would
    for (Job gridRound : CheckInMorning.timerFires(management, runtime)) {
      management.executeJob(gridRound.getId());
    }
    long morningMicros = (System.nanoTime() - started) / 1_000;
    long rounds = jdbc.sql("select count(*) from check_in_round where check_day = ?")
        .param(java.sql.Date.valueOf(today)).query(Long.class).single();
    long entries = jdbc.sql("select count(*) from check_in_entry e join check_in_round r on r.id = e.round_id"
        + " where r.check_day = ?").param(java.sql.Date.valueOf(today)).query(Long.class).single();
    rows.add(row("morning start (" + rounds + " grids' rounds with " + entries
        + " people: the timer job and one job per round)", List.of(morningMicros), 0));
    costs.add(beforeMorning.to(meter.read()).perUnit("morning start, a person listed (" + rounds + " rounds)",
        entries));

    long round = jdbc.sql("select id from check_in_round where grid_code = ? and check_day = ?")
        .params(GRID, java.sql.Date.valueOf(today)).query(Long.class).single();
    assertThat(jdbc.sql("select count(*) from check_in_entry where round_id = ?").param(round).query(Long.class)
        .single()).as("today's list of " + GRID).isEqualTo(LISTED);
    String taskId = tasks.createTaskQuery().taskDefinitionKey("userTask_callPeople").taskCandidateGroup("grid-" + GRID)
        .singleResult().getId();
    String filterId = filters.createFilterQuery().filterName(FILTER).singleResult().getId();
    notes.add("grid " + GRID + ": " + demoListed + " people listed by the demo register + " + toImport
        + " imported = " + LISTED + " on today's list");

    // (a) the calls Tasklist makes, as the browser sends them (session cookie, XSRF token)
    TasklistSession tasklist = TasklistSession.signIn(base(), WORKER, "demo");
    session = tasklist.http();
    HttpRequest list = tasklist.post(WEBAPP_ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=15", """
        {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,\
        "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""");
    HttpRequest task = tasklist.get(WEBAPP_ENGINE + "/task/" + taskId);
    HttpRequest form = tasklist.get(WEBAPP_ENGINE + "/task/" + taskId + "/form");
    HttpRequest deployedForm = tasklist.get(WEBAPP_ENGINE + "/task/" + taskId + "/deployed-form?noCache=1");
    HttpRequest formVariables = tasklist.get(WEBAPP_ENGINE + "/task/" + taskId + "/form-variables?deserializeValues=false");
    JsonNode listed = json.readTree(send(list).body());
    assertThat(listed.path("count").asInt()).isEqualTo(1);
    assertThat(listed.path("_embedded").path("task").get(0).path("id").asText()).isEqualTo(taskId);
    JsonNode variables = json.readTree(send(formVariables).body());
    ArrayNode people = (ArrayNode) json.readTree(variables.path("people").path("value").asText());
    assertThat(people).as("the list Tasklist's form gets").hasSize(LISTED);

    measure("Tasklist: the grid filter's list and count (POST .../filter/{id}/list?firstResult=0&maxResults=15)",
        () -> send(list));
    measure("Tasklist: GET .../task/{id}", () -> send(task));
    measure("Tasklist: GET .../task/{id}/form", () -> send(form));
    measure("Tasklist: GET .../task/{id}/deployed-form", () -> send(deployedForm));
    measure("Tasklist: GET .../task/{id}/form-variables (the 500-person list, " + kilobytes(send(formVariables))
        + ")", () -> send(formVariables));
    measure("Tasklist: open the task (those 4 calls one after another, as Tasklist makes them)", () -> {
      send(task);
      send(form);
      send(deployedForm);
      return send(formVariables);
    });
    measure("Tasklist: list, then open the task (5 calls)", () -> {
      send(list);
      send(task);
      send(form);
      send(deployedForm);
      return send(formVariables);
    });
    String basic = "Basic " + Base64.getEncoder().encodeToString((WORKER + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpRequest[] engineRest = {
        basic(basic, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", """
            {"sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}"""),
        basic(basic, "/engine-rest/task/" + taskId, null), basic(basic, "/engine-rest/task/" + taskId + "/form", null),
        basic(basic, "/engine-rest/task/" + taskId + "/deployed-form", null),
        basic(basic, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", null)};
    measure("same 5 calls over /engine-rest with HTTP Basic", () -> {
      HttpResponse<byte[]> last = null;
      for (HttpRequest request : engineRest) {
        last = send(request);
      }
      return last;
    });

    // (b) the phone app
    HttpRequest phoneList = HttpRequest.newBuilder(URI.create(base() + "/api/v1/check-ins/today?gridCode=" + GRID))
        .header("Authorization", basic).header("Accept", "application/json").GET().build();
    assertThat(json.readTree(send(phoneList).body()).path("entries")).hasSize(LISTED);
    measure("phone app: GET /api/v1/check-ins/today?gridCode=" + GRID + " (" + kilobytes(send(phoneList)) + ")",
        () -> send(phoneList));

    // (c) what the worker sees: from the click on the task to the 500 rows drawn
    tasks.claim(taskId, WORKER);
    inTheBrowser(filterId, taskId);

    // (d) 500 outcomes back, as Tasklist's form sends them
    List<String> needing = List.of("压测随访025", "压测随访100", "压测随访200", "压测随访300", "压测随访400");
    for (JsonNode item : people) {
      ObjectNode person = (ObjectNode) item;
      if (needing.contains(person.path("name").asText())) {
        person.put("outcome", "NEEDS_HELP").put("needCategory", "LIVING_SUPPLIES").put("need", "家里米快吃完了");
      } else {
        person.put("outcome", "FINE");
      }
    }
    ObjectNode submit = json.createObjectNode();
    submit.putObject("variables").putObject("people").put("type", "Json").put("value", json.writeValueAsString(people));
    HttpRequest submitForm = basic(basic, "/engine-rest/task/" + taskId + "/submit-form", json.writeValueAsString(submit));
    ResourceMeter.Reading beforeSubmit = meter.read();
    started = System.nanoTime();
    HttpResponse<byte[]> submitted = send(submitForm);
    // the needs become help requests after the list committed, on the application's task executor
    ModuleEvents.awaitHandled(applicationTaskExecutor);
    costs.add(beforeSubmit.to(meter.read()).perUnit("submit-form, an outcome recorded (" + count("NEEDS_HELP", people)
        + " needs filed as help requests among them)", LISTED));
    single("submit-form with " + LISTED + " outcomes, as Tasklist's form sends them, until its "
        + count("NEEDS_HELP", people) + " needs are help requests", started);
    assertThat(submitted.statusCode()).as(new String(submitted.body(), StandardCharsets.UTF_8)).isEqualTo(204);
    assertThat(jdbc.sql("select status from check_in_round where id = ?").param(round).query(String.class).single())
        .isEqualTo("COMPLETED");
    assertThat(jdbc.sql("select count(*) from check_in_entry where round_id = ? and outcome is not null").param(round)
        .query(Long.class).single()).isEqualTo(LISTED);
    assertThat(jdbc.sql("select count(*) from check_in_entry e join help_request r on r.id = e.help_request_id"
            + " where e.round_id = ? and r.grid_code = ?").params(round, GRID).query(Long.class).single())
        .isEqualTo(count("NEEDS_HELP", people));

    String report = report();
    System.out.println(report);
    Path file = Path.of("target", "benchmark", "check-in-list.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    assertThat(errors).as("failed requests").isZero();
  }

  private void inTheBrowser(String filterId, String taskId) throws Exception {
    Browser browser;
    try {
      browser = Browser.open(port);
    } catch (TestAbortedException e) {
      notes.add("browser figures skipped: " + e.getMessage());
      return;
    }
    try (browser) {
      browser.windowSize(1400, 1000);
      browser.go(Browser.TASKLIST).signIn(WORKER, "demo").click(Browser.filter(FILTER));
      String link = Browser.taskLinkCss(taskId);
      List<Long> opens = new ArrayList<>();
      long first = 0;
      for (int i = 0; i < WARM_UP + BROWSER_OPENS; i++) {
        // back to the list without a task open, then click the task
        browser.go(Browser.TASKLIST + "#/?filter=" + filterId);
        browser.element(org.openqa.selenium.By.cssSelector(link));
        browser.waitUntilGone(org.openqa.selenium.By.cssSelector(NAME_INPUTS));
        long millis = ((Number) browser.scriptAsync(Duration.ofSeconds(60), OPEN_AND_WAIT, link, LISTED)).longValue();
        if (millis < 0) {
          errors++;
        } else if (i == 0) {
          first = millis * 1000;
        } else if (i >= WARM_UP) {
          opens.add(millis * 1000);
        }
      }
      rows.add(row("browser: click on the task in Tasklist's list → all " + LISTED + " rows drawn", opens, 0));
      rows.add(row("browser: the same, the first time after signing in", List.of(first), 0));
      List<Long> picks = new ArrayList<>();
      for (int i = 0; i < WARM_UP + 10; i++) {
        long millis = ((Number) browser.scriptAsync(Duration.ofSeconds(60), PICK, i * 37 % LISTED,
            i % 2 == 0 ? "情况良好" : "未接通")).longValue();
        if (millis < 0) {
          errors++;
        } else if (i >= WARM_UP) {
          picks.add(millis * 1000);
        }
      }
      rows.add(row("browser: one 随访结果 pick in the " + LISTED + "-row list (open the drop-down, choose)", picks, 0));
    }
  }

  private static final String NAME_INPUTS = "input[id*='-field_name_']";

  /** Clicks the task and reports the milliseconds until every name field of the list is there (-1: never). */
  private static final String OPEN_AND_WAIT = "var link = arguments[0], wanted = arguments[1], done = arguments[2];"
      + "var started = performance.now();"
      + "document.querySelector(link).click();"
      + "(function check() {"
      + "  var names = document.querySelectorAll(\"" + NAME_INPUTS + "\");"
      + "  if (names.length >= wanted && names[wanted - 1].value) { done(Math.round(performance.now() - started)); }"
      + "  else if (performance.now() - started > 55000) { done(-1); }"
      + "  else { setTimeout(check, 5); }"
      + "})();";

  /** Picks an outcome for one person as form-js takes it (mousedown), reports the milliseconds until it shows. */
  private static final String PICK = "var item = arguments[0], option = arguments[1], done = arguments[2];"
      + "var input = document.querySelector(\"input.fjs-select-hidden-input[id$='-field_outcome_\" + item + \"']\");"
      + "var box = input.closest('.fjs-form-field'), group = input.closest('.fjs-input-group');"
      + "function mouseDown(e) { e.dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true})); }"
      + "var started = performance.now(), chosen = false;"
      + "mouseDown(group);"
      + "(function check() {"
      + "  if (performance.now() - started > 55000) { done(-1); return; }"
      + "  if (!chosen) {"
      + "    var items = Array.from(box.querySelectorAll('.fjs-dropdownlist-item'));"
      + "    var wanted = items.find(function (i) { return i.textContent.trim() === option; });"
      + "    if (wanted) { mouseDown(wanted); chosen = true; }"
      + "  } else if (box.querySelector('.fjs-select-display').textContent.trim() === option) {"
      + "    done(Math.round(performance.now() - started)); return;"
      + "  }"
      + "  setTimeout(check, 5);"
      + "})();";

  private static long count(String outcome, ArrayNode people) {
    long count = 0;
    for (JsonNode person : people) {
      count += outcome.equals(person.path("outcome").asText()) ? 1 : 0;
    }
    return count;
  }

  /** Households of five for the persons the grid still needs, then the persons, each file in one request. */
  private void importPeople(int persons) throws Exception {
    StringBuilder households = new StringBuilder("address,gridCode,phone,size\n");
    StringBuilder people = new StringBuilder("gridCode,address,name,birthYear,flags,checkInBy,checkInEveryDays\n");
    for (int h = 0; h < households(persons); h++) {
      households.append("南山村南片压测").append(h + 1).append("号,").append(GRID).append(",1390000")
          .append(String.format("%04d", h)).append(",5\n");
    }
    for (int p = 0; p < persons; p++) {
      people.append(GRID).append(",南山村南片压测").append(p / 5 + 1).append("号,压测随访")
          .append(String.format("%03d", p + 1)).append(",1940,独居老人,").append("grid-").append(GRID).append(",1\n");
    }
    for (String csv : List.of(households.toString(), people.toString())) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/register/import?atomic=true"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
          .header("Content-Type", "text/csv; charset=UTF-8")
          .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(json.readTree(response.body()).path("errors")).as(response.body()).isEmpty();
    }
  }

  private static int households(int persons) {
    return (persons + 4) / 5;
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private HttpRequest basic(String authorization, String path, String jsonBody) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", authorization).header("Accept", "application/hal+json, application/json; q=0.5");
    return (jsonBody == null ? request.GET()
        : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody)))
        .build();
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
    HttpClient client = request.uri().getPath().startsWith("/camunda/") ? session : http;
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      errors++;
      System.err.println(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response;
  }

  private static String kilobytes(HttpResponse<byte[]> response) {
    return String.format(Locale.ROOT, "%.0f KB", response.body().length / 1024.0);
  }

  private void measure(String what, Callable<HttpResponse<byte[]>> call) throws Exception {
    List<Long> micros = new ArrayList<>();
    long failed = 0;
    for (int i = 0; i < WARM_UP + REPEAT; i++) {
      long started = System.nanoTime();
      HttpResponse<byte[]> response = call.call();
      long took = (System.nanoTime() - started) / 1_000;
      if (response.statusCode() / 100 != 2) {
        failed++;
      } else if (i >= WARM_UP) {
        micros.add(took);
      }
    }
    rows.add(row(what, micros, failed));
  }

  /** One run, timed from {@code startedNanos} until now. */
  private void single(String what, long startedNanos) {
    long micros = (System.nanoTime() - startedNanos) / 1_000;
    rows.add(row(what, List.of(micros), 0));
  }

  private static Row row(String what, List<Long> micros, long failed) {
    List<Long> sorted = new ArrayList<>(micros);
    sorted.sort(Long::compare);
    return new Row(what, sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), failed);
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
  }

  private String report() {
    StringBuilder text = new StringBuilder("| what | runs | p50 ms | p99 ms | max ms | errors |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      text.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d |%n", r.what(), r.runs(),
          r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.maxMicros() / 1000.0, r.errors()));
    }
    text.append('\n');
    for (String note : notes) {
      text.append("- ").append(note).append('\n');
    }
    text.append(String.format(Locale.ROOT, "- %d warm-up runs before each measured row; %d runs per HTTP row, %d opens"
        + " in the browser; embedded PostgreSQL 16, client, app and database on the same machine (%d cores)%n",
        WARM_UP, REPEAT, BROWSER_OPENS, Runtime.getRuntime().availableProcessors()));
    text.append('\n').append(ResourceMeter.Cost.header("step")).append(String.join("", costs));
    return text.toString();
  }
}
