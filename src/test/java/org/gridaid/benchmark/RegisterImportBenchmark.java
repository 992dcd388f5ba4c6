package org.gridaid.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The register's CSV import at the size of a street: 40,000 households and 100,000 persons
 * over every demo grid, uploaded as files the way a street office would, then the same file
 * again (nothing changes), then with 1,000 persons changed. Run it with
 * {@code ./mvnw test -Pbenchmark -Dtest=RegisterImportBenchmark}; the figures go to the
 * console and to target/benchmark/register-import.md.
 */
@Tag("benchmark")
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // a context (and so a database) of its own: the other benchmarks count the grids' people
    "gridaid.benchmark=register-import",
    "logging.level.org.gridaid=WARN"})
class RegisterImportBenchmark {

  static final int HOUSEHOLDS = 40_000;
  static final int PERSONS = 100_000;
  static final int CHANGED = 1_000;
  static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱"};
  static final String[] GIVEN = {"秀英", "桂兰", "建国", "志强", "丽华", "伟", "芳", "军", "敏", "静", "海燕", "国华"};
  static final String[] FLAGS = {"ELDERLY_ALONE", "CHRONIC_ILLNESS;MOBILITY_IMPAIRED", "PREGNANT",
      "LEFT_BEHIND_CHILD", "ELDERLY_ALONE;NO_SMARTPHONE", "MENTAL_DISORDER"};

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper json = new ObjectMapper();

  /**
   * {@code cpuSeconds}: what this JVM (the app, and the client sending the file) used of the
   * processors meanwhile, PostgreSQL not counted; steadier than the wall time on a shared machine.
   */
  record Step(String name, int rows, long bytes, double seconds, double cpuSeconds, JsonNode report) {
    double perSecond() {
      return rows / seconds;
    }
  }

  @Test
  void aHundredThousandPersons() throws Exception {
    assertThat(TestDatabaseInitializer.onPostgres()).as("the benchmark runs on PostgreSQL").isTrue();
    List<String> grids = jdbc.sql("select code from area where level = 'GRID' order by code").query(String.class)
        .list();
    String households = households(grids);
    String persons = persons(grids, 0);
    String personsChanged = persons(grids, CHANGED);

    List<Step> steps = new ArrayList<>();
    steps.add(upload("households, new", HOUSEHOLDS, households));
    steps.add(upload("persons, new", PERSONS, persons));
    steps.add(upload("persons, same file again", PERSONS, persons));
    steps.add(upload("persons, " + CHANGED + " changed", PERSONS, personsChanged));
    Step export = export();

    String report = report(steps, export, grids.size());
    System.out.println(report);
    Path file = Path.of("target", "benchmark", "register-import.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);

    assertThat(steps.get(0).report().path("created").asInt()).isEqualTo(HOUSEHOLDS);
    assertThat(steps.get(1).report().path("created").asInt()).isEqualTo(PERSONS);
    assertThat(steps.get(2).report().path("unchanged").asInt()).isEqualTo(PERSONS);
    assertThat(steps.get(3).report().path("updated").asInt()).isEqualTo(CHANGED);
    assertThat(steps.get(3).report().path("unchanged").asInt()).isEqualTo(PERSONS - CHANGED);
    assertThat(steps).allSatisfy(s -> assertThat(s.report().path("errors").size()).as(s.name()).isZero());
    assertThat(jdbc.sql("select count(*) from person where name like '压测%'").query(Long.class).single())
        .isEqualTo(PERSONS);
  }

  /** Households spread evenly over the grids: 压测花园{building}栋{flat}号 in each. */
  private static String households(List<String> grids) {
    StringBuilder csv = new StringBuilder("\uFEFF地址,网格编码,电话,户人数,救助类别\n");
    for (int h = 0; h < HOUSEHOLDS; h++) {
      csv.append(address(h)).append(',').append(grids.get(h % grids.size())).append(",1390")
          .append(String.format("%07d", h)).append(',').append(2 + h % 3).append(',')
          .append(h % 20 == 0 ? "HARDSHIP" : h % 50 == 1 ? "QUARANTINED" : "ORDINARY").append('\n');
    }
    return csv.toString();
  }

  /** Two or three persons per household, every column filled for some; the first {@code changed} get a new phone. */
  private static String persons(List<String> grids, int changed) {
    StringBuilder csv = new StringBuilder("gridCode,address,name,idNumber,phone,birthYear,flags,chronicConditions,"
        + "regularMedicines,carerContact,checkInBy,checkInEveryDays\n");
    for (int p = 0; p < PERSONS; p++) {
      int h = (int) ((long) p * HOUSEHOLDS / PERSONS);
      int born = bornIn(p);
      boolean vulnerable = p % 7 == 0;
      csv.append(grids.get(h % grids.size())).append(',').append(address(h)).append(',')
          .append("压测").append(SURNAMES[p % SURNAMES.length]).append(GIVEN[p / SURNAMES.length % GIVEN.length])
          .append(p).append(',')
          .append(idNumber(p)).append(',')
          .append(p < changed ? "1370" : "1360").append(String.format("%07d", p)).append(',')
          .append(born).append(',')
          .append(vulnerable ? FLAGS[p / 7 % FLAGS.length] : "").append(',')
          .append(vulnerable ? "高血压" : "").append(',')
          .append(vulnerable ? "硝苯地平缓释片" : "").append(',')
          .append(vulnerable ? "女儿 1350" + String.format("%07d", p) : "").append(',')
          .append(vulnerable ? "grid-" + grids.get(h % grids.size()) : "").append(',')
          .append(vulnerable ? String.valueOf(1 + p % 3) : "").append('\n');
    }
    return csv.toString();
  }

  private static String address(int household) {
    return "压测花园" + household / 100 + "栋" + household % 100 + "号";
  }

  /** A valid resident ID number (GB 11643), unique per person: birth date from p / 1000, sequence p % 1000. */
  private static String idNumber(int person) {
    int thousand = person / 1000;
    String first17 = "440703" + bornIn(person) + String.format("%02d%02d%03d", 1 + thousand / 85, 1 + person % 28,
        person % 1000);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  private static int bornIn(int person) {
    return 1930 + person / 1000 % 85;
  }

  private Step upload(String name, int rows, String csv) throws Exception {
    String boundary = "gridaid-benchmark-" + System.nanoTime();
    byte[] body = (("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"register.csv\"\r\n"
        + "Content-Type: text/csv; charset=UTF-8\r\n\r\n") + csv + "\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/register/import"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", basic())
        .timeout(Duration.ofMinutes(20)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    long started = System.nanoTime();
    long cpu = cpuNanos();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double cpuSeconds = (cpuNanos() - cpu) / 1e9;
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(200);
    return new Step(name, rows, body.length, seconds, cpuSeconds, json.readTree(response.body()));
  }

  private Step export() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/api/v1/register/export?type=PERSONS"))
        .header("Authorization", basic()).timeout(Duration.ofMinutes(20)).GET().build();
    long started = System.nanoTime();
    long cpu = cpuNanos();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double cpuSeconds = (cpuNanos() - cpu) / 1e9;
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(response.statusCode()).isEqualTo(200);
    long lines = response.body().lines().count() - 1;
    assertThat(lines).isGreaterThanOrEqualTo(PERSONS);
    return new Step("persons, masked export", (int) lines, response.body().getBytes(StandardCharsets.UTF_8).length,
        seconds, cpuSeconds, null);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
  }

  private static String report(List<Step> steps, Step export, int grids) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%d households and %d persons over %d grids, multipart CSV upload as the district administrator.%n%n",
        HOUSEHOLDS, PERSONS, grids))
        .append("| step | rows | file MB | seconds | rows/s | app CPU s | created | updated | unchanged |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (Step s : steps) {
      text.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f | %.1f | %d | %d | %d |%n", s.name(),
          s.rows(), s.bytes() / 1e6, s.seconds(), s.perSecond(), s.cpuSeconds(), s.report().path("created").asInt(),
          s.report().path("updated").asInt(), s.report().path("unchanged").asInt()));
    }
    text.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f | %.1f | | | |%n", export.name(),
        export.rows(), export.bytes() / 1e6, export.seconds(), export.perSecond(), export.cpuSeconds()));
    return text.toString();
  }
}
