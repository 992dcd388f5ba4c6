package org.gridaid.helprequest;

/**
 * How an open case stands against its deadlines at a moment: past a deadline it has to meet, due
 * within the supervisors' warning time, on time, or off the clock (on hold, handled and waiting
 * for the call-back).
 */
public enum DueState {
  OVERDUE, DUE_SOON, ON_TIME, OFF_THE_CLOCK
}
