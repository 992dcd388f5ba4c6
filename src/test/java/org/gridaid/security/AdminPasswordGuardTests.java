package org.gridaid.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridaid.GridAidApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTests {

  private final AdminPasswordGuard guard = new AdminPasswordGuard();

  @Test
  void withoutTheDemoProfileTheAppRefusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(GridAidApplication.class)
        .profiles("production")
        .properties("camunda.bpm.admin-user.password=", "server.port=0")
        .run())
        .hasMessageContaining("GRIDAID_ADMIN_PASSWORD");
  }

  @Test
  void weakPasswordsAreRefused() {
    assertThatThrownBy(() -> check("production", "admin", "short"))
        .hasMessageContaining("too weak");
    assertThatThrownBy(() -> check("production", "administrator", "administrator"))
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
        .withProperty("camunda.bpm.admin-user.password", password);
    environment.setActiveProfiles(profile);
    guard.postProcessEnvironment(environment, null);
  }
}
