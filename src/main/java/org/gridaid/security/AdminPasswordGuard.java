package org.gridaid.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without a real administrator password outside the demo profile. Runs
 * before any bean exists, because the Camunda starter would otherwise create the
 * administrator with its user id as password.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

  static final int MIN_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (isDemo(environment)) {
      return;
    }
    String id = environment.getProperty("camunda.bpm.admin-user.id", "admin");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (password.isBlank()) {
      throw new IllegalStateException(
          "No administrator password: set GRIDAID_ADMIN_PASSWORD (at least " + MIN_LENGTH
              + " characters), or run with the demo profile for a local trial.");
    }
    if (password.length() < MIN_LENGTH || password.equalsIgnoreCase(id) || password.equalsIgnoreCase("demo")) {
      throw new IllegalStateException(
          "GRIDAID_ADMIN_PASSWORD is too weak: use at least " + MIN_LENGTH
              + " characters, not the user id and not 'demo'.");
    }
  }

  private static boolean isDemo(ConfigurableEnvironment environment) {
    String[] active = environment.getActiveProfiles();
    if (active.length == 0) {
      active = environment.getDefaultProfiles();
    }
    return Arrays.asList(active).contains("demo");
  }
}
