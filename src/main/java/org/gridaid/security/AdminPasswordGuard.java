package org.gridaid.security;

import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start outside the demo profile without what a real deployment needs: a strong
 * administrator password and the data key. Runs before any bean exists, because the Camunda
 * starter would otherwise create the administrator with its user id as password, and Flyway
 * would migrate the database before the cipher notices there is no key.
 *
 * <p>The demo profile is on only when asked for; without any profile these rules apply.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

  static final int MIN_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.matchesProfiles("demo")) {
      return;
    }
    String id = environment.getProperty("camunda.bpm.admin-user.id", "admin");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (password.isBlank()) {
      throw new IllegalStateException(
          "No administrator password: set GRIDAID_ADMIN_PASSWORD (at least " + MIN_LENGTH
              + " characters), or run with the demo profile for a local trial.");
    }
    String lowerCase = password.toLowerCase(Locale.ROOT);
    // the engine's password policy refuses a password that contains the user id, too
    if (password.length() < MIN_LENGTH || lowerCase.contains(id.toLowerCase(Locale.ROOT))) {
      throw new IllegalStateException(
          "GRIDAID_ADMIN_PASSWORD is too weak: use at least " + MIN_LENGTH
              + " characters, without the user id in it.");
    }
    if (environment.getProperty("gridaid.data-key", "").isBlank()) {
      throw new IllegalStateException(
          "No data key: set GRIDAID_DATA_KEY (32 random bytes in base64, `openssl rand -base64 32`),"
              + " or run with the demo profile for a local trial.");
    }
  }
}
