package org.gridaid.checkin;

/**
 * A grid's round of the day: open until everybody on the list has an outcome (completed), or
 * until it closes at the end of its day with people nobody called (missed).
 */
public enum RoundStatus {
  OPEN, COMPLETED, MISSED
}
