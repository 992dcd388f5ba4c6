package org.gridaid.checkin;

import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/**
 * The home visit after two unanswered check-in calls (check-in-home-visit.bpmn): its key, the
 * element ids code refers to, its variables. The business key is the check-in entry's id.
 */
public final class HomeVisitProcess {

  public static final String KEY = "checkInHomeVisit";
  public static final String TASK_VISIT = "userTask_visitPerson";
  public static final String TASK_COMMUNITY_CHASE = "userTask_communityChase";
  public static final String TIMER_OVERDUE = "event_visitOverdue";

  /** The round on which the second unanswered call was recorded: the notes are kept there. */
  static final VariableFactory<Long> ROUND_ID = longVariable("roundId");
  static final VariableFactory<Long> PERSON_ID = longVariable("personId");
  static final VariableFactory<String> GRID_CODE = stringVariable("gridCode");
  static final VariableFactory<String> COMMUNITY_CODE = stringVariable("communityCode");
  static final VariableFactory<Date> VISIT_DUE_AT = dateVariable("visitDueAt");
  /** Who to visit, where, and their phone, as the task forms show it: personal. */
  static final VariableFactory<String> VISITEE = stringVariable("visitee");
  /** What the grid leader found at the door (form field of visitPerson): personal. */
  static final VariableFactory<String> VISIT_NOTE = stringVariable("visitNote");

  private HomeVisitProcess() {}
}
