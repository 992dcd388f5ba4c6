package org.gridaid.shared.engine;

import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in a delegate or listener: the signed-in user of the webapp or API call. */
public final class EngineUsers {

  /** Recorded as the actor when the engine acts on its own (a timer, a job). */
  public static final String SYSTEM = "system";

  private EngineUsers() {}

  /** The user the engine call was made for, else {@code fallback}, else {@link #SYSTEM}. */
  public static String current(ProcessEngineServicesAware scope, String fallback) {
    Authentication authentication = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return fallback == null ? SYSTEM : fallback;
  }
}
