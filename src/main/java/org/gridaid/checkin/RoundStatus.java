package org.gridaid.checkin;

/** A grid's round of the day: open until everybody on the list has an outcome. */
public enum RoundStatus {
  OPEN, COMPLETED
}
