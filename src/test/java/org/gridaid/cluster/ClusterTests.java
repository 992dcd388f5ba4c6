package org.gridaid.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.test.Nodes;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's cluster model as the README describes it: two nodes, each with its job executor,
 * started at the same moment on one empty PostgreSQL database. Work started through one node
 * is finished through the other, deadlines due at once fire once between them, and the
 * morning's check-in round of each grid starts once.
 */
@EnabledIfSystemProperty(named = TestDatabaseInitializer.PROPERTY, matches = "postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTests {

  static final int CASES = 200;

  ConfigurableApplicationContext first;
  ConfigurableApplicationContext second;

  @BeforeAll
  void twoNodesStartAtTheSameMomentOnAnEmptyDatabase() {
    Map<String, Object> database = TestDatabaseInitializer.newDatabase();
    CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(() -> Nodes.start(database, "clustera"));
    CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> Nodes.start(database, "clusterb"));
    first = a.join();
    second = b.join();
  }

  @AfterAll
  void stop() {
    ClockUtil.reset();
    Nodes.stop(first);
    Nodes.stop(second);
  }

  @Test
  void bothNodesStartedOnceEachAndTheDemoDataIsThereOnce() {
    JdbcClient jdbc = first.getBean(JdbcClient.class);
    assertThat(jdbc.sql("select count(*) from act_id_user where id_ = 'hotline-01'").query(Long.class).single())
        .isOne();
    assertThat(jdbc.sql("select count(*) from (select name_ from act_ru_filter group by name_ having count(*) > 1) d")
        .query(Long.class).single()).as("filters made twice").isZero();
    assertThat(morningTimers(jdbc)).as("one morning timer of the check-in").isOne();
  }

  @Test
  void aTaskCreatedThroughOneNodeIsCompletedThroughTheOther() {
    int id = newCase(first, "JH-LL-ZF-01");
    // each node's engine has a name of its own in this JVM, so the other node is used through its
    // engine's API here rather than /engine-rest, which serves the engine named "default"
    TaskService tasks = second.getBean(TaskService.class);
    Task task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("userTask_handleRequest").singleResult(),
        found -> found != null);
    tasks.claim(task.getId(), "grid-lile-zhongfu-01");
    tasks.complete(task.getId(), Map.of("outcome", "RESOLVED", "actionTaken", "已送米上门"));
    as(first, "hotline-01").get("/api/v1/help-requests/{id}", id).then().statusCode(200)
        .body("outcome", org.hamcrest.Matchers.equalTo("RESOLVED"))
        .body("timeline.find { it.type == 'HANDLED' }.actor", org.hamcrest.Matchers.equalTo("grid-lile-zhongfu-01"));
  }

  @Test
  void deadlinesDueAtOnceFireOnceBetweenTheNodesAndEachGridsMorningRoundStartsOnce() {
    String[] grids = {"JH-LL-ZF-02", "JH-LL-ZF-03", "JH-WH-YQ-01", "JH-WH-XC-01", "JH-JN-DH-01"};
    List<Integer> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(newCase(i % 2 == 0 ? first : second, grids[i % grids.length]));
    }
    TaskService tasks = first.getBean(TaskService.class);
    ManagementService management = first.getBean(ManagementService.class);
    JdbcClient jdbc = first.getBean(JdbcClient.class);
    Instant latestResponseDue = Instant.EPOCH;
    for (int id : cases) {
      Task handle = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery()
          .processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("userTask_handleRequest").singleResult(),
          found -> found != null);
      Instant due = handle.getFollowUpDate().toInstant();
      latestResponseDue = due.isAfter(latestResponseDue) ? due : latestResponseDue;
    }
    Instant checkInDue = jdbc.sql("select duedate_ from act_ru_job where type_ = 'timer'"
        + " and process_def_key_ = 'dailyCheckIn' and process_instance_id_ is null").query(java.sql.Timestamp.class)
        .single().toInstant();
    long messagesBefore = messages(jdbc);

    // past every response deadline and the next morning, before any later deadline
    Instant later = (latestResponseDue.isAfter(checkInDue) ? latestResponseDue : checkInDue).plusSeconds(60);
    // a round is for the day its timer runs: a response deadline 24 hours away, set after
    // midnight in Shanghai, moves the clock past the morning timer's day into the next
    LocalDate checkInDay = LocalDate.ofInstant(later, ZoneId.of("Asia/Shanghai"));
    ClockUtil.setCurrentTime(Date.from(later));

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
        tasks.createTaskQuery().taskDefinitionKey("userTask_gridLeaderFollowUp").count() >= CASES);
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
        "select count(*) from check_in_round where check_day = ?").param(checkInDay).query(Long.class).single() > 0);
    // what is due has been run: no timer of the cases is left due
    await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery().timers().duedateLowerThan(
        Date.from(later)).processDefinitionKey("helpRequest").count() == 0);

    for (int id : cases) {
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
          .taskDefinitionKey("userTask_gridLeaderFollowUp").count()).as("网格长督办 of case %d", id).isOne();
    }
    PersonalDataCipher cipher = first.getBean(PersonalDataCipher.class);
    // bodies are encrypted with a nonce of their own: compared decrypted
    assertThat(jdbc.sql("select owner_type, owner_id, kind, body_enc from text_message")
        .query((rs, row) -> rs.getString("owner_type") + ":" + rs.getLong("owner_id") + " " + rs.getString("kind")
            + " " + cipher.decrypt(rs.getString("body_enc"))).list())
        .as("a text sent twice").doesNotHaveDuplicates();
    assertThat(messages(jdbc)).isGreaterThanOrEqualTo(messagesBefore);
    // the job executors, not a test, sent every resident's text: none is left waiting
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
        "select count(*) from text_message where status = 'PENDING'").query(Long.class).single() == 0);
    assertThat(jdbc.sql("select count(*) from text_message where status = 'SENT'").query(Long.class).single())
        .as("texts sent").isGreaterThanOrEqualTo(CASES);
    assertThat(jdbc.sql("""
            select count(*) from (select grid_code from check_in_round where check_day = ?
            group by grid_code having count(*) > 1) twice""").param(checkInDay).query(Long.class).single())
        .as("a grid's morning round started twice").isZero();
    assertThat(morningTimers(jdbc)).as("the next morning's timer, once").isOne();
    assertThat(first.getBean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
        .processDefinitionKey("dailyCheckIn").count()).as("one morning's check-in").isOne();
  }

  /** The timer of the check-in's start event: it belongs to no instance. */
  private static long morningTimers(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from act_ru_job where type_ = 'timer' and process_def_key_ = 'dailyCheckIn'"
        + " and process_instance_id_ is null").query(Long.class).single();
  }

  private static long messages(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from text_message").query(Long.class).single();
  }

  private static int newCase(ConfigurableApplicationContext node, String grid) {
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    return as(node, "hotline-01").contentType("application/json").body(Map.of("callerName", "集群测试", "callerPhone", phone, "gridCode", grid,
            "category", "LIVING_SUPPLIES", "description", "家里缺米"))
        .post("/api/v1/help-requests").then().statusCode(201).extract().path("id");
  }

  private static RequestSpecification as(ConfigurableApplicationContext node, String user) {
    return given().port(Nodes.port(node))
        .auth().preemptive().basic(user, "demo").accept("application/json").log().ifValidationFails();
  }
}
