package org.gridaid.donations;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/**
 * Finance's confirmation of money the desk recorded (donation-intake.bpmn): its key, the element
 * ids code refers to, its variables. The business key is {@link #businessKey}.
 */
public final class DonationIntakeProcess {

  public static final String KEY = "donationIntake";
  public static final String TASK_CONFIRM = "userTask_confirmReceipt";
  public static final String TASK_FOLLOW_UP = "userTask_followUpConfirmation";
  public static final String TIMER_OVERDUE = "event_confirmationOverdue";

  static final VariableFactory<Long> GIFT_ID = longVariable("giftId");
  static final VariableFactory<Date> CONFIRM_DUE_AT = dateVariable("confirmDueAt");
  /** What the forms show of the gift: channel, amount, the donor's name. Personal. */
  static final VariableFactory<String> GIFT_SUMMARY = stringVariable("giftSummary");
  /** confirmDonation's choice: RECEIVED or NOT_RECEIVED (read by the listener, never by a gateway). */
  static final VariableFactory<String> RECEIPT_OUTCOME = stringVariable("receiptOutcome");
  /** Why the money did not arrive, as finance wrote it. Personal (free text). */
  static final VariableFactory<String> FINANCE_NOTE = stringVariable("financeNote");
  /** followUpDonation's checkbox. */
  static final VariableFactory<Object> FINANCE_CONTACTED = customVariable("financeContacted", Object.class);
  /** What the gateway routes by, written by the listener once the gift is confirmed or found missing. */
  static final VariableFactory<Boolean> GIFT_CONFIRMED = booleanVariable("giftConfirmed");

  /**
   * The business key of the gift's instance, {@code gift-<id>}: a plain id would be another
   * process's key as well (a help request's), and a query by business key would find both.
   */
  public static String businessKey(long giftId) {
    return "gift-" + giftId;
  }

  private DonationIntakeProcess() {}
}
