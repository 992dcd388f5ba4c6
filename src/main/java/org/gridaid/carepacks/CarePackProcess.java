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

  // what the task forms show
  static final VariableFactory<String> CAMPAIGN_SUMMARY = stringVariable("campaignSummary");
  static final VariableFactory<String> SHORTAGE = stringVariable("shortage");
  static final VariableFactory<String> PACKING_LIST = stringVariable("packingList");

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
