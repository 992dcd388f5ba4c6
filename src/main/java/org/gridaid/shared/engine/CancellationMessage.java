package org.gridaid.shared.engine;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.gridaid.shared.web.ConflictException;

/**
 * Withdraws a case by telling its process: the process's own cancel event sub-process records
 * the cancellation as it ends every open task, in the caller's transaction. Reason and actor
 * travel with the message only, as transient variables the engine never stores.
 */
public final class CancellationMessage {

  /** The transient variables the cancel step reads. */
  public static final String REASON = "cancelReason";
  public static final String ACTOR = "cancelledBy";

  private CancellationMessage() {}

  /**
   * Sends the message to the process with this business key. A process that takes no message (one
   * an administrator suspended) leaves the case as it was: a 409 naming {@code what}.
   */
  public static void send(RuntimeService runtime, String messageName, String businessKey, String reason,
      String actor, String what) {
    boolean taken = !runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(businessKey)
        .setVariable(REASON, Variables.stringValue(reason, true))
        .setVariable(ACTOR, Variables.stringValue(actor, true))
        .correlateAllWithResult().isEmpty();
    if (!taken) {
      throw new ConflictException("The process of " + what + " cannot take the cancellation now"
          + " (suspended by an administrator?); nothing was changed");
    }
  }
}
