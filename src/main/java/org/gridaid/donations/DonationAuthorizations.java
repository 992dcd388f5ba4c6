package org.gridaid.donations;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.gridaid.organisation.GroupPermissions;
import org.gridaid.organisation.Groups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The donation desk records gifts and goods pledges from Tasklist (starts their processes);
 * finance, the warehouse and the street offices (the decisions on their appeals), who get their
 * tasks, may read the definitions, so Tasklist shows the process name next to each task.
 */
@Component
class DonationAuthorizations implements ApplicationRunner {

  private final GroupPermissions permissions;

  DonationAuthorizations(GroupPermissions permissions) {
    this.permissions = permissions;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String process : new String[] {DonationIntakeProcess.KEY, GoodsPledgeProcess.KEY}) {
      permissions.grant(Groups.DONATION_DESK, Resources.PROCESS_DEFINITION, process, Permissions.READ,
          Permissions.CREATE_INSTANCE);
    }
    // the decisions on an appeal (target reached, deadline): the desk's, and a street office's for
    // the appeals it opened
    for (String group : new String[] {Groups.DONATION_DESK, Groups.STREET_STAFF}) {
      for (String process : new String[] {AppealTargetProcess.KEY, AppealDeadlineProcess.KEY}) {
        permissions.grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ);
      }
    }
    permissions.grant(Groups.DONATION_DESK, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    permissions.grant(Groups.FINANCE, Resources.PROCESS_DEFINITION, DonationIntakeProcess.KEY, Permissions.READ);
    permissions.grant(Groups.WAREHOUSE, Resources.PROCESS_DEFINITION, GoodsPledgeProcess.KEY, Permissions.READ);
  }
}
