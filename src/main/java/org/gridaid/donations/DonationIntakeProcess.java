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
 * Finance's confirmation of money the desk recorded (donation-intake.bpmn): its key, the element
 * ids code refers to, its variables. The business key is {@link #businessKey}.
 */
public final class DonationIntakeProcess {

  public static final String KEY = "donationIntake";
  public static final String TASK_CONFIRM = "userTask_confirmReceipt";
  public static final String TASK_FOLLOW_UP = "userTask_followUpConfirmation";
  public static final String TIMER_OVERDUE = "event_confirmationOverdue";

  /** What the desk's start form in Tasklist asks (record-donation.form). Removed once the gift has it. */
  static final class StartForm {
    static final VariableFactory<Object> APPEAL_ID = customVariable("appealId", Object.class);
    static final VariableFactory<String> CHANNEL = stringVariable("channel");
    /** Yuan as typed, "12.50": a text, so that no floating point ever holds money. */
    static final VariableFactory<Object> AMOUNT = customVariable("amount", Object.class);
    static final VariableFactory<String> DONOR_NAME = stringVariable("donorName");
    static final VariableFactory<String> DONOR_PHONE = stringVariable("donorPhone");
    static final VariableFactory<String> DONOR_ID_NUMBER = stringVariable("donorIdNumber");
    static final VariableFactory<Object> ANONYMOUS = customVariable("anonymous", Object.class);
    static final VariableFactory<String> INITIATOR = stringVariable("initiatorId");

    static final Set<String> PERSONAL = Set.of(DONOR_NAME.getName(), DONOR_PHONE.getName(),
        DONOR_ID_NUMBER.getName());
    static final List<String> NAMES = Stream.of(APPEAL_ID, CHANNEL, AMOUNT, DONOR_NAME, DONOR_PHONE, DONOR_ID_NUMBER,
        ANONYMOUS).map(VariableFactory::getName).toList();

    private StartForm() {}
  }

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
