package org.gridaid.helprequest;

/**
 * What the grid worker records on the handling task (form field {@code outcome}). The first
 * four finish the handling and lead to the call-back; the last two send the case round again.
 * The Chinese labels are in the form handle-help-request.form.
 */
public enum HandlingOutcome {
  RESOLVED, NEEDS_MEDICINE, TRANSFERRED, UNREACHABLE, ON_HOLD, REROUTE;

  boolean finishesHandling() {
    return this != ON_HOLD && this != REROUTE;
  }
}
