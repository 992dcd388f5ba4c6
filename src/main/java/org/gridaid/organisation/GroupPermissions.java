package org.gridaid.organisation;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** What the groups of the hierarchy may do in the engine, for the modules that bring processes. */
@Component
public class GroupPermissions {

  private final CamundaIdentity camunda;

  GroupPermissions(CamundaIdentity camunda) {
    this.camunda = camunda;
  }

  /** Grants the permissions unless the group has them already. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    camunda.grant(groupId, resource, resourceId, permissions);
  }
}
