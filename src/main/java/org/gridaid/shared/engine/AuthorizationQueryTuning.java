package org.gridaid.shared.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorization checks on PostgreSQL at city scale. Every task a candidate group may
 * work carries an authorization row of its own, so a city's 100,000 open tasks make 100,000
 * rows, and two of the engine's statements over them cost more than the task queries they
 * guard:
 *
 * <ul>
 *   <li>Every command that checks an authorization first asks for all groups named in any
 *       authorization ({@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}), reading
 *       every row: 10 ms at 100,000 tasks, six times for one Tasklist list. On PostgreSQL the
 *       same set is read here by walking the group index from one group to the next (a loose
 *       index scan, some hundred probes).
 *   <li>PostgreSQL cannot estimate the permission test ({@code PERMS_ & 2 = 2}) and expects a
 *       handful of rows where a group has hundreds, so it joins them to the tasks by comparing
 *       every pair. Statistics on the tests the task queries make (read a task; read the tasks
 *       of a process definition) let it look each task's authorization up instead.
 * </ul>
 *
 * Neither changes what anybody may see: the same groups, the same checks.
 */
@Component
public class AuthorizationQueryTuning extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AuthorizationQueryTuning.class);
  static final String ENGINE_STATEMENT = "selectAuthorizedGroupIds";
  static final String BY_INDEX = "gridaidSelectAuthorizedGroupIdsByIndex";
  private static final String GROUPS_BY_INDEX = """
      with recursive found(group_id) as (
        select min(GROUP_ID_) from ACT_RU_AUTHORIZATION
        union all
        select (select min(GROUP_ID_) from ACT_RU_AUTHORIZATION where GROUP_ID_ > found.group_id)
        from found where found.group_id is not null)
      select group_id from found where group_id is not null""";
  /** Permission bits the task queries test: READ (2) on a task, READ_TASK (64) on a process definition. */
  private static final List<Integer> TESTED_PERMISSIONS = List.of(2, 64);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!onPostgres(configuration)) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(BY_INDEX, false)) {
      mybatis.addMappedStatement(new MappedStatement.Builder(mybatis, BY_INDEX,
          new StaticSqlSource(mybatis, GROUPS_BY_INDEX), SqlCommandType.SELECT)
          .resultMaps(List.of(new ResultMap.Builder(mybatis, BY_INDEX + "-result", String.class, List.of()).build()))
          .build());
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // a copy: the engine's own map is shared by every engine of the JVM on this database type
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    mappings.put(ENGINE_STATEMENT, BY_INDEX);
    sessions.setStatementMappings(mappings);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!onPostgres(configuration)) {
      return;
    }
    // the schema exists now; a node starting beside this one waits (OneNodeStartsAtATime)
    JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
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
