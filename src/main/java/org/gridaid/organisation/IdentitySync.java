package org.gridaid.organisation;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.gridaid.organisation.AreaDirectory.AreaCreated;
import org.gridaid.organisation.Groups.TaskGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps Camunda's groups, users, authorizations and filters in step with the register: at
 * every start in full, and for each area or staff change as it happens.
 */
@Component
@Order(0)
class IdentitySync implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentitySync.class);
  private static final String TASKLIST = "tasklist";
  private static final String COCKPIT = "cockpit";

  private final CamundaIdentity camunda;
  private final AreaDirectory areas;
  private final StaffMembers staff;

  IdentitySync(CamundaIdentity camunda, AreaDirectory areas, StaffMembers staff) {
    this.camunda = camunda;
    this.areas = areas;
    this.staff = staff;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    syncRoles();
    int areaCount = 0;
    for (Area root : areas.roots()) {
      for (Area area : areas.subtree(root.code())) {
        syncArea(area);
        areaCount++;
      }
    }
    var everybody = staff.findAll();
    everybody.forEach(this::syncStaff);
    log.info("Camunda identity in step with the register: {} areas, {} staff", areaCount, everybody.size());
  }

  /** Role groups, what each role may open, and the filters every user sees. */
  void syncRoles() {
    for (TaskGroup group : Groups.roleTaskGroups()) {
      camunda.ensureGroup(group.id(), group.name());
      camunda.grant(group.id(), Resources.APPLICATION, TASKLIST, ACCESS);
      ensureFilters(group);
    }
    for (TaskGroup group : Groups.areaRoleGroups()) {
      camunda.ensureGroup(group.id(), group.name());
      camunda.grant(group.id(), Resources.APPLICATION, TASKLIST, ACCESS);
    }
    camunda.ensureMyTasksFilter();

    // the command centre supervises every flow in Cockpit, read-only
    String command = Groups.DISTRICT_COMMAND;
    String any = Authorization.ANY;
    camunda.grant(command, Resources.APPLICATION, COCKPIT, ACCESS);
    camunda.grant(command, Resources.PROCESS_DEFINITION, any, READ, READ_INSTANCE, READ_HISTORY);
    camunda.grant(command, Resources.PROCESS_INSTANCE, any, READ);
    camunda.grant(command, Resources.DECISION_DEFINITION, any, READ);
    camunda.grant(command, Resources.DEPLOYMENT, any, READ);
    camunda.grant(command, Resources.TASK, any, READ);
  }

  @EventListener
  void onAreaCreated(AreaCreated event) {
    syncArea(event.area());
  }

  void syncArea(Area area) {
    for (TaskGroup group : Groups.taskGroupsOf(area)) {
      camunda.ensureGroup(group.id(), group.name());
      ensureFilters(group);
    }
  }

  private void ensureFilters(TaskGroup group) {
    camunda.ensureGroupFilter(group.id(), group.filterName(), group.order(), group.readers());
    if (group.deadlineFilters()) {
      camunda.ensureDeadlineFilters(group.id(), group.filterName(), group.deadlineOrder(), group.readers());
    }
  }

  /**
   * The user exists with current names and is in exactly the groups of their role and area
   * (none when inactive).
   */
  void syncStaff(Staff member) {
    syncStaff(member, null, PasswordOrigin.PERSON);
  }

  /** {@link #syncStaff(Staff)}, and a user created now gets this initial password. */
  void syncStaff(Staff member, String initialPassword, PasswordOrigin origin) {
    camunda.ensureUser(member.userId(), member.displayName(), lastName(member), initialPassword, origin);
    camunda.setMemberships(member.userId(), groupsOf(member));
  }

  /** What the password policy finds wrong with this password for this person; empty when it is good. */
  List<String> passwordPolicyViolations(Staff member, String password) {
    return camunda.passwordPolicyViolations(member.userId(), member.displayName(), lastName(member), password);
  }

  /** Camunda's last name of a staff member: where and what they work, e.g. "中福社区第1网格 网格员". */
  private String lastName(Staff member) {
    String areaName = member.areaCode() == null ? "" : areas.find(member.areaCode()).map(Area::name).orElse("");
    return areaName.isEmpty() ? member.role().label() : areaName + " " + member.role().label();
  }

  static Set<String> groupsOf(Staff member) {
    Set<String> groups = new LinkedHashSet<>();
    if (!member.active()) {
      return groups;
    }
    groups.add(member.role().roleGroup());
    if (member.areaCode() != null) {
      groups.addAll(member.role().areaGroups(member.areaCode()));
    }
    return groups;
  }
}
