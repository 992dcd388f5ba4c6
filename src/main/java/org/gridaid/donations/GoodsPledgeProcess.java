package org.gridaid.donations;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A pledge of goods from the promise to the site's check-in (goods-pledge.bpmn): its key, the
 * element ids code refers to, its variables. The business key is {@link #businessKey}.
 */
public final class GoodsPledgeProcess {

  public static final String KEY = "goodsPledge";
  public static final String TASK_CHECK_IN = "userTask_checkIn";
  public static final String TASK_FOLLOW_UP = "userTask_followUpPledge";
  public static final String TIMER_REMIND = "event_remindDonor";
  public static final String TIMER_NOT_DELIVERED = "event_notDelivered";

  /** What the desk's start form in Tasklist asks (record-pledge.form). Removed once the pledge has it. */
  static final class StartForm {
    static final VariableFactory<Object> APPEAL_ID = customVariable("appealId", Object.class);
    static final VariableFactory<String> DONOR_NAME = stringVariable("donorName");
    static final VariableFactory<String> DONOR_PHONE = stringVariable("donorPhone");
    static final VariableFactory<Object> ANONYMOUS = customVariable("anonymous", Object.class);
    static final VariableFactory<Object> QUANTITY = customVariable("quantity", Object.class);
    static final VariableFactory<String> SITE_CODE = stringVariable("siteCode");
    static final VariableFactory<Object> PROMISED_ON = customVariable("promisedOn", Object.class);
    static final VariableFactory<String> INITIATOR = stringVariable("initiatorId");

    static final Set<String> PERSONAL = Set.of(DONOR_NAME.getName(), DONOR_PHONE.getName());
    static final List<String> NAMES = Stream.of(APPEAL_ID, DONOR_NAME, DONOR_PHONE, ANONYMOUS, QUANTITY, SITE_CODE,
        PROMISED_ON).map(VariableFactory::getName).toList();

    private StartForm() {}
  }

  static final VariableFactory<Long> PLEDGE_ID = longVariable("pledgeId");
  /** The morning before the promised day: the donor is reminded. */
  static final VariableFactory<Date> REMIND_AT = dateVariable("remindAt");
  /** The end of the promised day: not checked in by then, the desk calls the donor. */
  static final VariableFactory<Date> OVERDUE_AT = dateVariable("overdueAt");
  /** Donor, phone, item, quantity, site and date as the forms show them. Personal. */
  static final VariableFactory<String> PLEDGE_SUMMARY = stringVariable("pledgeSummary");
  // checkInDonation's fields
  static final VariableFactory<Object> RECEIVED_QUANTITY = customVariable("receivedQuantity", Object.class);
  static final VariableFactory<Object> REFUSED_QUANTITY = customVariable("refusedQuantity", Object.class);
  /** Why goods were refused (damaged), as the site wrote it. Personal (free text). */
  static final VariableFactory<String> REFUSED_REASON = stringVariable("refusedReason");
  static final VariableFactory<Object> EXPIRY = customVariable("expiry", Object.class);
  // followUpPledge's fields
  static final VariableFactory<String> PLEDGE_DECISION = stringVariable("pledgeDecision");
  static final VariableFactory<Object> NEW_PROMISED_ON = customVariable("newPromisedOn", Object.class);
  /** Why the donor will not deliver, as the desk wrote it. Personal (free text). */
  static final VariableFactory<String> CANCEL_REASON = stringVariable("cancelReason");
  /** What the gateway after the desk's call routes by, written by the listener. */
  static final VariableFactory<Boolean> PLEDGE_EXTENDED = booleanVariable("pledgeExtended");

  /**
   * The business key of the pledge's instance, {@code pledge-<id>}: a plain id would be another
   * process's key as well (a help request's), and a query by business key would find both.
   */
  public static String businessKey(long pledgeId) {
    return "pledge-" + pledgeId;
  }

  private GoodsPledgeProcess() {}
}
