package org.gridaid.shared.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridaid.test.GridAidTest;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On PostgreSQL the authorization checks read the same groups through the index, and are estimated. */
@GridAidTest
@EnabledIfSystemProperty(named = TestDatabaseInitializer.PROPERTY, matches = "postgres")
class AuthorizationQueryTuningTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theChecksSeeEveryGroupThatHasAnAuthorizationAndNoOther() {
    List<String> named = jdbc.sql("select distinct group_id_ from act_ru_authorization where group_id_ is not null")
        .query(String.class).list();
    assertThat(named).as("the demo's groups with authorizations").hasSizeGreaterThan(10);
    List<String> asked = new ArrayList<>(named);
    asked.add("grid-NO-SUCH-GRID");
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    List<String> seen = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(asked));

    assertThat(seen).containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void postgresHasStatisticsOnThePermissionTests() {
    assertThat(jdbc.sql("select stxname from pg_statistic_ext where stxname like 'gridaid_act_ru_auth_perm_%'")
        .query(String.class).list()).containsExactlyInAnyOrder("gridaid_act_ru_auth_perm_2", "gridaid_act_ru_auth_perm_64");
  }
}
