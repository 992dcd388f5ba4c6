package org.gridaid.helprequest;

/** How the request reached us. */
public enum Channel {
  HOTLINE, MINI_PROGRAM, PARTNER_HOTLINE, WALK_IN, DAILY_CHECK_IN, OTHER
}
