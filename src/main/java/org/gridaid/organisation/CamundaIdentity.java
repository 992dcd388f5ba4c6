package org.gridaid.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gridaid.shared.engine.SystemPasswords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the register into Camunda's identity: groups, users, memberships, authorizations
 * and Tasklist filters. Every method is idempotent, so a full sync can run at every start.
 * Only groups of type WORKFLOW are managed; Camunda's own groups are left alone.
 */
@Component
class CamundaIdentity {

  static final String MANAGED_GROUP_TYPE = org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;
  static final String MY_TASKS_FILTER = "my-tasks";
  static final String DUE_SOON = "#due-soon";
  static final String OVERDUE = "#overdue";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final JdbcClient jdbc;

  CamundaIdentity(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, JdbcClient jdbc) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  void ensureGroup(String id, String name) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
    } else if (name.equals(group.getName()) && MANAGED_GROUP_TYPE.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(MANAGED_GROUP_TYPE);
    identity.saveGroup(group);
  }

  /**
   * Creates the user if missing (with the password, if any) and keeps the names current. A
   * password a person chose follows the engine's password policy; one the system wrote (demo
   * data) does not.
   */
  void ensureUser(String id, String firstName, String lastName, String initialPassword, PasswordOrigin origin) {
    User user = identity.createUserQuery().userId(id).singleResult();
    boolean created = user == null;
    if (created) {
      user = identity.newUser(id);
      user.setPassword(initialPassword);
    } else if (firstName.equals(user.getFirstName()) && lastName.equals(user.getLastName())) {
      return;
    }
    user.setFirstName(firstName);
    user.setLastName(lastName);
    if (created && initialPassword != null && origin == PasswordOrigin.SYSTEM) {
      SystemPasswords.saveUser(identity, user);
    } else {
      identity.saveUser(user);
    }
  }

  /**
   * What the engine's password policy finds wrong with a password for a user of this id and
   * these names, one sentence a rule; empty when it is good.
   */
  List<String> passwordPolicyViolations(String id, String firstName, String lastName, String password) {
    User candidate = identity.newUser(id);
    candidate.setFirstName(firstName);
    candidate.setLastName(lastName);
    PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password, candidate);
    if (result == null) {
      return List.of();
    }
    return result.getViolatedRules().stream().map(CamundaIdentity::describe).toList();
  }

  private static String describe(PasswordPolicyRule rule) {
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "must have at least " + rule.getParameters().get("minLength") + " characters";
      case "PASSWORD_POLICY_USER_DATA" -> "must not contain the user id or the person's name";
      default -> "does not follow the password policy (" + rule.getPlaceholder() + ")";
    };
  }

  /** Replaces the password with a random one nobody knows: the account can no longer sign in. */
  void lockOut(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user != null) {
      byte[] random = new byte[32];
      RANDOM.nextBytes(random);
      user.setPassword(HexFormat.of().formatHex(random));
      // nobody chose it, nobody knows it: not a password change the policy is about
      SystemPasswords.saveUser(identity, user);
    }
  }

  /** Makes the user's managed memberships exactly the given groups. */
  void setMemberships(String userId, Set<String> groupIds) {
    Set<String> current = identity.createGroupQuery().groupMember(userId).groupType(MANAGED_GROUP_TYPE).list()
        .stream().map(Group::getId).collect(Collectors.toSet());
    for (String stale : current) {
      if (!groupIds.contains(stale)) {
        identity.deleteMembership(userId, stale);
      }
    }
    for (String wanted : groupIds) {
      if (!current.contains(wanted)) {
        identity.createMembership(userId, wanted);
      }
    }
  }

  Set<String> memberships(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /** The filter showing every task routed to the group, readable by the given groups. */
  void ensureGroupFilter(String groupId, String name, int priority, List<String> readers) {
    TaskQuery query = tasks.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks();
    grantReaders(ensureFilter(groupId, name, priority, "分派给本组的任务(含已认领)", query), readers);
  }

  /**
   * The group's tasks due within the hour (即将超期) and those past their due date (已超期), for
   * the supervisors who chase them: evaluated when Tasklist asks, by the engine's clock.
   */
  void ensureDeadlineFilters(String groupId, String name, int priority, List<String> readers) {
    TaskQuery dueSoon = tasks.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks()
        .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusHours(1).toDate()}");
    grantReaders(ensureFilter(groupId + DUE_SOON, name + " · 即将超期", priority, "一小时内到期、尚未办结的任务", dueSoon),
        readers);
    TaskQuery overdue = tasks.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks()
        .dueBeforeExpression("${now()}");
    grantReaders(ensureFilter(groupId + OVERDUE, name + " · 已超期", priority + 1, "已过期限、尚未办结的任务", overdue),
        readers);
  }

  private void grantReaders(String filterId, List<String> readers) {
    for (String reader : readers) {
      grant(reader, Resources.FILTER, filterId, Permissions.READ);
    }
  }

  /** "My tasks" for everybody: what is assigned to whoever opens it, after the filters of one's own groups. */
  void ensureMyTasksFilter() {
    TaskQuery query = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    String filterId = ensureFilter(MY_TASKS_FILTER, "我的待办", Groups.FilterOrder.MY_TASKS, "已认领、由我处理的任务", query);
    if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(Resources.FILTER).resourceId(filterId).count() == 0) {
      Authorization everybody = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      everybody.setUserId(Authorization.ANY);
      everybody.setResource(Resources.FILTER);
      everybody.setResourceId(filterId);
      everybody.addPermission(Permissions.READ);
      authorizations.saveAuthorization(everybody);
    }
  }

  private String ensureFilter(String key, String name, int priority, String description, TaskQuery query) {
    String filterId = jdbc.sql("select filter_id from task_filter where group_id = ?").param(key)
        .query(String.class).optional().orElse(null);
    Filter filter = filterId == null ? null : filters.getFilter(filterId);
    Map<String, Object> properties = Map.of("priority", priority, "description", description, "refresh", true);
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    } else if (name.equals(filter.getName()) && properties.equals(filter.getProperties())) {
      return filterId;
    }
    filter.setName(name);
    filter.setQuery(query);
    filter.setProperties(properties);
    filters.saveFilter(filter);
    if (filterId == null) {
      jdbc.sql("insert into task_filter (group_id, filter_id) values (?, ?)").params(key, filter.getId()).update();
    } else if (!filterId.equals(filter.getId())) {
      jdbc.sql("update task_filter set filter_id = ? where group_id = ?").params(filter.getId(), key).update();
    }
    return filter.getId();
  }

  Set<String> groupIds() {
    return new HashSet<>(identity.createGroupQuery().list().stream().map(Group::getId).toList());
  }
}
