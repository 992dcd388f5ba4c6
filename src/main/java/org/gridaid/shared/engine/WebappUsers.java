package org.gridaid.shared.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is signed in to Camunda's webapps, for a webapp plugin's REST resource: Camunda keeps the
 * sign-in in its own session (and sets it for the request), not in Spring Security's context.
 */
public final class WebappUsers {

  /** A person signed in to Tasklist or Cockpit, with the Camunda groups they hold. */
  public record WebappUser(String id, List<String> groupIds) {}

  private WebappUsers() {}

  /** The person signed in for the engine, if any. */
  public static Optional<WebappUser> current(String engineName) {
    Authentications signedIn = Authentications.getCurrent();
    if (signedIn == null) {
      return Optional.empty();
    }
    Authentication authentication = signedIn.getAuthenticationForProcessEngine(engineName);
    if (authentication instanceof UserAuthentication user && user.getIdentityId() != null) {
      return Optional.of(new WebappUser(user.getIdentityId(),
          user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds())));
    }
    return Optional.empty();
  }
}
