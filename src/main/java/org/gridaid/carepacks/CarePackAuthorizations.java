package org.gridaid.carepacks;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.gridaid.organisation.GroupPermissions;
import org.gridaid.organisation.Groups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Street offices and the district command start campaigns from Tasklist; everybody who gets
 * their tasks (the warehouse, the grids' staff and leaders) may read the definition, so Tasklist
 * shows the process name next to each task.
 */
@Component
class CarePackAuthorizations implements ApplicationRunner {

  private final GroupPermissions permissions;

  CarePackAuthorizations(GroupPermissions permissions) {
    this.permissions = permissions;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String starter : new String[] {Groups.STREET_STAFF, Groups.DISTRICT_COMMAND}) {
      permissions.grant(starter, Resources.PROCESS_DEFINITION, CarePackProcess.KEY, Permissions.READ,
          Permissions.CREATE_INSTANCE);
      permissions.grant(starter, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
    for (String group : new String[] {Groups.GRID_STAFF, Groups.GRID_LEADERS, Groups.WAREHOUSE}) {
      permissions.grant(group, Resources.PROCESS_DEFINITION, CarePackProcess.KEY, Permissions.READ);
    }
  }
}
