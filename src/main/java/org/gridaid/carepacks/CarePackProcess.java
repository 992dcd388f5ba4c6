package org.gridaid.carepacks;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The care-pack campaign process (care-pack-campaign.bpmn): its key, the element ids code refers
 * to, and one typed declaration per variable. The business key is CP-&lt;campaign id&gt;; the
 * grid sub-process runs once per grid (element variable {@code gridCode}); the households are
 * rows of the module's tables, never variables.
 */
public final class CarePackProcess {

  public static final String KEY = "carePackCampaign";
  public static final String DECISION_CONTENTS = "carePackContents";

  public static final String STEP_REGISTER = "serviceTask_registerCampaign";
  public static final String STEP_PLAN = "serviceTask_planCampaign";
  public static final String SUB_PROCESS_GRID = "subProcess_grid";
  public static final String TASK_REPLENISH_STOCK = "userTask_replenishStock";
  public static final String TASK_HAND_OVER = "userTask_handOverPacks";
  public static final String TASK_DELIVER = "userTask_deliverPacks";
  public static final String TASK_FOLLOW_UP = "userTask_followUp";
  public static final String TASK_LEADER_FOLLOW_UP = "userTask_leaderFollowUp";
  public static final String STEP_CLOSE_DELIVERY = "serviceTask_closeDelivery";
  public static final String STEP_CLOSE_FOLLOW_UP = "serviceTask_closeFollowUp";
  public static final String TIMER_DEADLINE = "event_deadlinePassed";
  public static final String TIMER_FOLLOW_UP = "event_followUpOverdue";
  /** The grid leader's follow-up is overdue: the street office supervises it. */
  public static final String TIMER_LEADER_OVERDUE = "event_leaderOverdue";
  public static final String TASK_LEADER_OVERDUE = "userTask_leaderOverdue";
  /** The campaign's deadline passed while the grid still waits for stock or its hand-over. */
  public static final String TIMER_STOCK_DEADLINE = "startEvent_stockDeadline";
  public static final String TASK_STOCK_OVERDUE = "userTask_stockOverdue";

  /** What the Tasklist start form asks. Removed once the campaign has it. */
  static final class StartForm {
    static final VariableFactory<String> NAME = stringVariable("campaignName");
    /** Grid, community or street codes, separated by commas, spaces or 、. */
    static final VariableFactory<String> AREAS = stringVariable("areaCodes");
    static final VariableFactory<Boolean> LIVING_SUPPLIES = booleanVariable("livingSupplies");
    static final VariableFactory<Boolean> BREAKFAST = booleanVariable("breakfast");
    /** Hours until the deadline; empty: gridaid.care-packs.deadline. */
    static final VariableFactory<Object> HOURS = customVariable("deadlineHours", Object.class);
    static final VariableFactory<String> INITIATOR = stringVariable("initiatorId");

    static final List<String> NAMES = Stream.of(NAME, AREAS, LIVING_SUPPLIES, BREAKFAST, HOURS)
        .map(VariableFactory::getName).toList();

    private StartForm() {}
  }

  // written by the application
  static final VariableFactory<Long> CAMPAIGN_ID = longVariable("campaignId");
  static final VariableFactory<Date> DEADLINE = dateVariable("deadline");
  /** The multi-instance element: one grid. */
  static final VariableFactory<String> GRID_CODE = stringVariable("gridCode");
  /** Local to a grid: its packs are covered by stock reserved at its site. */
  static final VariableFactory<Boolean> STOCK_COVERED = booleanVariable("stockCovered");
  /** Local to a grid: every household has a final outcome (set when a round closes). */
  static final VariableFactory<Boolean> EVERY_HOUSEHOLD_FINAL = booleanVariable("everyHouseholdFinal");
  static final VariableFactory<Date> FOLLOW_UP_DUE = dateVariable("followUpDue");
  /** Local to a grid: the grid leader's follow-up is due (gridaid.care-packs.leader-within). */
  static final VariableFactory<Date> LEADER_DUE = dateVariable("leaderDue");
  /** Local to a grid: the street of the grid, whose office supervises what is overdue. */
  static final VariableFactory<String> STREET_CODE = stringVariable("streetCode");

  // what the task forms show
  static final VariableFactory<String> CAMPAIGN_SUMMARY = stringVariable("campaignSummary");
  static final VariableFactory<String> SHORTAGE = stringVariable("shortage");
  static final VariableFactory<String> PACKING_LIST = stringVariable("packingList");
  /** 督办: where the grid stands, from the module's tables. */
  static final VariableFactory<String> GRID_STATE = stringVariable("gridState");
  /** 督办: the households still without a final outcome, with their addresses (never in history). */
  static final VariableFactory<String> OPEN_HOUSEHOLDS = stringVariable("openHouseholds");

  /** What the task forms submit: the contract for Tasklist and /engine-rest callers. */
  static final class Forms {
    /** 补足物资缺口: also open a donation appeal for the shortage the grid's earlier appeals do not bring. */
    static final VariableFactory<Object> OPEN_APPEAL = customVariable("openAppeal", Object.class);
    /** The household lists: [{householdId, address, packs, status, outcome}], one row a household. */
    static final VariableFactory<Object> HOUSEHOLDS = customVariable("households", Object.class);

    static final List<String> NAMES = Stream.of(OPEN_APPEAL, HOUSEHOLDS)
        .map(VariableFactory::getName).toList();

    private Forms() {}
  }

  public static String businessKey(long campaignId) {
    return "CP-" + campaignId;
  }

  /** The campaign a process's business key names. */
  public static long campaignIdOf(String businessKey) {
    return campaignId(businessKey);
  }

  static long campaignId(String businessKey) {
    return Long.parseLong(businessKey.substring(businessKey.indexOf('-') + 1));
  }

  static long campaignId(DelegateExecution execution) {
    return campaignId(execution.getProcessBusinessKey());
  }

  private CarePackProcess() {}
}
