package org.gridaid.checkin;

import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The community's follow-up of a round closed as missed (check-in-round-missed.bpmn): its key,
 * the element ids code refers to, its variables. The business key is the round's id.
 */
public final class MissedRoundProcess {

  public static final String KEY = "checkInRoundMissed";
  public static final String TASK_FOLLOW_UP = "userTask_followUpMissedRound";

  static final VariableFactory<Long> ROUND_ID = longVariable("roundId");
  static final VariableFactory<String> COMMUNITY_CODE = stringVariable("communityCode");
  /** The grid's name and the round's day, as the form shows them. */
  static final VariableFactory<String> ROUND_OF = stringVariable("roundOf");
  /** The people nobody called, one a line with their flags: personal. */
  static final VariableFactory<String> NOT_CALLED = stringVariable("notCalled");

  private MissedRoundProcess() {}
}
