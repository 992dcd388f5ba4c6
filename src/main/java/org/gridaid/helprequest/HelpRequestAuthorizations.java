package org.gridaid.helprequest;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.gridaid.organisation.GroupPermissions;
import org.gridaid.organisation.Groups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Operators record calls from Tasklist (start the process); everybody who gets its tasks may
 * read the definition, so Tasklist shows the process name next to each task. (The district
 * command reads every definition already.)
 */
@Component
class HelpRequestAuthorizations implements ApplicationRunner {

  private final GroupPermissions permissions;

  HelpRequestAuthorizations(GroupPermissions permissions) {
    this.permissions = permissions;
  }

  @Override
  public void run(ApplicationArguments args) {
    permissions.grant(Groups.HOTLINE, Resources.PROCESS_DEFINITION, HelpRequestProcess.KEY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    permissions.grant(Groups.HOTLINE, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    for (String group : new String[] {Groups.GRID_STAFF, Groups.GRID_LEADERS, Groups.COMMUNITY_STAFF,
        Groups.STREET_STAFF, Groups.MEDICAL_TEAM}) {
      permissions.grant(group, Resources.PROCESS_DEFINITION, HelpRequestProcess.KEY, Permissions.READ);
    }
  }
}
