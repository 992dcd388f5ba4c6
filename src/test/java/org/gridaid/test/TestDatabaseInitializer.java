package org.gridaid.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context of the test JVM a fresh database: in-memory H2, or a new
 * database on a real PostgreSQL 16 started once per JVM when the build sets
 * {@code gridaid.test.database=postgres} (the second surefire run).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String PROPERTY = "gridaid.test.database";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final AtomicInteger OPEN_CONTEXTS = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  public static boolean onPostgres() {
    return "postgres".equals(System.getProperty(PROPERTY));
  }

  /**
   * Set (by {@code -Pbenchmark}) to load pg_stat_statements into the server, so that benchmarks
   * can count the statements, rows and WAL of what they measure.
   */
  public static final String STATEMENT_STATISTICS = "gridaid.test.statementStatistics";

  /**
   * With statement statistics, the server also writes the plan (with actual rows and buffers) of
   * every statement slower than this many milliseconds to target/benchmark/postgresql/plans.log:
   * what to read when a benchmark names a slow statement ({@code -Dgridaid.test.explainSlowerThanMillis=40}).
   */
  public static final String EXPLAIN_SLOWER_THAN = "gridaid.test.explainSlowerThanMillis";

  /** Set on a context that is given a database of {@link #newDatabase()}: it keeps that one. */
  public static final String GIVEN = "gridaid.test.database-given";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (context.getEnvironment().getProperty(GIVEN, Boolean.class, false)) {
      return;
    }
    Map<String, Object> properties;
    if (onPostgres()) {
      properties = newPostgresDatabase();
      // registered first, so destroyed last: the server outlives every bean that uses it
      OPEN_CONTEXTS.incrementAndGet();
      ((DefaultListableBeanFactory) context.getBeanFactory())
          .registerDisposableBean("embeddedPostgresLease", TestDatabaseInitializer::releaseServer);
    } else {
      properties = Map.of("spring.datasource.url", "jdbc:h2:mem:grid-aid-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", properties));
  }

  /**
   * A database of its own, empty, on the same kind of server as the build's round: for tests
   * that run migrations or several application contexts on one database themselves (with
   * {@link #GIVEN} set, so that this initializer leaves it to them).
   */
  public static Map<String, Object> newDatabase() {
    if (onPostgres()) {
      return newPostgresDatabase();
    }
    return Map.of("spring.datasource.url", "jdbc:h2:mem:grid-aid-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "spring.datasource.username", "sa", "spring.datasource.password", "");
  }

  private static void releaseServer() {
    if (OPEN_CONTEXTS.decrementAndGet() == 0) {
      stopServer();
    }
  }

  private static synchronized void stopServer() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException ignored) {
        // the data directory is temporary
      }
      postgres = null;
    }
  }

  private static Map<String, Object> newPostgresDatabase() {
    String name = "grid_aid_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return Map.of(
        "spring.datasource.url", server().getJdbcUrl("postgres", name),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "",
        "camunda.bpm.database.type", "postgres");
  }

  private static void explainPlans(EmbeddedPostgres.Builder builder, String slowerThanMillis) {
    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain");
    builder.setServerConfig("auto_explain.log_min_duration", slowerThanMillis);
    builder.setServerConfig("auto_explain.log_analyze", "on");
    builder.setServerConfig("auto_explain.log_buffers", "on");
    builder.setServerConfig("logging_collector", "on");
    builder.setServerConfig("log_directory", Path.of("target", "benchmark", "postgresql").toAbsolutePath().toString());
    builder.setServerConfig("log_filename", "plans.log");
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
          String explainSlowerThan = System.getProperty(EXPLAIN_SLOWER_THAN);
          if (explainSlowerThan == null) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            builder.setServerConfig("pg_stat_statements.track_planning", "on");
          } else {
            explainPlans(builder, explainSlowerThan);
          }
        }
        postgres = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
      // at exit Spring closes the contexts (and with the last one the server); wait for that
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        long deadline = System.currentTimeMillis() + 20_000;
        while (OPEN_CONTEXTS.get() > 0 && System.currentTimeMillis() < deadline) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
        stopServer();
      }));
    }
    return postgres;
  }
}
