package org.gridaid.shared.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** The signed-in staff member behind a call to Camunda's REST API, as the engine checks them. */
record EngineApiCaller(String userId, List<String> groups, List<String> tenants) {

  EngineApiCaller {
    groups = groups == null ? List.of() : List.copyOf(groups);
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
  }

  /** Handed to the engine for /engine-rest, kept in the session by the webapps; empty when anonymous. */
  static Optional<EngineApiCaller> of(ProcessEngine engine, HttpServletRequest request, EngineApiCall call) {
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return Optional.of(new EngineApiCaller(current.getUserId(), current.getGroupIds(), current.getTenantIds()));
    }
    HttpSession session = request.getSession(false);
    Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (signedIn != null && signedIn.getAuthenticationForProcessEngine(call.engineName())
        instanceof UserAuthentication user) {
      return Optional.of(new EngineApiCaller(user.getIdentityId(), user.getGroupIds(), user.getTenantIds()));
    }
    return Optional.empty();
  }

  /** Camunda's administrators, whom the engine does not check at all. */
  boolean admin() {
    return groups.contains(Groups.CAMUNDA_ADMIN);
  }
}
