package org.gridaid.checkin;

/** Who was told that a round was not finished in time: the grid leader at evening, the community at night. */
public enum RoundEscalation {
  GRID_LEADER, COMMUNITY
}
