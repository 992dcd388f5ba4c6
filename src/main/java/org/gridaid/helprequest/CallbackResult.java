package org.gridaid.helprequest;

/** What happens after a call-back, as the process variable {@code callbackResult}. */
public enum CallbackResult {
  CLOSE, RETURN_TO_GRID, TRY_AGAIN, CLOSE_UNREACHABLE
}
