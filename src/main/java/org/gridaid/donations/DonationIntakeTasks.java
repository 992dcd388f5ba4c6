package org.gridaid.donations;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Finance's confirmation and the desk's follow-up. Confirming numbers the receipt and queues the
 * thanks in the engine's transaction; the listener, not the form, writes what the gateway routes by.
 */
@Component("donationIntakeTasks")
class DonationIntakeTasks implements TaskListener {

  static final String RECEIVED = "RECEIVED";
  static final String NOT_RECEIVED = "NOT_RECEIVED";
  private static final Map<String, String> FIELD_LABELS = Map.of(
      DonationIntakeProcess.RECEIPT_OUTCOME.getName(), "到账情况",
      DonationIntakeProcess.FINANCE_NOTE.getName(), "未到账情况说明",
      DonationIntakeProcess.FINANCE_CONTACTED.getName(), "已联系财务核对");

  private final GiftService gifts;

  DonationIntakeTasks(GiftService gifts) {
    this.gifts = gifts;
  }

  @Override
  public void notify(DelegateTask task) {
    long giftId = DonationIntakeProcess.GIFT_ID.from(task).get();
    String actor = EngineUsers.current(task, task.getAssignee());
    try {
      switch (task.getTaskDefinitionKey()) {
        case DonationIntakeProcess.TASK_CONFIRM -> confirm(task, giftId, actor);
        case DonationIntakeProcess.TASK_FOLLOW_UP -> {
          if (!Boolean.TRUE.equals(FormVariables.readYesOrNo(DonationIntakeProcess.FINANCE_CONTACTED, task))) {
            throw new InvalidInputException(DonationIntakeProcess.FINANCE_CONTACTED.getName(), "must be ticked");
          }
        }
        default -> { }
      }
    } catch (InvalidInputException e) {
      throw new FormRefused(e, FIELD_LABELS);
    }
  }

  private void confirm(DelegateTask task, long giftId, String actor) {
    String outcome = FormVariables.read(DonationIntakeProcess.RECEIPT_OUTCOME, task);
    String note = FormVariables.read(DonationIntakeProcess.FINANCE_NOTE, task);
    if (RECEIVED.equals(outcome)) {
      gifts.confirm(giftId, actor);
    } else if (NOT_RECEIVED.equals(outcome)) {
      String why = note == null ? null : note.strip();
      if (why == null || why.isEmpty()) {
        throw new InvalidInputException(DonationIntakeProcess.FINANCE_NOTE.getName(),
            "is required when the money did not arrive");
      }
      if (why.length() > 200) {
        throw new InvalidInputException(DonationIntakeProcess.FINANCE_NOTE.getName(), "must be at most 200 characters");
      }
      gifts.notReceived(giftId, why, actor);
    } else {
      throw new InvalidInputException(DonationIntakeProcess.RECEIPT_OUTCOME.getName(),
          outcome == null ? "is required" : "must be RECEIVED or NOT_RECEIVED");
    }
    DonationIntakeProcess.GIFT_CONFIRMED.on(task.getExecution()).set(RECEIVED.equals(outcome));
  }
}
