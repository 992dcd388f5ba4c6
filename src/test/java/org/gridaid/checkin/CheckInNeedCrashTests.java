package org.gridaid.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridaid.GridAidApplication;
import org.gridaid.register.RegisterFixtures;
import org.gridaid.register.RegisterService;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node stops after a grid worker's list (with a need on it) committed and before the hotline
 * took the need: the event is in the publication registry, and the next node to start files it.
 * Two application contexts, one after the other, on one database of their own.
 */
class CheckInNeedCrashTests {

  static final String GRID = "JH-JN-DH-03";

  /**
   * The first node dies right after its transactions commit: the tasks that would run the
   * module listeners are never run. Registered by hand, never found by component scanning.
   */
  static class NodeDiesBeforeListenersRun {
    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    TaskExecutor applicationTaskExecutor() {
      return task -> { };
    }
  }

  @Test
  void aNeedCommittedJustBeforeANodeStopsIsFiledByTheNextNodeToStart() {
    Map<String, Object> database = TestDatabaseInitializer.newDatabase();
    long person;
    long entry;
    try (ConfigurableApplicationContext first = node(database, NodeDiesBeforeListenersRun.class)) {
      person = RegisterFixtures.listedPerson(first.getBean(RegisterService.class), GRID, "断电测试", 1, "13700004444");
      CheckInService checkIns = first.getBean(CheckInService.class);
      LocalDate day = LocalDate.of(2027, 3, 1);
      checkIns.prepare(day);
      CheckInRound round = checkIns.round(GRID, day).orElseThrow();
      checkIns.record(round.id(), List.of(new CheckInService.Heard(person, "NEEDS_HELP", "发烧, 家里没有退烧药",
          "MEDICINE")), "grid-jiangnan-donghu-03", false);
      entry = checkIns.round(round.id()).entryOf(person).orElseThrow().id();
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      assertThat(incomplete(jdbc)).as("the need is kept").isEqualTo(1);
      assertThat(helpRequestOf(jdbc, entry)).as("but not yet filed").isNull();
    }

    try (ConfigurableApplicationContext second = node(database)) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> helpRequestOf(jdbc, entry) != null);
      assertThat(jdbc.sql("select grid_code || '/' || category || '/' || channel from help_request where id = ?")
          .param(helpRequestOf(jdbc, entry)).query(String.class).single()).isEqualTo(GRID + "/MEDICINE/DAILY_CHECK_IN");
      await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(jdbc) == 0);
    }
  }

  private static ConfigurableApplicationContext node(Map<String, Object> database, Class<?>... extra) {
    Map<String, Object> properties = new HashMap<>(database);
    properties.put(TestDatabaseInitializer.GIVEN, "true");
    properties.put("server.port", "0");
    properties.put("spring.profiles.active", "demo");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("gridaid.events.resubmit-cron", "-");
    // an engine name of its own: engines are registered by name for the whole JVM, and closing
    // this node must not take the other test contexts' "default" engine out of the registry
    // (letters and digits: the starter ignores a name with a hyphen)
    // nor the webapps, whose runtime is one per JVM too
    properties.put("camunda.bpm.webapp.enabled", "false");
    properties.put("camunda.bpm.process-engine-name", "crashTest" + System.nanoTime());
    Class<?>[] sources = new Class<?>[extra.length + 1];
    sources[0] = GridAidApplication.class;
    System.arraycopy(extra, 0, sources, 1, extra.length);
    // as command-line arguments: they win over application.yaml, as the test database must
    return new SpringApplicationBuilder(sources).run(properties.entrySet().stream()
        .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
  }

  private static long incomplete(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
        .single();
  }

  private static Long helpRequestOf(JdbcClient jdbc, long entry) {
    return jdbc.sql("select help_request_id from check_in_entry where id = ?").param(entry).query(Long.class)
        .optional().orElse(null);
  }
}
