package org.gridaid.checkin;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/** The daily check-in process (daily-check-in.bpmn): its key, the element ids code refers to, its variables. */
public final class CheckInProcess {

  public static final String KEY = "dailyCheckIn";
  public static final String TASK_CALL_PEOPLE = "userTask_callPeople";
  public static final String TASK_GRID_LEADER_CHASE = "userTask_gridLeaderChase";
  public static final String TASK_COMMUNITY_CHASE = "userTask_communityChase";
  public static final String TIMER_START = "startEvent_everyMorning";
  public static final String TIMER_GRID_LEADER = "event_notDoneByEvening";
  public static final String TIMER_COMMUNITY = "event_notDoneByNight";
  /** The start of the event sub-process that closes a round still open at the end of its day. */
  public static final String TIMER_ROUND_CLOSES = "startEvent_roundCloses";

  /** The day of the morning's rounds (ISO date in the grids' zone). */
  public static final VariableFactory<String> DAY = stringVariable("day");
  /** The multi-instance element: one grid's round. */
  public static final VariableFactory<Long> ROUND_ID = longVariable("roundId");
  /** The round's grid, community and deadlines, local to the round (read by the BPMN). */
  static final VariableFactory<String> GRID_CODE = stringVariable("gridCode");
  static final VariableFactory<String> COMMUNITY_CODE = stringVariable("communityCode");
  static final VariableFactory<Date> GRID_LEADER_AT = dateVariable("gridLeaderAt");
  static final VariableFactory<Date> COMMUNITY_AT = dateVariable("communityAt");
  /** What a chaser of a late round did (form field of superviseCheckIn). */
  static final VariableFactory<String> SUPERVISION_NOTE = stringVariable("supervisionNote");
  /**
   * Today's list as the task form shows it and sends it back (one item per person). A Spin
   * JSON value, which typed variable factories cannot write, so it is set and read by name.
   */
  public static final String PEOPLE = "people";

  private CheckInProcess() {}
}
