package org.gridaid.medicine;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.List;
import java.util.Date;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridaid.shared.engine.CancellationMessage;

/**
 * The medicine-delivery process (medicine-delivery.bpmn): its key, the element ids code refers
 * to, and one typed declaration per variable. The business key is the delivery id; variables
 * hold what routing and the timers need, never the recipient.
 */
public final class MedicineDeliveryProcess {

  public static final String KEY = "medicineDelivery";
  public static final String MESSAGE_CANCELLED = "medicineDeliveryCancelled";

  /** 登记送药需求: commits on its own (asyncAfter) before the pharmacy's and the stock's steps. */
  public static final String STEP_REGISTER = "serviceTask_registerDelivery";
  public static final String TASK_LIST_MEDICINES = "userTask_listMedicines";
  public static final String TASK_CHECK_PRESCRIPTION = "userTask_checkPrescription";
  public static final String TASK_SOURCE_STOCK = "userTask_sourceStock";
  public static final String TASK_SOURCING_FOLLOW_UP = "userTask_sourcingFollowUp";
  public static final String TASK_PICK_UP = "userTask_pickUp";
  public static final String TASK_DELIVER = "userTask_deliver";
  public static final String TASK_COLD_CHAIN_ALERT = "userTask_coldChainAlert";
  public static final String TASK_PHARMACY_FOLLOW_UP = "userTask_pharmacyFollowUp";
  public static final String TASK_DELIVERY_FOLLOW_UP = "userTask_deliveryFollowUp";

  public static final String TIMER_LIST_OVERDUE = "event_listOverdue";
  public static final String TIMER_CHECK_OVERDUE = "event_checkOverdue";
  public static final String TIMER_SOURCING_OVERDUE = "event_sourcingOverdue";
  public static final String TIMER_DELIVERY_LATE = "event_deliveryLate";
  public static final String TIMER_UNCLAIMED = "event_unclaimed";
  public static final String TIMER_RETRY_DELIVERY = "timer_retryDelivery";
  public static final String TIMER_COLD_CHAIN = "timer_coldChainDeadline";

  /** What the Tasklist start form asks. Removed once the delivery has it. */
  static final class StartForm {
    static final VariableFactory<String> RECIPIENT_NAME = stringVariable("recipientName");
    static final VariableFactory<String> RECIPIENT_PHONE = stringVariable("recipientPhone");
    static final VariableFactory<String> RECIPIENT_ADDRESS = stringVariable("recipientAddress");
    static final VariableFactory<String> REQUESTED_ITEMS = stringVariable("requestedItems");
    static final VariableFactory<String> URGENCY = stringVariable("urgency");
    static final VariableFactory<String> INITIATOR = stringVariable("initiatorId");

    static final Set<String> PERSONAL = Set.of(RECIPIENT_NAME.getName(), RECIPIENT_PHONE.getName(),
        RECIPIENT_ADDRESS.getName(), REQUESTED_ITEMS.getName());
    static final List<String> NAMES = Stream.of(RECIPIENT_NAME, RECIPIENT_PHONE, RECIPIENT_ADDRESS, REQUESTED_ITEMS,
        URGENCY).map(VariableFactory::getName).toList();

    private StartForm() {}
  }

  // routing and timers, written by the application
  static final VariableFactory<String> GRID_CODE = stringVariable("gridCode");
  static final VariableFactory<String> STREET_CODE = stringVariable("streetCode");
  static final VariableFactory<Integer> TASK_PRIORITY = intVariable("taskPriority");
  static final VariableFactory<Boolean> HAS_LINES = booleanVariable("hasLines");
  static final VariableFactory<Boolean> NEEDS_PRESCRIPTION_CHECK = booleanVariable("needsPrescriptionCheck");
  static final VariableFactory<Boolean> ANYTHING_APPROVED = booleanVariable("anythingApproved");
  static final VariableFactory<Boolean> STOCK_RESERVED = booleanVariable("stockReserved");
  /** STOCKED or UNAVAILABLE, as the sourcing task's listener checked it. */
  static final VariableFactory<String> SOURCING_RESULT = stringVariable("sourcingResult");
  static final VariableFactory<Date> LIST_DUE = dateVariable("listDue");
  static final VariableFactory<Date> SOURCING_DUE = dateVariable("sourcingDue");
  /** ISO-8601: how long the street's volunteers have to claim the job. */
  static final VariableFactory<String> CLAIM_WITHIN = stringVariable("claimWithin");
  static final VariableFactory<Date> PICK_UP_DUE = dateVariable("pickUpDue");
  static final VariableFactory<Date> DELIVER_DUE = dateVariable("deliverDue");
  /** Who picked the medicine up and delivers it (null once the grid's staff took it over). */
  static final VariableFactory<String> COURIER = stringVariable("courier");
  /** Who else may deliver it: the street's volunteers, later the grid's staff. */
  static final VariableFactory<String> DELIVERY_GROUP = stringVariable("deliveryGroup");
  /** DELIVERED, NOT_AT_HOME or NOT_DELIVERED, as the delivery task's listener checked it. */
  static final VariableFactory<String> DELIVERY_RESULT = stringVariable("deliveryResult");
  static final VariableFactory<Boolean> HAND_TO_GRID = booleanVariable("handToGrid");
  static final VariableFactory<Date> RETRY_AT = dateVariable("retryAt");
  static final VariableFactory<Boolean> COLD_CHAIN = booleanVariable("coldChain");
  static final VariableFactory<Date> COLD_CHAIN_DEADLINE = dateVariable("coldChainDeadline");
  /** Why and by whom a delivery is withdrawn: handed to 记录撤销 with the message only. */
  static final VariableFactory<String> CANCEL_REASON = stringVariable(CancellationMessage.REASON);
  static final VariableFactory<String> CANCELLED_BY = stringVariable(CancellationMessage.ACTOR);

  // what the task forms show, on each task
  static final VariableFactory<String> DELIVERY_SUMMARY = stringVariable("deliverySummary");
  static final VariableFactory<String> SHORTAGE = stringVariable("shortage");

  /** What the task forms submit: the contract for Tasklist and /engine-rest callers. */
  static final class Forms {
    /** 药房开列药品: the catalogue's medicines, [{itemCode, item, quantity}], those needed with a quantity. */
    static final VariableFactory<Object> LINES = customVariable("lines", Object.class);
    /** 处方审核: [{lineNo, decision, approvedQuantity, reason}]. */
    static final VariableFactory<Object> PRESCRIPTION_LINES = customVariable("prescriptionLines", Object.class);
    static final VariableFactory<String> SOURCING_OUTCOME = stringVariable("sourcingOutcome");
    static final VariableFactory<String> SOURCING_NOTE = stringVariable("sourcingNote");
    static final VariableFactory<String> PICK_UP_NOTE = stringVariable("pickUpNote");
    static final VariableFactory<String> DELIVERY_OUTCOME = stringVariable("deliveryOutcome");
    static final VariableFactory<String> CONFIRMATION_CODE = stringVariable("confirmationCode");
    static final VariableFactory<String> RECEIVED_BY = stringVariable("receivedBy");
    static final VariableFactory<String> DELIVERY_NOTE = stringVariable("deliveryNote");
    /** 送达确认: [{lineNo, accepted, refused, refusalReason}]. */
    static final VariableFactory<Object> DELIVERED_LINES = customVariable("deliveredLines", Object.class);
    static final VariableFactory<String> SUPERVISION_NOTE = stringVariable("supervisionNote");

    /** Every field a task form submits; none of them outlives its task. */
    static final List<String> NAMES = Stream.of(LINES, PRESCRIPTION_LINES, SOURCING_OUTCOME, SOURCING_NOTE,
        PICK_UP_NOTE, DELIVERY_OUTCOME, CONFIRMATION_CODE, RECEIVED_BY, DELIVERY_NOTE, DELIVERED_LINES,
        SUPERVISION_NOTE).map(VariableFactory::getName).toList();

    private Forms() {}
  }

  /**
   * The business key of a delivery's process: MD-42. Prefixed, as help requests and deliveries
   * count their ids apart: a query by business key finds one process, not one of each.
   */
  public static String businessKey(long deliveryId) {
    return "MD-" + deliveryId;
  }

  static long deliveryId(String businessKey) {
    return Long.parseLong(businessKey.substring(businessKey.indexOf('-') + 1));
  }

  static long deliveryId(DelegateExecution execution) {
    return deliveryId(execution.getProcessBusinessKey());
  }

  private MedicineDeliveryProcess() {}
}
