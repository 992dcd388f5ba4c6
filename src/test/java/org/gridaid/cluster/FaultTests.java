package org.gridaid.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.gridaid.test.Nodes;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Faults under load, on two nodes and a PostgreSQL of the test's own: while clients post help
 * requests to both nodes, the database restarts, and (separately) one node stops. Every request
 * answered 201 exists afterwards with its process and task, none twice; during the outage the
 * answer is a 503 with Retry-After at once, never a 500 or a hang; service comes back by itself.
 * The clients behave as the mini-program and a load balancer do: a 503 is sent again, same key,
 * after its Retry-After (a node refuses what it cannot take at once, also when it is left with
 * the other's load); a post a node does not answer goes to the other.
 */
@EnabledIfSystemProperty(named = TestDatabaseInitializer.PROPERTY, matches = "postgres")
class FaultTests {

  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  static final Duration TOO_LONG = Duration.ofSeconds(10);
  /** Times a client sends one post before it gives up: enough to outlast the restart. */
  static final int MAX_ATTEMPTS = 30;
  static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("hotline-01:demo".getBytes());

  /** One post and how it was answered; {@code status} 0: no answer (the node was gone). */
  record Answer(String phone, String key, int status, String retryAfter, long millis, Long id) {}

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Two nodes on a PostgreSQL of the test's own, under the load of four clients. */
  private final class Cluster implements AutoCloseable {
    final Path data;
    final int dbPort;
    EmbeddedPostgres postgres;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients;

    Cluster(boolean failOver) throws Exception {
      data = Files.createTempDirectory("grid-aid-fault-pg");
      dbPort = freePort();
      postgres = start(data, dbPort);
      Map<String, Object> database = database(postgres);
      a = Nodes.start(database, "faulta");
      b = Nodes.start(database, "faultb");
      clients = load(List.of(Nodes.port(a), Nodes.port(b)), answers, running, failOver);
    }

    /** Goes on until {@code enough} posts sent after {@code since} were accepted, then stops the clients. */
    List<Answer> until(long since, int enough) throws InterruptedException {
      await().atMost(Duration.ofSeconds(60)).until(() -> answers.stream()
          .filter(x -> x.status() == 201 && startedAfter(x, since)).count() > enough);
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      return new ArrayList<>(answers);
    }

    @Override
    public void close() throws IOException {
      running.set(false);
      clients.shutdownNow();
      Nodes.stop(a);
      Nodes.stop(b);
      postgres.close();
    }
  }

  @Test
  void aDatabaseRestartUnderLoadLosesNothingAndIsAnswered503MeanwhileThenServiceResumes() throws Exception {
    try (Cluster cluster = new Cluster(false)) {
      Thread.sleep(5_000);
      cluster.postgres.close();
      Thread.sleep(6_000);
      cluster.postgres = start(cluster.data, cluster.dbPort);
      // service resumes by itself: posts answered 201 again after the restart
      List<Answer> all = cluster.until(System.currentTimeMillis(), 10);

      assertThat(all).filteredOn(x -> x.status() == 503).as("answers during the outage").isNotEmpty();
      everyAnswerIsClearAndEveryPostEndsAccepted(all);
      everyAcceptedCaseIsStoredOnceWithItsTask(cluster.a, all);
    }
  }

  @Test
  void aNodeLostUnderLoadLosesNothingAndTheOtherNodeTakesTheRequests() throws Exception {
    // as a load balancer does: a post a node does not answer goes to the other, same key
    try (Cluster cluster = new Cluster(true)) {
      Thread.sleep(5_000);
      Nodes.stop(cluster.b);
      cluster.b = null;
      List<Answer> all = cluster.until(System.currentTimeMillis(), 20);

      everyAnswerIsClearAndEveryPostEndsAccepted(all);
      everyAcceptedCaseIsStoredOnceWithItsTask(cluster.a, all);
    }
  }

  /** No 500 and no hang; a refusal says when to come back; every post is taken in the end. */
  private static void everyAnswerIsClearAndEveryPostEndsAccepted(List<Answer> all) {
    assertThat(all).as("no 500, no other failure").allSatisfy(x -> assertThat(x.status()).isIn(201, 503));
    assertThat(all).filteredOn(x -> x.status() == 503).as("refusals")
        .allSatisfy(x -> assertThat(x.retryAfter()).isNotBlank());
    assertThat(all).as("no hang").allSatisfy(x -> assertThat(x.millis()).isLessThan(TOO_LONG.toMillis()));
    Map<String, Answer> last = new LinkedHashMap<>();
    all.forEach(x -> last.put(x.key(), x));
    assertThat(last.values()).as("every post got its 201 from one node or the other, at the latest when sent again")
        .allSatisfy(x -> assertThat(x.status()).isEqualTo(201));
  }

  private void everyAcceptedCaseIsStoredOnceWithItsTask(ConfigurableApplicationContext node, List<Answer> all) {
    JdbcClient jdbc = node.getBean(JdbcClient.class);
    TaskService tasks = node.getBean(TaskService.class);
    List<Answer> accepted = all.stream().filter(x -> x.status() == 201).toList();
    assertThat(accepted).isNotEmpty();
    assertThat(accepted.stream().map(Answer::id).distinct().count()).as("one case per accepted post")
        .isEqualTo(accepted.size());
    assertThat(jdbc.sql("select count(*) from (select idempotency_key from help_request"
            + " where idempotency_key is not null group by submitted_by, idempotency_key having count(*) > 1) twice")
        .query(Long.class).single()).as("a post stored twice").isZero();
    for (Answer x : accepted) {
      assertThat(jdbc.sql("select count(*) from help_request where id = ?").param(x.id()).query(Long.class).single())
          .as("case %d", x.id()).isOne();
    }
    // the routing jobs cut off by the fault are taken up again once their lock (a minute) runs out
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      List<Long> withoutTask = new ArrayList<>();
      for (Answer x : accepted) {
        if (tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(x.id())).count() == 0) {
          withoutTask.add(x.id());
        }
      }
      assertThat(withoutTask).as("accepted cases without their task").isEmpty();
    });
  }

  private static boolean startedAfter(Answer x, long at) {
    return Long.parseLong(x.key().substring(0, x.key().indexOf('-'))) > at;
  }

  private ExecutorService load(List<Integer> ports, ConcurrentLinkedQueue<Answer> answers, AtomicBoolean running,
      boolean failOver) {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int c = 0; c < 4; c++) {
      int client = c;
      clients.submit(() -> {
        int n = 0;
        while (running.get()) {
          // the key begins with the time it was first sent: what came after an event is told apart
          String key = System.currentTimeMillis() + "-" + client + "-" + n;
          String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
          int node = (client + n++) % ports.size();
          for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Answer answer = post(ports.get(node), phone, key);
            if (answer.status() == 0 && failOver) {
              node = 1 - node;
              answer = post(ports.get(node), phone, key);
            }
            if (answer.status() != 0) {
              answers.add(answer);
            }
            if (answer.status() != 503) {
              break;
            }
            TimeUnit.SECONDS.sleep(Long.parseLong(answer.retryAfter()));
          }
        }
        return null;
      });
    }
    return clients;
  }

  private Answer post(int port, String phone, String key) {
    String body = """
        {"callerName": "故障测试", "callerPhone": "%s", "gridCode": "JH-LL-ZF-01", "category": "LIVING_SUPPLIES",
         "description": "家里缺米"}""".formatted(phone);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/help-requests"))
        .timeout(TOO_LONG.plusSeconds(5)).header("Authorization", AUTH).header("Content-Type", "application/json")
        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long millis = (System.nanoTime() - start) / 1_000_000;
      Matcher id = ID.matcher(response.body());
      return new Answer(phone, key, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
          millis, response.statusCode() == 201 && id.find() ? Long.valueOf(id.group(1)) : null);
    } catch (IOException e) {
      return new Answer(phone, key, 0, null, (System.nanoTime() - start) / 1_000_000, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(phone, key, 0, null, 0, null);
    }
  }

  private static EmbeddedPostgres start(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
        .setRegisterShutdownHook(false).start();
  }

  private static Map<String, Object> database(EmbeddedPostgres postgres) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database grid_aid_faults");
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "grid_aid_faults"));
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.password", "");
    properties.put("camunda.bpm.database.type", "postgres");
    return Collections.unmodifiableMap(properties);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
