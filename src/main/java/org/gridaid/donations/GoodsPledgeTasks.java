package org.gridaid.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The site's check-in and the desk's call about a pledge not delivered. The listener reads and
 * checks the form, calls one command and writes what the gateway routes by (and, for an
 * extension, the new deadlines the timers read).
 */
@Component("goodsPledgeTasks")
class GoodsPledgeTasks implements TaskListener {

  static final String EXTEND = "EXTEND";
  static final String CANCEL = "CANCEL";
  private static final Map<String, String> FIELD_LABELS = Map.of(
      "receivedQuantity", "实收数量", "refusedQuantity", "拒收数量", "refusedReason", "拒收原因", "expiry", "保质期",
      "pledgeDecision", "联系结果", "newPromisedOn", "新的送达日期", "cancelReason", "取消原因");

  private final PledgeService pledges;

  GoodsPledgeTasks(PledgeService pledges) {
    this.pledges = pledges;
  }

  @Override
  public void notify(DelegateTask task) {
    long pledgeId = GoodsPledgeProcess.PLEDGE_ID.from(task).get();
    String actor = EngineUsers.current(task, task.getAssignee());
    try {
      switch (task.getTaskDefinitionKey()) {
        case GoodsPledgeProcess.TASK_CHECK_IN -> checkIn(task, pledgeId, actor);
        case GoodsPledgeProcess.TASK_FOLLOW_UP -> followUp(task, pledgeId);
        default -> { }
      }
    } catch (InvalidInputException e) {
      throw new FormRefused(e, FIELD_LABELS);
    }
  }

  private void checkIn(DelegateTask task, long pledgeId, String actor) {
    Integer received = quantity(GoodsPledgeProcess.RECEIVED_QUANTITY.getName(),
        FormVariables.read(GoodsPledgeProcess.RECEIVED_QUANTITY, task));
    if (received == null) {
      throw new InvalidInputException("receivedQuantity", "is required");
    }
    Integer refused = quantity("refusedQuantity", FormVariables.read(GoodsPledgeProcess.REFUSED_QUANTITY, task));
    String reason = blankless(FormVariables.read(GoodsPledgeProcess.REFUSED_REASON, task));
    LocalDate expiry = date("expiry", FormVariables.read(GoodsPledgeProcess.EXPIRY, task));
    pledges.checkIn(pledgeId, new Pledge.CheckIn(received, refused == null ? 0 : refused, reason, expiry), actor);
  }

  private void followUp(DelegateTask task, long pledgeId) {
    String decision = FormVariables.read(GoodsPledgeProcess.PLEDGE_DECISION, task);
    var process = task.getExecution();
    if (EXTEND.equals(decision)) {
      LocalDate newDate = date("newPromisedOn", FormVariables.read(GoodsPledgeProcess.NEW_PROMISED_ON, task));
      if (newDate == null) {
        throw new InvalidInputException("newPromisedOn", "is required to extend");
      }
      if (newDate.isBefore(pledges.today())) {
        throw new InvalidInputException("newPromisedOn", "must be today or later");
      }
      Pledge extended = pledges.load(pledgeId);
      if (!newDate.isAfter(extended.promisedOn())) {
        throw new InvalidInputException("newPromisedOn", "must be after " + extended.promisedOn());
      }
      pledges.extend(pledgeId, newDate);
      GoodsPledgeProcess.REMIND_AT.on(process).set(pledges.remindAt(newDate));
      GoodsPledgeProcess.OVERDUE_AT.on(process).set(pledges.overdueAt(newDate));
      GoodsPledgeProcess.PLEDGE_EXTENDED.on(process).set(true);
    } else if (CANCEL.equals(decision)) {
      String reason = blankless(FormVariables.read(GoodsPledgeProcess.CANCEL_REASON, task));
      if (reason == null) {
        throw new InvalidInputException("cancelReason", "is required to cancel");
      }
      if (reason.length() > 200) {
        throw new InvalidInputException("cancelReason", "must be at most 200 characters");
      }
      pledges.cancel(pledgeId, reason);
      GoodsPledgeProcess.PLEDGE_EXTENDED.on(process).set(false);
    } else {
      throw new InvalidInputException("pledgeDecision", decision == null ? "is required" : "must be EXTEND or CANCEL");
    }
  }

  /** A whole number of units from a form (form-js sends numbers as Long or Double). */
  static Integer quantity(String field, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    try {
      BigDecimal number = new BigDecimal(value.toString());
      return number.intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidInputException(field, "must be a whole number");
    }
  }

  /** A day from a form: text (2026-12-31) from the date picker, or a Date from an API caller. */
  LocalDate date(String field, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), pledges.zone());
    }
    try {
      return LocalDate.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "must be a date (2026-12-31)");
    }
  }

  static String blankless(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
