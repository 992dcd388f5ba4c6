package org.gridaid.helprequest;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.gridaid.organisation.Groups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Operators record calls from Tasklist (start the process); everybody who gets its tasks may
 * read the definition, so Tasklist shows the process name next to each task.
 */
@Component
class HelpRequestAuthorizations implements ApplicationRunner {

  private final AuthorizationService authorizations;

  HelpRequestAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    grant(Groups.HOTLINE, Resources.PROCESS_DEFINITION, HelpRequestProcess.KEY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(Groups.HOTLINE, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    for (String group : new String[] {Groups.GRID_STAFF, Groups.GRID_LEADERS, Groups.COMMUNITY_STAFF,
        Groups.STREET_STAFF, Groups.MEDICAL_TEAM, Groups.DISTRICT_COMMAND}) {
      grant(group, Resources.PROCESS_DEFINITION, HelpRequestProcess.KEY, Permissions.READ);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
