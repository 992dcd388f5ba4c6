package org.gridaid.shared.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridaid.test.GridAidTest;
import org.gridaid.test.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The authorization checks ask with the user's own groups, find the user's rows by index, and on
 * PostgreSQL are estimated.
 */
@GridAidTest
class AuthorizationQueryTuningTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theChecksAskWithTheUsersGroupsAsTheyAreWithoutReadingEveryGroup() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> groups = List.of("grid-JH-LL-ZF-01", "grid-NO-SUCH-GRID", "grid-JH-LL-ZF-01");

    List<String> asked = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));

    assertThat(asked).containsExactly("grid-JH-LL-ZF-01", "grid-NO-SUCH-GRID");
  }

  @Test
  void aGroupWithoutAuthorizationsNextToOneWithThemChangesNothing() {
    // a grid's own Tasklist filter, which its group may read
    var granted = jdbc.sql("select group_id_, resource_id_ from act_ru_authorization where type_ = 1"
            + " and resource_type_ = ? and group_id_ like 'grid-%' order by group_id_ limit 1")
        .param(Resources.FILTER.resourceType()).query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).single();
    String group = granted.get(0);
    String filter = granted.get(1);
    String somebody = "nobody-in-particular";

    assertThat(authorizations.isUserAuthorized(somebody, List.of(group), Permissions.READ, Resources.FILTER, filter))
        .isTrue();
    assertThat(authorizations.isUserAuthorized(somebody, List.of("grid-NO-SUCH-GRID", group), Permissions.READ,
        Resources.FILTER, filter)).isTrue();
    assertThat(authorizations.isUserAuthorized(somebody, List.of("grid-NO-SUCH-GRID"), Permissions.READ,
        Resources.FILTER, filter)).isFalse();
  }

  @Test
  void theUsersAuthorizationsAreFoundByTheirOwnIndex() {
    String column = TestDatabaseInitializer.onPostgres()
        ? jdbc.sql("""
            select a.attname from pg_index i
              join pg_class c on c.oid = i.indexrelid
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
            where c.relname = ?""").param(AuthorizationQueryTuning.USER_INDEX).query(String.class).single()
        : jdbc.sql("select column_name from information_schema.index_columns where upper(index_name) = upper(?)")
            .param(AuthorizationQueryTuning.USER_INDEX).query(String.class).single();

    assertThat(column).isEqualToIgnoringCase("USER_ID_");
  }

  @Test
  void postgresHasStatisticsOnThePermissionTests() {
    assumeTrue(TestDatabaseInitializer.onPostgres(), "statistics on expressions are PostgreSQL's");
    assertThat(jdbc.sql("select stxname from pg_statistic_ext where stxname like 'gridaid_act_ru_auth_perm_%'")
        .query(String.class).list()).containsExactlyInAnyOrder("gridaid_act_ru_auth_perm_2", "gridaid_act_ru_auth_perm_64");
  }
}
