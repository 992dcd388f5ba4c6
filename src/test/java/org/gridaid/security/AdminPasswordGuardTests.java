package org.gridaid.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridaid.GridAidApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTests {

  static final String DATA_KEY = "ZGF0YS1rZXktb2YtdGhlLWd1YXJkLXRlc3RzLTMyYnk=";

  private final AdminPasswordGuard guard = new AdminPasswordGuard();

  @Test
  void withoutTheDemoProfileTheAppRefusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(GridAidApplication.class)
        .profiles("production")
        .properties("camunda.bpm.admin-user.password=", "server.port=0")
        .run())
        .hasMessageContaining("GRIDAID_ADMIN_PASSWORD");
  }

  /** The demo profile is never the fallback: a start without any profile follows the production rules. */
  @Test
  void withoutAnyProfileTheAppRefusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(GridAidApplication.class)
        .properties("camunda.bpm.admin-user.password=", "server.port=0")
        .run())
        .hasMessageContaining("GRIDAID_ADMIN_PASSWORD");
  }

  @Test
  void withoutAnyProfileTheAppRefusesToStartWithoutADataKey() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "correct-horse-battery")
        .withProperty("gridaid.data-key", "");
    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
        .hasMessageContaining("GRIDAID_DATA_KEY");
  }

  @Test
  void weakPasswordsAreRefused() {
    assertThatThrownBy(() -> check("production", "admin", "short"))
        .hasMessageContaining("too weak");
    assertThatThrownBy(() -> check("production", "administrator", "administrator"))
        .hasMessageContaining("too weak");
    // the engine's password policy would refuse it when it creates the administrator
    assertThatThrownBy(() -> check("production", "admin", "Admin-of-the-district"))
        .hasMessageContaining("too weak");
  }

  @Test
  void aStrongPasswordOrTheDemoProfileStarts() {
    assertThatCode(() -> check("production", "admin", "correct-horse-battery")).doesNotThrowAnyException();
    assertThatCode(() -> check("demo", "demo", "demo")).doesNotThrowAnyException();
  }

  private void check(String profile, String id, String password) {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", id)
        .withProperty("camunda.bpm.admin-user.password", password)
        .withProperty("gridaid.data-key", DATA_KEY);
    environment.setActiveProfiles(profile);
    guard.postProcessEnvironment(environment, null);
  }
}
