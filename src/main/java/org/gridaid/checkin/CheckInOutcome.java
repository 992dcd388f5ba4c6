package org.gridaid.checkin;

/** What the grid worker heard from one person on the phone (form field {@code outcome}). */
public enum CheckInOutcome {
  FINE, NEEDS_HELP, NOT_REACHED
}
