package org.gridaid.test;

import java.util.HashMap;
import java.util.Map;
import org.gridaid.GridAidApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Application nodes of one test on one database, each with its job executor, as a cluster's are. */
public final class Nodes {

  private Nodes() {}

  /** A node on {@code database} (the demo's data), on a port of its own. */
  public static ConfigurableApplicationContext start(Map<String, Object> database, String name) {
    return start(database, name, Map.of());
  }

  /** A node as {@link #start(Map, String)} makes it, with {@code settings} of its own on top. */
  public static ConfigurableApplicationContext start(Map<String, Object> database, String name,
      Map<String, Object> settings) {
    Map<String, Object> properties = new HashMap<>(database);
    properties.put(TestDatabaseInitializer.GIVEN, "true");
    properties.put("server.port", "0");
    properties.put("spring.profiles.active", "demo");
    properties.put("camunda.bpm.job-execution.enabled", "true");
    // engines and the webapps' runtime are registered by name for the whole JVM: a name of its
    // own (letters and digits), and no webapps
    properties.put("camunda.bpm.webapp.enabled", "false");
    properties.put("camunda.bpm.process-engine-name", name + System.nanoTime());
    properties.putAll(settings);
    // as command-line arguments: they win over application.yaml, as the test database must
    return new SpringApplicationBuilder(GridAidApplication.class).run(properties.entrySet().stream()
        .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
  }

  public static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }

  public static void stop(ConfigurableApplicationContext node) {
    if (node != null) {
      node.close();
    }
  }
}
