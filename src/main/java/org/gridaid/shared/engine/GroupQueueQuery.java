package org.gridaid.shared.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tasks of an area group's queue that a caller may read, in one indexed query: the group's
 * candidate links lead to its tasks, and each task's grants are looked up by its id.
 * This is the condition Camunda's task query checks when no authorization revokes anything
 * ({@code authorizationCheckRevokes: auto}): a grant to the caller, one of their groups or
 * everybody, of READ on the task or READ_TASK on its process definition, or on every one
 * ({@code *}), matched by resource id as Camunda matches it; tasks of case executions need none.
 * Camunda joins the group's grants to the group's tasks pairwise instead, which at 500 tasks a
 * grid is 250,000 comparisons a call. Used by {@link GroupQueueReads}.
 */
@Component
public class GroupQueueQuery {

  /**
   * A global grant (to everybody) or a grant to a user or group. Revokes are not weighed here:
   * while any exists, {@link #filter} finds nothing and Camunda answers.
   */
  private static final String GRANTING = "A.TYPE_ in (" + Authorization.AUTH_TYPE_GLOBAL + ", "
      + Authorization.AUTH_TYPE_GRANT + ")";

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final ProcessEngineConfigurationImpl configuration;
  private final boolean postgres;
  private final TransactionTemplate transactions;

  GroupQueueQuery(ProcessEngine engine, JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.postgres = configuration.getDatabaseType().equals("postgres");
    this.transactions = new TransactionTemplate(transactions);
    this.transactions.setReadOnly(true);
  }

  /** A task filter's stored query, when the caller may read the filter and no authorization revokes. */
  Optional<Filter> filter(String filterId, EngineApiCaller caller) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("filterId", filterId);
    String sql = "select F.QUERY_ from ACT_RU_FILTER F where F.ID_ = :filterId and F.RESOURCE_TYPE_ = 'Task'"
        + " and not exists (select 1 from ACT_RU_AUTHORIZATION R where R.TYPE_ = "
        + Authorization.AUTH_TYPE_REVOKE + ")"
        + " and exists (select 1 from ACT_RU_AUTHORIZATION A where " + GRANTING + " and " + grantee(caller, parameters)
        + " and A.RESOURCE_TYPE_ = " + Resources.FILTER.resourceType() + " and " + permits(Permissions.READ)
        + " and A.RESOURCE_ID_ in (F.ID_, '*'))";
    return jdbc.sql(sql).params(parameters).query(String.class).optional().map(Filter::new);
  }

  /** How many tasks the caller sees in the queue. */
  long count(Queue queue, Page page) {
    return planned(() -> countNow(queue, page));
  }

  /**
   * The page of the queue, as the engine's tasks, and the count: the page's ids and the count in
   * one pass over the group's tasks, then the page's tasks by their keys.
   */
  Result list(Queue queue, Page page) {
    if (page.max() == 0) {
      return new Result(List.of(), count(queue, page));
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    page.order().forEach(o -> order.add(o.column() + (o.descending() ? " desc" : " asc")));
    // equal values keep one order from page to page
    order.add("T.ID_ asc");
    parameters.put("first", page.first());
    parameters.put("max", page.max());
    String sql = "select T.ID_, count(*) over () as TOTAL_ from ACT_RU_TASK T" + where(queue, page, parameters)
        + " order by " + String.join(", ", order) + " offset :first rows fetch next :max rows only";
    return planned(() -> {
      Map<String, Long> pageWithCount = new LinkedHashMap<>();
      jdbc.sql(sql).params(parameters).query(rs -> {
        pageWithCount.put(rs.getString("ID_"), rs.getLong("TOTAL_"));
      });
      if (pageWithCount.isEmpty()) {
        return new Result(List.of(), page.first() == 0 ? 0 : countNow(queue, page));
      }
      return new Result(tasks(List.copyOf(pageWithCount.keySet())), pageWithCount.values().iterator().next());
    });
  }

  /**
   * The engine's tasks of these ids, in this order, with their forms, as Camunda's filters hand
   * them out (Tasklist opens a task's form from them).
   */
  private List<Task> tasks(List<String> ids) {
    NativeTaskQuery query = engine.getTaskService().createNativeTaskQuery();
    List<String> placeholders = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      query.parameter("id" + i, ids.get(i));
      placeholders.add("#{id" + i + "}");
    }
    query.sql("select T.* from ACT_RU_TASK T where T.ID_ in (" + String.join(", ", placeholders) + ")");
    Map<String, Task> byId = new HashMap<>();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      for (Task task : query.list()) {
        ((TaskEntity) task).initializeFormKey();
        byId.put(task.getId(), task);
      }
      return null;
    });
    // a task completed in between is left out, as a moment later it would be
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  private long countNow(Queue queue, Page page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return jdbc.sql("select count(*) from ACT_RU_TASK T" + where(queue, page, parameters))
        .params(parameters).query(Long.class).single();
  }

  /**
   * The reads in one read-only transaction, on PostgreSQL planned as for solid-state storage
   * ({@code random_page_cost} 1.1, as docker/compose.yaml sets for the whole server): a grid's 500
   * tasks are then looked up by their keys. At the server's default of 4 the planner reads all
   * 100,000 tasks instead, or walks them in date order until it has met 15 of the grid's, both
   * slower than Camunda's own query. Each call is planned for its own group and page: a plan
   * the server keeps for the statement (after five calls) would be planned for any group, any
   * page size.
   */
  private <T> T planned(Supplier<T> reads) {
    return transactions.execute(status -> {
      if (postgres) {
        jdbc.sql("select set_config('random_page_cost', '1.1', true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true)").query(rs -> {});
      }
      return reads.get();
    });
  }

  /**
   * The queue's condition. Each grant is looked up by its resource id (an index), task by task:
   * a few rows each, whatever the planner estimates. Read as one list of the caller's grants
   * instead (a grid worker's are a few hundred, one for each of the grid's tasks), the list may
   * be scanned for every task, 250,000 comparisons: one benchmark run in six took 200 ms a call
   * with that form.
   */
  private String where(Queue queue, Page page, Map<String, Object> parameters) {
    parameters.put("candidateGroup", queue.group());
    String toCaller = GRANTING + " and " + grantee(queue.caller(), parameters);
    String taskGrant = "A.RESOURCE_TYPE_ = " + Resources.TASK.resourceType() + " and " + permits(Permissions.READ);
    String definitionGrant = "A.RESOURCE_TYPE_ = " + Resources.PROCESS_DEFINITION.resourceType() + " and "
        + permits(ProcessDefinitionPermissions.READ_TASK);
    return " left join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_ where exists (select 1 from"
        + " ACT_RU_IDENTITYLINK I where I.TASK_ID_ = T.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ = :candidateGroup)"
        + (page.activeOnly() ? " and T.SUSPENSION_STATE_ = 1" : "")
        + (configuration.isTenantCheckEnabled() ? " and T.TENANT_ID_ is null" : "")
        + " and (T.CASE_EXECUTION_ID_ is not null"
        + " or " + granted("'*'", toCaller, "(" + taskGrant + " or " + definitionGrant + ")")
        + " or " + granted("T.ID_", toCaller, taskGrant)
        + " or " + granted("D.KEY_", toCaller, definitionGrant) + ")";
  }

  /** Whether the caller holds a grant of this kind on the resource (looked up by its id). */
  private static String granted(String resourceId, String toCaller, String grant) {
    return "exists (select 1 from ACT_RU_AUTHORIZATION A where A.RESOURCE_ID_ = " + resourceId + " and " + toCaller
        + " and " + grant + ")";
  }

  /** The caller, everybody, or one of the caller's groups. */
  private static String grantee(EngineApiCaller caller, Map<String, Object> parameters) {
    parameters.put("userId", caller.userId());
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < caller.groups().size(); i++) {
      parameters.put("group" + i, caller.groups().get(i));
      groups.add(":group" + i);
    }
    return "(A.USER_ID_ in (:userId, '*')" + (groups.isEmpty() ? "" : " or A.GROUP_ID_ in (" + String.join(", ", groups)
        + ")") + ")";
  }

  /** Whether a grant's permissions include one, in the database's words (Camunda's constants, not input). */
  private String permits(Permission permission) {
    int bit = permission.getValue();
    return postgres ? "A.PERMS_ & " + bit + " = " + bit
        : "bitand(A.PERMS_, " + bit + ") = " + bit;
  }

  record Filter(String query) {}

  record Queue(String group, EngineApiCaller caller) {}

  /** Tasklist's page: its order, whether suspended tasks are left out, and which tasks. */
  record Page(List<Order> order, boolean activeOnly, int first, int max) {}

  record Result(List<Task> tasks, long count) {}

  /** A sorting Tasklist offers on a task's own column. */
  record Order(String column, boolean descending) {

    private static final Map<String, String> COLUMNS = Map.of("created", "T.CREATE_TIME_", "dueDate",
        "T.DUE_DATE_", "followUpDate", "T.FOLLOW_UP_DATE_", "priority", "T.PRIORITY_", "name", "T.NAME_",
        "nameCaseInsensitive", "lower(T.NAME_)", "assignee", "T.ASSIGNEE_", "id", "T.ID_");

    static Optional<Order> of(String sortBy, String sortOrder) {
      String column = COLUMNS.get(sortBy);
      if (column == null || !sortOrder.equals("asc") && !sortOrder.equals("desc")) {
        return Optional.empty();
      }
      return Optional.of(new Order(column, sortOrder.equals("desc")));
    }
  }
}
