package org.gridaid.medicine;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.gridaid.organisation.GroupPermissions;
import org.gridaid.organisation.Groups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The hotline, the pharmacy and the medical team ask for deliveries from Tasklist (start the
 * process); everybody who gets its tasks may read the definition, so Tasklist shows the process
 * name next to each task.
 */
@Component
class MedicineAuthorizations implements ApplicationRunner {

  private final GroupPermissions permissions;

  MedicineAuthorizations(GroupPermissions permissions) {
    this.permissions = permissions;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String starter : new String[] {Groups.HOTLINE, Groups.PHARMACY, Groups.MEDICAL_TEAM}) {
      permissions.grant(starter, Resources.PROCESS_DEFINITION, MedicineDeliveryProcess.KEY, Permissions.READ,
          Permissions.CREATE_INSTANCE);
      permissions.grant(starter, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
    for (String group : new String[] {Groups.VOLUNTEERS, Groups.GRID_STAFF, Groups.GRID_LEADERS, Groups.STREET_STAFF,
        Groups.WAREHOUSE}) {
      permissions.grant(group, Resources.PROCESS_DEFINITION, MedicineDeliveryProcess.KEY, Permissions.READ);
    }
  }
}
