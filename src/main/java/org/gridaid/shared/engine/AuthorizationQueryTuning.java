package org.gridaid.shared.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorization checks at city scale. Every task a candidate group may work carries
 * an authorization row of its own, so a city's 100,000 open tasks make 100,000 rows, and the
 * engine's statements over them cost more than the task queries they guard:
 *
 * <ul>
 *   <li>Every command that checks an authorization first asks for all groups named in any
 *       authorization, to leave out of its checks the user's groups that have none. That read
 *       every row (10 ms at 100,000 tasks; through the group index on PostgreSQL still 2 ms),
 *       three times for one Tasklist list, to shorten a list of two or three groups. Here the
 *       checks ask with the user's own groups as they are: a group without authorizations
 *       matches no row either way.
 *   <li>Every check looks for the rows of the user <em>or</em> of the user's groups. Camunda
 *       indexes the group column, but the user column only behind the authorization type, which
 *       every check asks as a range, so the database read the whole table (100,000 rows) for the
 *       worker's few hundred, twice for one Tasklist list. An index on the user column lets it
 *       look both up.
 *   <li>PostgreSQL cannot estimate the permission test ({@code PERMS_ & 2 = 2}) and expects a
 *       handful of rows where a group has hundreds. Statistics on the tests the task queries
 *       make (read a task; read the tasks of a process definition) let it plan for hundreds. It
 *       still compares each task with each of those rows: the join's {@code IN} over columns of
 *       two tables is no index condition.
 * </ul>
 *
 * None changes what anybody may see: the same rows, the same checks.
 */
@Component
public class AuthorizationQueryTuning extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AuthorizationQueryTuning.class);
  /** Permission bits the task queries test: READ (2) on a task, READ_TASK (64) on a process definition. */
  private static final List<Integer> TESTED_PERMISSIONS = List.of(2, 64);
  static final String USER_INDEX = "gridaid_act_ru_auth_user";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CustomSessions.use(configuration, new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsAsTheyAre();
      }
    });
  }

  /** The engine's authorization manager, checking with the user's groups without first reading all groups. */
  static class GroupsAsTheyAre extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // the schema exists now; a node starting beside this one waits (OneNodeStartsAtATime)
    JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
    jdbc.execute("create index if not exists " + USER_INDEX + " on ACT_RU_AUTHORIZATION (USER_ID_)");
    if (!onPostgres(configuration)) {
      return;
    }
    boolean created = false;
    for (int permission : TESTED_PERMISSIONS) {
      String name = "gridaid_act_ru_auth_perm_" + permission;
      if (jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?", Long.class, name) == 0) {
        jdbc.execute("create statistics " + name + " on ((PERMS_ & " + permission + ")) from ACT_RU_AUTHORIZATION");
        created = true;
      }
    }
    if (created) {
      jdbc.execute("analyze ACT_RU_AUTHORIZATION");
      log.info("Statistics on the authorization checks' permission tests created");
    }
  }

  private static boolean onPostgres(ProcessEngineConfigurationImpl configuration) {
    return "postgres".equals(configuration.getDatabaseType());
  }
}
