package org.gridaid.checkin;

/** Who wrote a note on a round, in which task. */
public enum RoundNoteKind {
  /** The grid leader chased an unfinished round in the evening (网格长督办). */
  GRID_LEADER_CHASE,
  /** The community office chased an unfinished round at night (社区督办). */
  COMMUNITY_CHASE,
  /** The grid leader visited a person not reached twice (上门探访); about that person. */
  HOME_VISIT,
  /** The community office chased an overdue home visit; about that person. */
  HOME_VISIT_CHASE,
  /** The community office followed up the people a missed round left uncalled. */
  MISSED_ROUND_FOLLOW_UP
}
