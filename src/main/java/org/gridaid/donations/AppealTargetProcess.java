package org.gridaid.donations;

import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The desk told that an appeal reached its target (appeal-target-reached.bpmn): its key, the task
 * code refers to, its variables. The business key is {@link #businessKey}.
 */
public final class AppealTargetProcess {

  public static final String KEY = "appealTargetReached";
  public static final String TASK_DECIDE = "userTask_decideOnAppeal";
  private static final String BUSINESS_KEY_PREFIX = "appeal-";

  static final VariableFactory<Long> APPEAL_ID = longVariable("appealId");
  /** The appeal's title, target and what was pledged, as the form shows them (no personal data). */
  static final VariableFactory<String> APPEAL_SUMMARY = stringVariable("appealSummary");
  /**
   * The candidate groups of its task: the desk, and the street office of an appeal a street
   * office opened ({@link Appeal#decidingGroups}).
   */
  static final VariableFactory<String> APPEAL_GROUPS = stringVariable("appealGroups");
  /** decideOnAppeal's choice: CLOSE or KEEP_OPEN. */
  static final VariableFactory<String> APPEAL_DECISION = stringVariable("appealDecision");

  /**
   * The business key of the appeal's instance, {@code appeal-<id>}: a plain id would be another
   * process's key as well (a help request's), and a query by business key would find both.
   */
  public static String businessKey(long appealId) {
    return BUSINESS_KEY_PREFIX + appealId;
  }

  /** The appeal a business key of {@link #businessKey} names. */
  static long appealId(String businessKey) {
    return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
  }

  private AppealTargetProcess() {}
}
